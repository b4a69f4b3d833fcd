"""The shift's QR token: signed, valid from an hour before the start until an hour after the end."""

import datetime as dt

import pytest

from attendance import services
from core.errors import ApplicationError

H = dt.timedelta(hours=1)
S = dt.timedelta(seconds=1)


def test_token_names_its_shift_inside_the_window(world, shift_at, now):
    # given a shift from now + 2 h to now + 4 h
    shift = shift_at(now + 2 * H)
    token = services.qr_token_create(shift=shift)
    # then it opens an hour before the start and closes an hour after the end
    assert (token.valid_from, token.valid_until) == (shift.start - H, shift.end + H)
    for moment in (shift.start - H, shift.start, shift.end + H):
        assert services.qr_token_read(token=token.token, now=moment) == shift


@pytest.mark.parametrize(
    "offset, message",
    [
        (-H - S, "This QR code is not valid yet: check-in opens an hour before the shift."),
        (None, "This QR code has expired."),
    ],
)
def test_token_outside_its_window_is_refused_naming_the_token(world, shift_at, now, offset, message):
    shift = shift_at(now + 2 * H)
    token = services.qr_token_create(shift=shift).token
    moment = shift.start + offset if offset is not None else shift.end + H + S
    with pytest.raises(ApplicationError) as refused:
        services.qr_token_read(token=token, now=moment)
    assert (refused.value.code, refused.value.message, refused.value.fields) == (
        "invalid_token",
        message,
        {"token": [message]},
    )


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t.replace(t.split(":")[0], t.split(":")[0][:-1] + ("A" if t.split(":")[0][-1] != "A" else "B")),
        lambda t: t[:-2],
        lambda t: "garbage",
        lambda t: "",
    ],
)
def test_tampered_token_is_refused(world, shift_at, now, tamper):
    shift = shift_at(now + 2 * H)
    token = services.qr_token_create(shift=shift).token
    with pytest.raises(ApplicationError) as refused:
        services.qr_token_read(token=tamper(token), now=shift.start)
    assert refused.value.fields == {"token": ["This QR code is not valid."]}


def test_token_of_another_purpose_is_refused(world, shift_at, now):
    # given a token signed with the same key but another salt (e.g. another feature's signed link)
    from django.core import signing

    shift = shift_at(now + 2 * H)
    forged = signing.TimestampSigner(salt="elsewhere").sign_object({"shift": shift.pk})
    with pytest.raises(ApplicationError):
        services.qr_token_read(token=forged, now=shift.start)


def test_qr_token_endpoint_for_the_shifts_coordinators_only(world, client_as, shift_at, now):
    # given a shift in A1 and one in B1
    inside, outside = shift_at(now + 2 * H), shift_at(now + 2 * H, community=world.b1)
    url = "/api/attendance/shifts/{}/qr-token/"
    # when the coordinators ask
    for role in ("community", "subdistrict", "admin"):
        response = client_as(role).get(url.format(inside.pk))
        assert response.status_code == 200, role
        assert response.json()["shift"] == inside.pk
        assert services.qr_token_read(token=response.json()["token"], now=inside.start) == inside
    # then the other scope is a 404, other roles a 403, nobody signed in a 401
    for role in ("community", "subdistrict"):
        response = client_as(role).get(url.format(outside.pk))
        assert (response.status_code, response.json()) == (
            404,
            {"message": "Not found.", "extra": {"code": "not_found", "fields": {}}},
        )
    assert client_as("admin").get(url.format(outside.pk)).status_code == 200
    for role in ("volunteer", "unit"):
        response = client_as(role).get(url.format(inside.pk))
        assert (response.status_code, response.json()) == (
            403,
            {
                "message": "Only coordinators manage attendance.",
                "extra": {"code": "permission_denied", "fields": {}},
            },
        )
    assert client_as("anonymous").get(url.format(inside.pk)).status_code == 401
    assert client_as("community").get(url.format(999999)).status_code == 404
