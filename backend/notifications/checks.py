"""Deployment checks of the notifications app: notices that should leave the server can. The console SMS provider
(the demo's) only writes a log line, and an SMTP server on the web process's own host is rarely there in a
container; either way nobody would be reached, and nothing else would say so."""

from django.conf import settings
from django.core import checks

SMS_CHANNEL = "notifications.channels.SmsChannel"
EMAIL_CHANNEL = "notifications.channels.EmailChannel"
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


@checks.register(checks.Tags.compatibility, deploy=True)
def notices_leave_the_server(app_configs, **kwargs) -> list[checks.CheckMessage]:
    found = []
    if SMS_CHANNEL in settings.NOTIFICATION_CHANNELS and settings.SMS_PROVIDER == "console":
        found.append(
            checks.Warning(
                "SMS_PROVIDER is console: text messages (invitations, login codes, notices) are only logged.",
                hint="Set SMS_PROVIDER to aliyun or tencent with its keys, or leave SmsChannel out of "
                "NOTIFICATION_CHANNELS.",
                id="notifications.W001",
            )
        )
    if (
        EMAIL_CHANNEL in settings.NOTIFICATION_CHANNELS
        and settings.EMAIL_BACKEND == SMTP_BACKEND
        and settings.EMAIL_HOST in LOCAL_HOSTS
    ):
        found.append(
            checks.Warning(
                "EMAIL_URL names this host as the mail server: notification e-mails will fail unless one runs here.",
                hint="Set EMAIL_URL to your mail server, or leave EmailChannel out of NOTIFICATION_CHANNELS.",
                id="notifications.W002",
            )
        )
    return found
