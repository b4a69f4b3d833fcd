"""How accounts reaches a person: the invitation and the one-time codes by SMS (notifications.sms.queue_sms: a
delivery row written in the caller's transaction, sent by a Celery task after commit, once per event, urgent so
that quiet hours do not hold back a code somebody waits for), and the invitation by e-mail where the account has
an address. The one seam between accounts and the channels: codes never pass through a log line here."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from notifications.sms import queue_sms

INVITATION_SUBJECT = "社区志愿服务账号激活"
INVITATION_EMAIL = (
    "{name}，您好：\n\n您的社区志愿服务账号已开通。请在 {days} 天内打开以下链接设置密码：\n{link}\n\n"
    "也可以在激活页面输入手机号和激活码 {code}。\n"
)


def invitation_deliver(*, user, link: str, code: str, event_key: str) -> list[str]:
    """The invitation by SMS, and by e-mail (after commit) where known; the channels it goes through."""
    channels = []
    if user.phone:
        queue_sms(user.phone, "invitation", {"code": code, "link": link}, event_key, urgent=True, recipient=user)
        channels.append("sms")
    if user.email:
        body = INVITATION_EMAIL.format(
            name=user.display_name or user.username, days=int(settings.INVITATION_DAYS), link=link, code=code
        )
        address = user.email
        transaction.on_commit(
            lambda: send_mail(
                subject=INVITATION_SUBJECT, message=body, from_email=None, recipient_list=[address], fail_silently=False
            )
        )
        channels.append("email")
    return channels


def phone_code_deliver(*, user, phone: str, purpose: str, code: str, event_key: str) -> None:
    queue_sms(
        phone,
        f"{purpose}_code",
        {"code": code, "minutes": int(settings.PHONE_CODE_MINUTES)},
        event_key,
        urgent=True,
        recipient=user,
    )
