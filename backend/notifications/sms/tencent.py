"""Tencent Cloud SMS (API version 2021-01-11) through its official SDK: SendSms with the SMS application's
SdkAppId, the sign name, the template's id and its parameters as a list in the template's order, signed
TC3-HMAC-SHA256 by the SDK. A request-level failure is {"Response": {"Error": {"Code", "Message"}}} (the SDK
raises it); a number-level one is the Code of its entry in SendStatusSet ("Ok" when sent)."""

from __future__ import annotations

from django.conf import settings
from tencentcloud.common.credential import Credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.sms.v20210111 import models as sms_models
from tencentcloud.sms.v20210111.sms_client import SmsClient

from notifications.sms.base import SmsPermanentError, SmsProvider, SmsResult, SmsTemporaryError
from notifications.sms.endpoints import endpoint_split
from notifications.sms.templates import template_params

# Worth trying again later: the 30-second and hourly limits of a number, the API's rate limit, the network and
# the provider's own errors. Daily limits, templates, signatures, numbers, balance and keys are not.
TEMPORARY_CODES = {
    "LimitExceeded.PhoneNumberThirtySecondLimit",
    "LimitExceeded.PhoneNumberOneHourLimit",
    "RequestLimitExceeded",
    "ClientNetworkError",
    "ServerNetworkError",
}


def _error(code: str, detail: str) -> Exception:
    temporary = code in TEMPORARY_CODES or code.startswith("InternalError")
    return (SmsTemporaryError if temporary else SmsPermanentError)(code, (detail or "")[:200])


def e164(phone: str) -> str:
    """Tencent wants +86…: an 11-digit mainland number gets the country code."""
    phone = phone.strip()
    return f"+86{phone}" if len(phone) == 11 and phone.isdigit() else phone


class TencentProvider(SmsProvider):
    name = "tencent"

    def _client(self) -> SmsClient:
        if not (settings.SMS_TENCENT_SECRET_ID and settings.SMS_TENCENT_SECRET_KEY and settings.SMS_TENCENT_SDK_APP_ID):
            raise SmsPermanentError(
                "credentials_not_configured", "SMS_TENCENT_SECRET_ID/SECRET_KEY/SDK_APP_ID are not set"
            )
        scheme, host = endpoint_split(settings.SMS_TENCENT_ENDPOINT)
        http = HttpProfile(protocol=scheme, endpoint=host, reqTimeout=max(1, round(settings.SMS_TIMEOUT_SECONDS)))
        return SmsClient(
            Credential(settings.SMS_TENCENT_SECRET_ID, settings.SMS_TENCENT_SECRET_KEY),
            settings.SMS_TENCENT_REGION,
            ClientProfile(httpProfile=http),
        )

    def send(self, phone: str, template: str, params: dict) -> SmsResult:
        request = sms_models.SendSmsRequest()
        request.SmsSdkAppId = settings.SMS_TENCENT_SDK_APP_ID
        request.SignName = self.sign_name()
        request.TemplateId = self.template_id(template)
        request.TemplateParamSet = list(template_params(template, params).values())
        request.PhoneNumberSet = [e164(phone)]
        client = self._client()
        try:
            response = client.SendSms(request)
        except TencentCloudSDKException as exc:
            # A network error's message is the exception's text, which may hold the URL: only its code is kept.
            network = exc.get_code() in ("ClientNetworkError", "ServerNetworkError")
            raise _error(exc.get_code() or "error", "" if network else exc.get_message()) from None
        except Exception as exc:
            raise SmsTemporaryError("network", type(exc).__name__) from None
        statuses = response.SendStatusSet or []
        if not statuses:
            raise SmsTemporaryError("no_answer", "SendStatusSet is empty")
        status = statuses[0]
        if status.Code != "Ok":
            raise _error(status.Code or "error", status.Message or "")
        return SmsResult(provider_id=status.SerialNo or "")
