"""Deployment checks of the accounts app: the privacy notice must name who is responsible for the data and where
people ask about it before anyone is asked to accept it; invitation links must lead to the public web app."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def _named() -> tuple[tuple[str, str], ...]:
    return (("PRIVACY_CONTROLLER", settings.PRIVACY_CONTROLLER), ("PRIVACY_CONTACT", settings.PRIVACY_CONTACT))


@checks.register(checks.Tags.security, deploy=True)
def privacy_notice_named(app_configs, **kwargs) -> list[checks.CheckMessage]:
    return [
        checks.Warning(
            f"{name} is empty: the privacy notice people accept names nobody there.",
            hint=f"Set {name} in the environment (see .env.example).",
            id=f"accounts.W00{number}",
        )
        for number, (name, value) in enumerate(_named(), start=1)
        if not value.strip()
    ]


@checks.register(checks.Tags.urls, deploy=True)
def invitation_links_are_public(app_configs, **kwargs) -> list[checks.CheckMessage]:
    if (urlsplit(settings.INVITATION_URL).hostname or "") not in LOCAL_HOSTS:
        return []
    return [
        checks.Warning(
            "INVITATION_URL points at this host: the links that invitations send by SMS and print as QR codes "
            "will not open on people's phones.",
            hint="Set INVITATION_URL to the public address of the web app's /activate/ page.",
            id="accounts.W003",
        )
    ]
