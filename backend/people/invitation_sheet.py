"""The printable sheet of invitation QR codes of one community (A4, twelve members a page) for members without SMS.
Each QR holds the member's invitation link; printing issues new invitations, so a sheet printed before stops
working, and every page says so. reportlab as for the feedback reports (Chinese through the built-in CID font),
segno for the codes, drawn as vector squares: no image library needed."""

from __future__ import annotations

import io

import segno
from django.db import transaction
from django.utils import timezone

from accounts import services as accounts_services
from people.selectors import volunteers_to_invite

CJK_FONT = "STSong-Light"
COLUMNS, ROWS = 3, 4
NOTE = "本页二维码为激活链接，请交本人扫码设置密码。重新打印会使此前打印或短信发送的激活链接全部失效。"


@transaction.atomic
def invitation_sheet_pdf(*, community, issued_by) -> bytes:
    """New invitations (not sent: printed) for the community's members who have not activated, as a PDF."""
    entries = []
    for volunteer in volunteers_to_invite(community=community):
        invitation = accounts_services.invitation_issue(user=volunteer.user, created_by=issued_by, send=False)
        entries.append((volunteer, accounts_services.invitation_link(invitation.token)))
    return _render(community=community, entries=entries)


def _render(*, community, entries) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    out = io.BytesIO()
    width, height = A4
    pdf = canvas.Canvas(out, pagesize=A4, title=f"{community.name} 激活二维码")
    margin, top = 12 * mm, 28 * mm
    cell_w, cell_h = (width - 2 * margin) / COLUMNS, (height - top - margin) / ROWS
    per_page = COLUMNS * ROWS
    pages = max(1, -(-len(entries) // per_page))
    printed = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    for page in range(pages):
        pdf.setFont(CJK_FONT, 14)
        pdf.drawString(margin, height - 14 * mm, f"{community.name} 志愿者账号激活二维码（{page + 1}/{pages}）")
        pdf.setFont(CJK_FONT, 8.5)
        pdf.drawString(margin, height - 20 * mm, NOTE)
        pdf.drawString(margin, height - 24 * mm, f"打印时间：{printed}")
        if not entries:
            pdf.setFont(CJK_FONT, 11)
            pdf.drawString(margin, height - 40 * mm, "本社区志愿者均已激活，无需打印。")
        for index, (volunteer, link) in enumerate(entries[page * per_page : (page + 1) * per_page]):
            column, row = index % COLUMNS, index // COLUMNS
            x, y = margin + column * cell_w, height - top - (row + 1) * cell_h
            qr_draw(pdf, link, x + (cell_w - 40 * mm) / 2, y + 14 * mm, 40 * mm)
            pdf.setFont(CJK_FONT, 10)
            pdf.drawCentredString(x + cell_w / 2, y + 8 * mm, volunteer.name)
            pdf.setFont(CJK_FONT, 8)
            pdf.drawCentredString(x + cell_w / 2, y + 4 * mm, f"编号 {volunteer.number}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def qr_draw(pdf, data: str, x: float, y: float, size: float) -> None:
    """The QR code of `data` as filled squares, its quiet zone included, in a `size` square at (x, y) (the order
    posters of ordering.poster draw theirs with it too)."""
    qr = segno.make_qr(data, error="m")
    matrix = list(qr.matrix_iter(scale=1, border=4))
    module = size / len(matrix)
    pdf.setFillColorRGB(0, 0, 0)
    for r, line in enumerate(matrix):
        for c, dark in enumerate(line):
            if dark:
                pdf.rect(x + c * module, y + size - (r + 1) * module, module, module, stroke=0, fill=1)
