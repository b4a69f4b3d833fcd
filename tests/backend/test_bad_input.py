"""Bad input on every write endpoint: a 400 in the one error shape naming the field, and nothing stored changes."""

import pytest
from django.forms.models import model_to_dict

from endpoints import ENDPOINTS

pytestmark = pytest.mark.django_db
BY_NAME = {endpoint.basename: endpoint for endpoint in ENDPOINTS}

# (endpoint, bad change, the field the error must name)
BAD_CHANGES = [
    ("district", {"code": ""}, "code"),
    ("sub-district", {"district": 999999}, "district"),
    ("community", {"lat": 123.0}, "lat"),
    ("grid", {"community": "not-a-number"}, "community"),
    ("facility", {"kind": "spaceship"}, "kind"),
    ("unit", {"kind": "bank"}, "kind"),
    ("agreement", {"year": 1999}, "year"),
    ("skill", {"code": "has space"}, "code"),
    ("volunteer", {"skills": {"juggling": 3}}, "skills"),
    ("volunteer", {"skills": {"legal_advice": 9}}, "skills"),
    ("volunteer", {"max_hours_per_week": -1}, "max_hours_per_week"),
    ("availability", {"end_time": "08:00"}, "end_time"),
    ("availability", {"weekday": 8}, "weekday"),
    ("blackout", {"end": "2026-11-01T00:00:00+08:00"}, "end"),
    ("blackout", {"start": "2026-13-45T99:00"}, "start"),
    ("team", {"kind": "club"}, "kind"),
    ("post", {"weekdays": [0, 9]}, "weekdays"),
    ("post", {"end_time": "08:00"}, "end_time"),
    ("post", {"required_skills": {"legal_advice": "high"}}, "required_skills"),
    ("post-holding", {"status": "retired"}, "status"),
    ("need", {"wanted_start": "2026-12-02T10:00:00+08:00", "wanted_end": "2026-12-01T10:00:00+08:00"}, "wanted_end"),
    ("need", {"urgency": 0}, "urgency"),
    ("need", {"deadline": "next tuesday"}, "deadline"),
    ("resource", {"capacity": -5}, "capacity"),
    ("resource", {"features": "projector"}, "features"),
    ("resource-slot", {"date": "2026-12-05"}, "weekday"),  # a slot is recurring or dated, not both
    ("project", {"end_date": "2025-01-01"}, "end_date"),
    ("shift", {"end": "2026-12-05T08:00:00+08:00"}, "end"),
    ("shift", {"seats": 0}, "seats"),
    ("shift", {"required_skills": {"juggling": 1}}, "required_skills"),
    ("shift", {"resource_request": {"kind": "venue", "min_capacity": -1}}, "resource_request"),
]


@pytest.mark.parametrize(("basename", "change", "field"), BAD_CHANGES, ids=[f"{b}-{f}" for b, _, f in BAD_CHANGES])
def test_bad_change_is_refused_and_nothing_changes(world, client_as, basename, change, field):
    # given an object the administrator may change
    endpoint = BY_NAME[basename]
    obj = endpoint.make_in(world)
    before = model_to_dict(type(obj).objects.get(pk=obj.pk))
    # when the change is invalid
    response = client_as("admin").patch(f"{endpoint.path}{obj.pk}/", change, format="json")
    # then a 400 in the one error shape names the field
    assert response.status_code == 400, response.json()
    body = response.json()
    assert set(body) == {"message", "extra"}
    assert body["extra"]["code"] == "invalid"
    assert field in body["extra"]["fields"], body
    assert body["message"].startswith(f"{field}:")
    # and the stored object is as it was
    assert model_to_dict(type(obj).objects.get(pk=obj.pk)) == before


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e.basename for e in ENDPOINTS])
def test_create_with_empty_body_names_the_required_fields(world, client_as, endpoint):
    model = type(endpoint.make_in(world))
    count = model.objects.count()
    response = client_as("admin").post(endpoint.path, {}, format="json")
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]
    assert model.objects.count() == count


@pytest.mark.parametrize(
    ("role", "path", "field"),
    [
        (
            "volunteer",
            "/api/blackouts/?start_before=0128-03-28T00:51:44-23:33",
            "start_before",
        ),  # found by Schemathesis
        ("community", "/api/shifts/?start_from=1999-12-31T23:00:00%2B08:00", "start_from"),
        ("community", "/api/needs/?wanted_from=2026-12-01T09:00:00%2B15:00", "wanted_from"),
    ],
)
def test_a_date_and_time_filter_the_database_cannot_compare_is_a_400(world, client_as, role, path, field):
    response = client_as(role).get(path)
    assert response.status_code == 400, response.content[:300]
    assert list(response.json()["extra"]["fields"]) == [field]


def test_a_date_and_time_filter_in_range_still_filters(world, client_as):
    assert client_as("community").get("/api/shifts/?start_from=2026-12-01T00:00:00%2B08:00").status_code == 200


@pytest.mark.parametrize("path", ["/api/no-such-thing/", "/api/shifts/1.5/", "/api/shifts/abc/responses/"])
def test_an_api_url_nothing_answers_is_a_404_in_the_error_shape(world, client_as, path):
    response = client_as("community").get(path)
    assert (response.status_code, response["Content-Type"]) == (404, "application/json")
    assert response.json()["extra"]["code"] == "not_found"


def test_a_url_outside_the_api_nothing_answers_keeps_django_s_page(world, client_as):
    response = client_as("anonymous").get("/static/no-such-file.js")
    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/json")


HUGE = 6440230325782130458624  # beyond any 64-bit integer: SQLite cannot even bind it, PostgreSQL finds nothing


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", f"/api/records/?volunteer={HUGE}", None),
        ("get", f"/api/feedback-reports/?unit={HUGE}", None),
        ("get", f"/api/shifts/?community={HUGE}", None),
        ("get", f"/api/shifts/{HUGE}/", None),
        ("post", "/api/needs/merge/", {"needs": [HUGE, HUGE + 1], "project": HUGE}),
    ],
    ids=["records-filter", "feedback-filter", "shifts-filter", "shift-detail", "needs-merge"],
)
def test_an_id_too_large_for_any_column_is_refused_or_finds_nothing(world, client_as, method, path, body):
    # (found by Schemathesis on SQLite, where these were 500s; PostgreSQL compares the number and finds nothing)
    response = getattr(client_as("admin"), method)(path, body, format="json") if body else client_as("admin").get(path)
    if response.status_code == 200:
        assert method == "get" and response.json()["results"] == []
    else:
        assert response.status_code in (400, 404), response.content
        assert set(response.json()) == {"message", "extra"}


def test_malformed_json_is_a_400_in_the_error_shape(world, client_as):
    response = client_as("admin").generic("POST", "/api/shifts/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["extra"]["code"] == "parse_error"


def test_end_before_start_names_the_end(world, client_as):
    payload = BY_NAME["shift"].create(world, True) | {"end": "2026-12-05T08:00:00+08:00"}
    response = client_as("community").post("/api/shifts/", payload, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {
        "message": "end: Must be later than start.",
        "extra": {"code": "invalid", "fields": {"end": ["Must be later than start."]}},
    }


def test_unknown_skill_is_named(world, client_as):
    payload = BY_NAME["shift"].create(world, True) | {"required_skills": {"juggling": 2, "first_aid": 1}}
    response = client_as("community").post("/api/shifts/", payload, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {"required_skills": ["Unknown skill: juggling"]}


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/shifts/", {"skill": "juggling"}, "skill"),
        ("/api/shifts/", {"start_from": "yesterday"}, "start_from"),
        ("/api/shifts/", {"origin": "magic"}, "origin"),
        ("/api/needs/", {"status": "lost"}, "status"),
        ("/api/volunteers/", {"kind": "alien"}, "kind"),
        ("/api/volunteers/", {"min_level": 7, "skill": "first_aid"}, "min_level"),
        ("/api/resources/", {"min_capacity": "many"}, "min_capacity"),
        ("/api/resources/", {"ordering": "secret_field"}, "ordering"),
        ("/api/communities/", {"sub_district": "x"}, "sub_district"),
    ],
)
def test_unknown_filter_value_is_a_400_naming_the_filter(world, client_as, path, params, field):
    response = client_as("admin").get(path, params)
    assert response.status_code == 400, response.content
    assert field in response.json()["extra"]["fields"]


def test_a_refused_request_leaves_nothing_behind(world, client_as, monkeypatch):
    # given a service that writes, then is refused by a domain rule
    from core.errors import ApplicationError
    from shifts import services
    from shifts.models import Shift

    real_save = services.shift_save

    def save_then_refuse(**kwargs):
        real_save(**kwargs)
        raise ApplicationError("refused after writing")

    monkeypatch.setattr(services, "shift_save", save_then_refuse)
    # when the request is refused
    response = client_as("community").post("/api/shifts/", BY_NAME["shift"].create(world, True), format="json")
    # then the partial write is rolled back
    assert response.status_code == 400
    assert response.json() == {"message": "refused after writing", "extra": {"code": "refused", "fields": {}}}
    assert Shift.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"weekdays": [8]}, "weekdays"),
        ({"resource_kind": "spaceship"}, "resource_kind"),
        ({"seats": 500}, "seats"),
        ({"weekdays": [2]}, "start_time"),
    ],
)
def test_project_schedule_is_checked_like_the_shifts_it_makes(world, client_as, change, field):
    project = BY_NAME["project"].make_in(world)
    response = client_as("community").patch(f"/api/projects/{project.pk}/", change, format="json")
    assert response.status_code == 400
    assert field in response.json()["extra"]["fields"]


def test_volunteer_numbers_follow_the_highest_number_not_the_row_id(world, client_as):
    import factories as f

    f.VolunteerFactory(number="ZY9000500")  # above any number the factories' sequence hands out
    from people.services import volunteer_number_next

    assert volunteer_number_next() == "ZY9000501"
