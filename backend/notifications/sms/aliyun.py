"""Alibaba Cloud SMS (dysmsapi, API version 2017-05-25) through its official SDK: SendSms with the sign name, the
template's code and its parameters as a JSON object, signed ACS3-HMAC-SHA256 by the SDK. Its answer is HTTP 200
with Code "OK" and the BizId, or a business error code (isv.*: ours to fix, isp.*: theirs); other failures come
as the SDK's client (4xx), server (5xx) or throttling exceptions, or a network error (a time-out)."""

from __future__ import annotations

import json

from alibabacloud_dysmsapi20170525 import models as sms_models
from alibabacloud_dysmsapi20170525.client import Client
from alibabacloud_tea_openapi import exceptions as api_errors
from alibabacloud_tea_openapi import utils_models as api_models
from darabonba.runtime import RuntimeOptions
from django.conf import settings

from notifications.sms.base import SmsPermanentError, SmsProvider, SmsResult, SmsTemporaryError
from notifications.sms.endpoints import endpoint_split
from notifications.sms.templates import template_params

# Business codes worth trying again later: frequency limits per number or account, the provider's system.
TEMPORARY_CODES = {
    "isv.BUSINESS_LIMIT_CONTROL",
    "Throttling",
    "Throttling.User",
    "Throttling.Api",
    "ServiceUnavailable",
    "InternalError",
}


def _error(code: str, detail: str, *, status: int | None = None) -> Exception:
    temporary = code in TEMPORARY_CODES or code.startswith("isp.") or (status is not None and status >= 500)
    return (SmsTemporaryError if temporary else SmsPermanentError)(code, detail[:200])


class AliyunProvider(SmsProvider):
    name = "aliyun"

    def _client(self) -> Client:
        if not (settings.SMS_ALIYUN_ACCESS_KEY_ID and settings.SMS_ALIYUN_ACCESS_KEY_SECRET):
            raise SmsPermanentError("credentials_not_configured", "SMS_ALIYUN_ACCESS_KEY_ID/SECRET are not set")
        scheme, host = endpoint_split(settings.SMS_ALIYUN_ENDPOINT)
        timeout_ms = int(settings.SMS_TIMEOUT_SECONDS * 1000)
        return Client(
            api_models.Config(
                access_key_id=settings.SMS_ALIYUN_ACCESS_KEY_ID,
                access_key_secret=settings.SMS_ALIYUN_ACCESS_KEY_SECRET,
                endpoint=host,
                protocol=scheme,
                connect_timeout=timeout_ms,
                read_timeout=timeout_ms,
            )
        )

    def send(self, phone: str, template: str, params: dict) -> SmsResult:
        request = sms_models.SendSmsRequest(
            phone_numbers=phone,
            sign_name=self.sign_name(),
            template_code=self.template_id(template),
            template_param=json.dumps(template_params(template, params), ensure_ascii=False),
        )
        client = self._client()
        try:
            # autoretry off: retries are the delivery task's, with back-off, counted on the row.
            body = client.send_sms_with_options(request, RuntimeOptions(autoretry=False)).body
        except api_errors.ThrottlingException as exc:
            raise SmsTemporaryError(exc.code or "Throttling", str(exc.message or "")[:200]) from None
        except api_errors.AlibabaCloudException as exc:
            code = exc.code or f"http_{exc.status_code}"
            raise _error(code, str(exc.message or ""), status=exc.status_code) from None
        except Exception as exc:  # the network: refused, reset, timed out (wrapped by the SDK); no URL in the reason
            inner = getattr(exc, "inner_exception", exc)
            raise SmsTemporaryError("network", type(inner).__name__) from None
        if body is None or body.code != "OK":
            code = getattr(body, "code", None) or "no_answer"
            raise _error(code, getattr(body, "message", None) or "")
        return SmsResult(provider_id=body.biz_id or "")
