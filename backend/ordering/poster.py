"""The printable order poster (点单海报) of one community: an A4 page with the QR code of its public order page
(ORDER_URL + its id), what a resident can order there and how it goes. Nobody's personal data is on it. reportlab
with its built-in CID font for Chinese, the QR drawn as vector squares (people.invitation_sheet.qr_draw)."""

from __future__ import annotations

import io

from django.conf import settings

from people.invitation_sheet import CJK_FONT, qr_draw

STEPS = "扫码填写需求 → 短信验证手机号 → 获得查询单号 → 社区审核派单 → 服务完成后评价"
NOTE = "凭查询单号和手机号可随时查看办理进度。本页不收集、不显示任何他人信息。"


def order_page_url(community) -> str:
    return f"{settings.ORDER_URL}{community.pk}"


def order_poster_pdf(*, community) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    out = io.BytesIO()
    width, height = A4
    url = order_page_url(community)
    pdf = canvas.Canvas(out, pagesize=A4, title=f"{community.name} 点单海报")
    pdf.setFont(CJK_FONT, 30)
    pdf.drawCentredString(width / 2, height - 40 * mm, f"{community.name}")
    pdf.setFont(CJK_FONT, 22)
    pdf.drawCentredString(width / 2, height - 55 * mm, "居民点单 · 扫码提需求")
    size = 120 * mm
    qr_draw(pdf, url, (width - size) / 2, height - 70 * mm - size, size)
    pdf.setFont(CJK_FONT, 12)
    pdf.drawCentredString(width / 2, height - 80 * mm - size, STEPS)
    pdf.setFont(CJK_FONT, 10)
    pdf.drawCentredString(width / 2, height - 90 * mm - size, NOTE)
    pdf.setFont(CJK_FONT, 9)
    pdf.drawCentredString(width / 2, 20 * mm, url)
    pdf.showPage()
    pdf.save()
    return out.getvalue()
