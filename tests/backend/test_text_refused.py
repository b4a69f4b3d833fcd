"""Text with a control character, sent to every text field the API takes, is a 400 naming the field and writes
nothing. The fields are read from the OpenAPI schema (every write operation's request body: plain text, lists of
text, objects in lists, the keys of maps, and any JSON field left without a type, as a list and as an object's
key), so a new field is covered the day it is added; the path's object, the role and a valid body to start from
come from endpoints.py."""

import datetime as dt
import json
from contextlib import contextmanager
from urllib.parse import urlencode

import pytest
from django.db import connection

import factories as f
from endpoints import operation_call
from ledgers.models import LedgerEntry, UnitLedger
from openapi_doc import openapi, text_operations

pytestmark = pytest.mark.django_db

BAD = "room\u0001"
MESSAGE = "含有不允许的控制字符。"
DOCUMENT = openapi()
# a map's keys as an object's key; an untyped JSON field as a list, and as an object's key
SHAPES = {"text": [BAD], "list": [[BAD]], "keys": [{BAD: 1}], "json": [[BAD], {BAD: 1}]}


def _cases():
    for method, path, fields in text_operations(DOCUMENT):
        for field, shape in fields:
            for value in SHAPES[shape]:
                suffix = f" {type(value).__name__}" if shape != "text" else ""
                yield pytest.param(method, path, field, value, id=f"{method.upper()} {path} {'.'.join(field)}{suffix}")


CASES = list(_cases())


def _with(payload, field: tuple, value):
    """The payload with `value` placed at `field` (a path of keys and list indexes)."""
    payload = dict(payload or {})
    head, *rest = field
    if not rest:
        payload[head] = value
    elif rest[0] == "0":
        items = list(payload.get(head) or [{}])
        items[0] = _with(items[0], tuple(rest[1:]), value)
        payload[head] = items
    else:
        payload[head] = _with(payload.get(head) or {}, tuple(rest), value)
    return payload


@contextmanager
def _writes():
    """The INSERT, UPDATE and DELETE statements sent to the database meanwhile."""
    sent = []

    def spy(execute, sql, params, many, context):
        if sql.lstrip().split(" ", 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
            sent.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        yield sent


def _refusal(field: str) -> dict:
    return {"message": f"{field}: {MESSAGE}", "extra": {"code": "invalid", "fields": {field: [MESSAGE]}}}


def test_the_schema_offers_text_to_refuse():
    # the cases below are only as good as the walk of the schema: it must reach nested and JSON-held text
    ids = {case.id for case in CASES}
    for expected in (
        "POST /api/agreements/ items.0.description",
        "PATCH /api/volunteers/{id}/ languages list",
        "PATCH /api/volunteers/{id}/ skills dict",
        "POST /api/needs/merge/ new_project.name",
        "PATCH /api/units/{id}/ name",
        "POST /api/ledgers/{ledger_id}/entries/ title",
    ):
        assert expected in ids


@pytest.mark.parametrize(("method", "path", "field", "value"), CASES)
def test_a_control_character_in_any_text_is_refused_naming_the_field(world, client_as, method, path, field, value):
    # given a body the role could send, with a control character in one of its texts
    role, parameters, body = operation_call(world, method, path)
    url = path.format(**parameters)
    # when it is sent
    with _writes() as writes:
        response = getattr(client_as(role), method)(url, _with(body, field, value), format="json")
    # then a 400 names the field, and nothing was written
    assert (response.status_code, response.json()) == (400, _refusal(".".join(field)))
    assert writes == []


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "multipart/form-data"])
def test_form_bodies_are_refused_alike(world, client_as, content_type):
    # given a unit representative's change of their unit's name, sent as a form
    client = client_as("unit")
    url = f"/api/units/{world.u1.pk}/"
    # when the name holds a control character
    with _writes() as writes:
        if content_type == "multipart/form-data":
            response = client.patch(url, {"name": BAD}, format="multipart")
        else:
            response = client.generic("PATCH", url, urlencode({"name": BAD}), content_type=content_type)
    # then it is refused like JSON
    assert (response.status_code, response.json()) == (400, _refusal("name"))
    assert writes == []


def test_a_volunteer_editing_their_own_languages_is_refused(world, client_as):
    # given the case: a volunteer's own profile, a language with a control character
    with _writes() as writes:
        response = client_as("volunteer").patch(
            f"/api/volunteers/{world.v1.pk}/", {"languages": ["zh\u0001"]}, format="json"
        )
    # then
    assert (response.status_code, response.json()) == (400, _refusal("languages"))
    assert writes == []
    world.v1.refresh_from_db()
    assert world.v1.languages == []


@pytest.mark.parametrize("character", ["\u0000", "\u001f", "\u007f", "\ud800", "\uffff"])
def test_every_unsafe_character_is_refused(world, client_as, character):
    # NUL and DEL, the last C0 control, a lone surrogate (JSON can carry one; UTF-8 cannot) and a non-character
    body = json.dumps({"address": f"建设路{character}1号"})  # ASCII JSON: a surrogate goes as its escape
    response = client_as("admin").generic("PATCH", f"/api/units/{world.u1.pk}/", body, content_type="application/json")
    assert (response.status_code, response.json()) == (400, _refusal("address"))


def test_tab_and_line_breaks_stay_in_long_text_but_not_in_one_line_text(world, client_as):
    client = client_as("unit")
    url = f"/api/resources/{f.ResourceFactory(unit=world.u1, community=world.a1).pk}/"
    # when the conditions of use (long text) have lines and a tab
    kept = client.patch(url, {"conditions": "需提前预约\r\n\t周末不开放"}, format="json")
    # then they are kept
    assert (kept.status_code, kept.json()["conditions"]) == (200, "需提前预约\r\n\t周末不开放")
    # but a name (one line) with a line break inside is refused, naming the field
    refused = client.patch(url, {"name": "会议室\n二楼"}, format="json")
    assert (refused.status_code, refused.json()) == (
        400,
        {
            "message": "name: 须为一行，不能含有制表符或换行。",
            "extra": {"code": "invalid", "fields": {"name": ["须为一行，不能含有制表符或换行。"]}},
        },
    )


def test_one_line_text_of_a_plain_input_is_refused_with_a_line_break(world, client_as):
    # a ledger entry's title is one line (the note may have several)
    ledger = UnitLedger.objects.create(unit=world.u1, month=dt.date(2026, 10, 1))
    response = client_as("community").post(
        f"/api/ledgers/{ledger.pk}/entries/",
        {"kind": "meeting", "title": "例会\t记录", "note": "一\n二"},
        format="json",
    )
    assert (response.status_code, response.json()["extra"]["fields"]) == (
        400,
        {"title": ["须为一行，不能含有制表符或换行。"]},
    )
    assert not LedgerEntry.objects.exists()


def test_a_list_item_must_be_one_line(world, client_as):
    response = client_as("volunteer").patch(f"/api/volunteers/{world.v1.pk}/", {"languages": ["zh\nen"]}, format="json")
    assert (response.status_code, response.json()["extra"]["fields"]) == (
        400,
        {"languages": ["须为一行，不能含有制表符或换行。"]},
    )
