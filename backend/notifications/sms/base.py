"""The SMS provider interface: `send(phone, template, params) -> SmsResult`, the typed errors every adapter
raises (permanent: never retried; temporary: retried with back-off), and the configured provider."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

from notifications.sms.templates import Template, template_get

PROVIDERS = {
    "console": "notifications.sms.console.ConsoleProvider",
    "aliyun": "notifications.sms.aliyun.AliyunProvider",
    "tencent": "notifications.sms.tencent.TencentProvider",
}


class SmsError(Exception):
    """A send the provider refused or did not answer. `code` is the provider's (or ours), safe to log: never
    the phone number, the text or its parameters."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(code)
        self.code = code
        self.detail = detail


class SmsPermanentError(SmsError):
    """Sending again cannot help: a bad number, template or sign name, missing configuration, a refused key."""


class SmsTemporaryError(SmsError):
    """Sending later may succeed: throttled, timed out, the provider's server failed."""


@dataclass(frozen=True)
class SmsResult:
    provider_id: str  # the provider's message id (Aliyun BizId, Tencent SerialNo; the console makes one)


class SmsProvider:
    """Sends one text of a logical template to one mainland number."""

    name = "provider"

    def send(self, phone: str, template: str, params: dict) -> SmsResult:
        raise NotImplementedError

    @staticmethod
    def template(name: str) -> Template:
        return template_get(name)

    @staticmethod
    def template_id(name: str) -> str:
        """The provider's id of a logical template; a permanent error when the installation has not set it."""
        template_id = settings.SMS_TEMPLATES.get(name, "")
        if not template_id:
            raise SmsPermanentError("template_not_configured", f"SMS_TEMPLATE_{name.upper()} is not set")
        return template_id

    @staticmethod
    def sign_name() -> str:
        if not settings.SMS_SIGN_NAME:
            raise SmsPermanentError("sign_name_not_configured", "SMS_SIGN_NAME is not set")
        return settings.SMS_SIGN_NAME


def provider_get() -> SmsProvider:
    """The provider SMS_PROVIDER names (console, aliyun, tencent, or an import path)."""
    path = PROVIDERS.get(settings.SMS_PROVIDER, settings.SMS_PROVIDER)
    return import_string(path)()
