"""The SMS adapters through the providers' official SDKs, against a local server that answers like the
provider: the request each SDK sends (signature checked with the test keys, template id, sign name, phone,
parameters), the success answer, the provider's error answers and a provider that does not answer in time."""

import json
import logging
import threading

import pytest

from notifications.sms import console
from notifications.sms.aliyun import AliyunProvider
from notifications.sms.base import SmsPermanentError, SmsResult, SmsTemporaryError, provider_get
from notifications.sms.tencent import TencentProvider

from .fake_sms import Answer, FakeProvider, aliyun_signature_valid, tencent_signature_valid

PHONE = "13912345678"
AK, AK_SECRET = "LTAI5tTestKeyId", "test-secret-of-aliyun"
SECRET_ID, SECRET_KEY = "AKIDtestsecretid", "test-secret-key-of-tencent"


@pytest.fixture
def fake():
    server = FakeProvider()
    yield server
    server.close()


@pytest.fixture
def aliyun(settings, fake):
    settings.SMS_PROVIDER = "aliyun"
    settings.SMS_ALIYUN_ACCESS_KEY_ID, settings.SMS_ALIYUN_ACCESS_KEY_SECRET = AK, AK_SECRET
    settings.SMS_ALIYUN_ENDPOINT = fake.url
    settings.SMS_SIGN_NAME = "中原区志愿服务"
    settings.SMS_TEMPLATES = {**settings.SMS_TEMPLATES, "login_code": "SMS_123456789", "reminder": "SMS_222"}
    settings.SMS_TIMEOUT_SECONDS = 1
    return provider_get()


@pytest.fixture
def tencent(settings, fake):
    settings.SMS_PROVIDER = "tencent"
    settings.SMS_TENCENT_SECRET_ID, settings.SMS_TENCENT_SECRET_KEY = SECRET_ID, SECRET_KEY
    settings.SMS_TENCENT_SDK_APP_ID = "1400006666"
    settings.SMS_TENCENT_REGION = "ap-guangzhou"
    settings.SMS_TENCENT_ENDPOINT = fake.url
    settings.SMS_SIGN_NAME = "中原区志愿服务"
    settings.SMS_TEMPLATES = {**settings.SMS_TEMPLATES, "login_code": "1110", "reminder": "2220"}
    settings.SMS_TIMEOUT_SECONDS = 1
    return provider_get()


def aliyun_answer(code="OK", message="OK", status=200, **extra) -> Answer:
    return Answer(
        status=status,
        body={"Code": code, "Message": message, "RequestId": "F655A8D5-B967", **extra},
        content_type="application/json;charset=utf-8",
    )


def tencent_status(code="Ok", message="send success") -> Answer:
    return Answer(
        body={
            "Response": {
                "SendStatusSet": [
                    {
                        "SerialNo": "5000:1045710669157053657849499619",
                        "PhoneNumber": f"+86{PHONE}",
                        "Fee": 1,
                        "SessionContext": "",
                        "Code": code,
                        "Message": message,
                        "IsoCode": "CN",
                    }
                ],
                "RequestId": "a0aabda6",
            }
        }
    )


def tencent_error(code, message) -> Answer:
    return Answer(body={"Response": {"Error": {"Code": code, "Message": message}, "RequestId": "b1bbceb7"}})


# ---------------------------------------------------------------- Alibaba Cloud


def test_aliyun_sends_one_signed_sendsms_with_template_sign_phone_and_parameters(aliyun, fake):
    # given the provider answers OK with a BizId
    assert isinstance(aliyun, AliyunProvider)
    fake.answer(aliyun_answer(BizId="900619746936498440^0"))
    # when a login code is sent
    result = aliyun.send(PHONE, "login_code", {"code": "482913", "minutes": 5})
    # then the message id is the BizId, and one request went out, as the API documents it
    assert result == SmsResult(provider_id="900619746936498440^0")
    [request] = fake.requests
    assert (request.method, request.path) == ("POST", "/")
    assert (request.headers["x-acs-action"], request.headers["x-acs-version"]) == ("SendSms", "2017-05-25")
    assert {k: request.query[k] for k in ("PhoneNumbers", "SignName", "TemplateCode")} == {
        "PhoneNumbers": PHONE,
        "SignName": "中原区志愿服务",
        "TemplateCode": "SMS_123456789",
    }
    assert json.loads(request.query["TemplateParam"]) == {"code": "482913", "minutes": "5"}
    # signed ACS3-HMAC-SHA256 with the test key, and a wrong secret would not verify
    assert request.headers["authorization"].startswith(f"ACS3-HMAC-SHA256 Credential={AK},")
    assert aliyun_signature_valid(request, AK, AK_SECRET)
    assert not aliyun_signature_valid(request, AK, "another-secret")


@pytest.mark.parametrize(
    "code, message, status, error",
    [
        ("isv.BUSINESS_LIMIT_CONTROL", "触发小时级流控Permits:5", 200, SmsTemporaryError),
        ("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号", 200, SmsPermanentError),
        ("isv.SMS_TEMPLATE_ILLEGAL", "模板不合法", 200, SmsPermanentError),
        ("isv.SMS_SIGNATURE_ILLEGAL", "签名不合法", 200, SmsPermanentError),
        ("isp.SYSTEM_ERROR", "系统错误", 200, SmsTemporaryError),
        ("InvalidAccessKeyId.NotFound", "Specified access key is not found.", 404, SmsPermanentError),
        (
            "ServiceUnavailable",
            "The request has failed due to a temporary failure of the server.",
            503,
            SmsTemporaryError,
        ),
    ],
)
def test_aliyun_error_answers_are_typed_permanent_or_temporary(aliyun, fake, code, message, status, error):
    fake.answer(aliyun_answer(code, message, status=status))
    with pytest.raises(error) as raised:
        aliyun.send(PHONE, "reminder", {"title": "明天 9:00 周末巡逻"})
    assert type(raised.value) is error
    assert raised.value.code == code
    assert PHONE not in raised.value.detail


def test_aliyun_gives_up_when_the_provider_does_not_answer_in_time(aliyun, fake):
    # given a provider that holds the request until the test lets it go
    release = threading.Event()
    fake.answer(Answer(hold=release, body={"Code": "OK", "BizId": "late"}))
    try:
        # when a text is sent with a one-second time-out
        with pytest.raises(SmsTemporaryError) as raised:
            aliyun.send(PHONE, "login_code", {"code": "482913", "minutes": 5})
    finally:
        release.set()
    # then the client gave up with a temporary error, naming no address
    assert raised.value.code == "network"
    assert len(fake.requests) == 1
    assert "127.0.0.1" not in raised.value.detail and PHONE not in raised.value.detail


def test_a_template_without_an_id_is_a_permanent_error_before_any_request(aliyun, fake):
    with pytest.raises(SmsPermanentError) as raised:
        aliyun.send(PHONE, "backfill", {"title": "您有新的岗位"})
    assert (raised.value.code, raised.value.detail) == ("template_not_configured", "SMS_TEMPLATE_BACKFILL is not set")
    assert fake.requests == []


# ---------------------------------------------------------------- Tencent Cloud


def test_tencent_sends_one_signed_sendsms_with_app_template_sign_phone_and_parameters(tencent, fake):
    assert isinstance(tencent, TencentProvider)
    fake.answer(tencent_status())
    result = tencent.send(PHONE, "login_code", {"code": "482913", "minutes": 5})
    assert result == SmsResult(provider_id="5000:1045710669157053657849499619")
    [request] = fake.requests
    assert (request.method, request.path) == ("POST", "/")
    assert {k: request.headers[k] for k in ("x-tc-action", "x-tc-version", "x-tc-region")} == {
        "x-tc-action": "SendSms",
        "x-tc-version": "2021-01-11",
        "x-tc-region": "ap-guangzhou",
    }
    # the parameters in the template's order ({1} the code, {2} the minutes), the number with +86
    assert request.json() == {
        "PhoneNumberSet": [f"+86{PHONE}"],
        "SmsSdkAppId": "1400006666",
        "SignName": "中原区志愿服务",
        "TemplateId": "1110",
        "TemplateParamSet": ["482913", "5"],
    }
    assert tencent_signature_valid(request, SECRET_ID, SECRET_KEY)
    assert not tencent_signature_valid(request, SECRET_ID, "another-key")


@pytest.mark.parametrize(
    "answer, code, error",
    [
        (
            tencent_error("FailedOperation.TemplateIncorrectOrUnapproved", "template is not approved"),
            "FailedOperation.TemplateIncorrectOrUnapproved",
            SmsPermanentError,
        ),
        (
            tencent_error("FailedOperation.SignatureIncorrectOrUnapproved", "signature is not approved"),
            "FailedOperation.SignatureIncorrectOrUnapproved",
            SmsPermanentError,
        ),
        (
            tencent_error("LimitExceeded.PhoneNumberDailyLimit", "the number's daily limit"),
            "LimitExceeded.PhoneNumberDailyLimit",
            SmsPermanentError,
        ),
        (tencent_error("RequestLimitExceeded", "too many requests"), "RequestLimitExceeded", SmsTemporaryError),
        (tencent_error("InternalError.Timeout", "timeout"), "InternalError.Timeout", SmsTemporaryError),
        (
            tencent_status("LimitExceeded.PhoneNumberThirtySecondLimit", "30 second limit"),
            "LimitExceeded.PhoneNumberThirtySecondLimit",
            SmsTemporaryError,
        ),
        (
            tencent_status("InvalidParameterValue.IncorrectPhoneNumber", "incorrect phone number"),
            "InvalidParameterValue.IncorrectPhoneNumber",
            SmsPermanentError,
        ),
        (Answer(status=502, body={"message": "bad gateway"}), "ServerNetworkError", SmsTemporaryError),
    ],
)
def test_tencent_error_answers_are_typed_permanent_or_temporary(tencent, fake, answer, code, error):
    fake.answer(answer)
    with pytest.raises(error) as raised:
        tencent.send(PHONE, "reminder", {"title": "明天 9:00 周末巡逻"})
    assert type(raised.value) is error
    assert raised.value.code == code


def test_tencent_gives_up_when_the_provider_does_not_answer_in_time(tencent, fake):
    release = threading.Event()
    fake.answer(Answer(hold=release, body={}))
    try:
        with pytest.raises(SmsTemporaryError) as raised:
            tencent.send(PHONE, "login_code", {"code": "482913", "minutes": 5})
    finally:
        release.set()
    assert (raised.value.code, raised.value.detail) == ("ClientNetworkError", "")
    assert len(fake.requests) == 1


# ---------------------------------------------------------------- console


def test_the_console_provider_logs_a_masked_line_and_never_the_number_or_the_code(settings, caplog):
    settings.SMS_PROVIDER = "console"
    caplog.set_level(logging.INFO)
    result = provider_get().send(PHONE, "login_code", {"code": "482913", "minutes": 5})
    assert console.outbox[-1] == {
        "phone": PHONE,
        "template": "login_code",
        "params": {"code": "482913", "minutes": 5},
        "provider_id": result.provider_id,
    }
    line = f"sms {result.provider_id} to 139****5678 (template login_code, parameters code, minutes)"
    assert caplog.messages == [line]
    assert PHONE not in caplog.text and "482913" not in caplog.text


def test_unknown_templates_and_wrong_parameters_are_refused(settings):
    settings.SMS_PROVIDER = "console"
    with pytest.raises(ValueError, match="unknown SMS template 'hello'"):
        provider_get().send(PHONE, "hello", {})
    with pytest.raises(ValueError, match=r"SMS template 'login_code' takes \['code', 'minutes'\], got \['code'\]"):
        provider_get().send(PHONE, "login_code", {"code": "482913"})
