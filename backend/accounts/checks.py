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


def _public_links() -> tuple[tuple[str, str, str], ...]:
    return (
        ("INVITATION_URL", settings.INVITATION_URL, "/activate/"),
        ("ORDER_URL", settings.ORDER_URL, "/order/"),
    )


@checks.register(checks.Tags.urls, deploy=True)
def links_on_phones_are_public(app_configs, **kwargs) -> list[checks.CheckMessage]:
    return [
        checks.Warning(
            f"{name} points at this host: the links sent by SMS and printed as QR codes will not open on people's "
            "phones.",
            hint=f"Set {name} to the public address of the web app's {page} page.",
            id=f"accounts.W00{number}",
        )
        for number, (name, value, page) in enumerate(_public_links(), start=3)
        if (urlsplit(value).hostname or "") in LOCAL_HOSTS
    ]
