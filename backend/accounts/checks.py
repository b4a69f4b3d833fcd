"""Deployment checks of the accounts app: the privacy notice must name who is responsible for the data and where
people ask about it before anyone is asked to accept it."""

from django.conf import settings
from django.core import checks


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
