"""Next week's shifts, previewed then added: the preview lists what generation would add and what is already
there, by the same code, and adding is idempotent and stays in the caller's scope."""

import datetime as dt

import pytest
from auditlog.models import LogEntry

import factories as f
from shifts.models import Shift

pytestmark = pytest.mark.django_db
MONDAY = "2026-11-30"
PREVIEW = "/api/shifts/generate-preview/"


@pytest.fixture
def api_language():
    return "en"


def _keys(items, new):
    return [item["key"] for item in items if item["new"] is new]


def test_the_preview_lists_each_shift_it_would_add_and_writes_nothing(world, client_as):
    # given a post on Tuesdays in A1 and a post in B1 (outside a community coordinator's scope)
    post = f.PostFactory(community=world.a1, name="政策宣传岗", weekdays=[2], seats=3)
    f.PostFactory(community=world.b1, weekdays=[2])
    # when A1's coordinator previews the week (from any day of it)
    response = client_as("community").get(PREVIEW, {"week": "2026-12-02"})
    # then
    assert response.status_code == 200, response.json()
    assert response.json() == {
        "week": MONDAY,
        "created": 1,
        "existing": 0,
        "by_origin": {"post": 1},
        "items": [
            {
                "key": f"post:{post.pk}:2026-12-01",
                "new": True,
                "origin": "post",
                "source": post.pk,
                "community": world.a1.pk,
                "community_name": "秦江社区",
                "title": "政策宣传岗",
                "start": "2026-12-01T09:00:00+08:00",
                "end": "2026-12-01T11:00:00+08:00",
                "seats": 3,
                "resource_kind": None,
                "existing_shift": None,
                "existing_status": None,
            }
        ],
    }
    assert Shift.objects.count() == 0


def test_the_preview_is_what_generate_then_adds(world, client_as):
    # given posts, a weekly project with a room, and one shift of them already made
    f.PostFactory(community=world.a1, weekdays=[1, 3, 5])
    f.ProjectFactory(
        community=world.a2,
        weekdays=[4],
        start_time=dt.time(14),
        end_time=dt.time(16),
        seats=2,
        resource_kind="venue",
        resource_min_capacity=20,
    )
    client = client_as("subdistrict")
    client.post("/api/shifts/generate/", {"week": MONDAY, "community": world.a2.pk}, format="json")
    # when the sub-district's coordinator previews, then generates
    preview = client.get(PREVIEW, {"week": MONDAY}).json()
    applied = client.post("/api/shifts/generate/", {"week": MONDAY}, format="json").json()
    # then the preview's new shifts are exactly the ones added, and the one already there is listed as such
    assert (preview["created"], preview["existing"], preview["by_origin"]) == (3, 1, {"post": 3})
    assert {key: applied[key] for key in ("created", "existing", "by_origin")} == {
        key: preview[key] for key in ("created", "existing", "by_origin")
    }
    added = set(Shift.objects.filter(origin="post").values_list("generation_key", flat=True))
    assert set(_keys(preview["items"], True)) == added
    [existing] = [item for item in preview["items"] if not item["new"]]
    project_shift = Shift.objects.get(origin="project")
    assert (existing["existing_shift"], existing["existing_status"], existing["resource_kind"]) == (
        project_shift.pk,
        "open",
        "venue",
    )
    # and a preview now finds everything there, nothing new
    again = client.get(PREVIEW, {"week": MONDAY}).json()
    assert (again["created"], again["existing"], _keys(again["items"], True)) == (0, 4, [])


def test_generating_twice_adds_nothing_the_second_time_and_a_cancelled_shift_stays_cancelled(world, client_as):
    # given the week generated and one of its shifts cancelled
    f.PostFactory(community=world.a1, weekdays=[1, 2])
    client = client_as("community")
    first = client.post("/api/shifts/generate/", {"week": MONDAY}, format="json").json()
    Shift.objects.filter(pk=Shift.objects.first().pk).update(
        status="cancelled", cancelled_at=f.at(dt.date(2026, 11, 29), 9)
    )
    # when it is generated again
    second = client.post("/api/shifts/generate/", {"week": MONDAY}, format="json").json()
    # then nothing is added (the cancelled one does not come back) and the preview says which one is cancelled
    assert (first["created"], second["created"], second["existing"]) == (2, 0, 2)
    assert Shift.objects.count() == 2
    preview = client.get(PREVIEW, {"week": MONDAY}).json()
    assert sorted(item["existing_status"] for item in preview["items"]) == ["cancelled", "open"]


def test_each_generated_shift_has_its_history_from_the_generation(world, client_as):
    f.PostFactory(community=world.a1, weekdays=[1])
    client_as("community").post("/api/shifts/generate/", {"week": MONDAY}, format="json")
    shift = Shift.objects.get()
    entry = LogEntry.objects.get_for_object(shift).get()
    assert (entry.changes_dict, entry.actor) == ({"generated": ["", shift.generation_key]}, world.users["community"])


def test_the_preview_stays_in_the_callers_scope(world, client_as):
    f.PostFactory(community=world.b1)
    # a community outside the caller's scope is refused, naming the field
    refused = client_as("community").get(PREVIEW, {"week": MONDAY, "community": world.b1.pk})
    assert refused.status_code == 400
    assert refused.json() == {
        "message": "community: Outside your scope.",
        "extra": {"code": "invalid", "fields": {"community": ["Outside your scope."]}},
    }
    # without a community, the preview holds only the caller's own
    assert client_as("community").get(PREVIEW, {"week": MONDAY}).json()["items"] == []
    assert client_as("admin").get(PREVIEW, {"week": MONDAY}).json()["created"] == 1


@pytest.mark.parametrize("role", ["volunteer", "unit"])
def test_only_coordinators_preview(world, client_as, role):
    response = client_as(role).get(PREVIEW, {"week": MONDAY})
    assert response.status_code == 403
    assert response.json() == {
        "message": "Only coordinators generate shifts.",
        "extra": {"code": "permission_denied", "fields": {}},
    }


@pytest.mark.parametrize(
    ("query", "field"),
    [({}, "week"), ({"week": "next week"}, "week"), ({"week": MONDAY, "community": "a1"}, "community")],
)
def test_the_preview_answers_bad_input_with_a_400_naming_the_field(world, client_as, query, field):
    response = client_as("community").get(PREVIEW, query)
    assert response.status_code == 400
    body = response.json()
    assert (body["extra"]["code"], list(body["extra"]["fields"])) == ("invalid", [field])
