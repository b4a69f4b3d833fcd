"""一编三定 on screen: coordinators create and edit groups (with members of the group's community) and posts in their
scope, each change in the audit history; volunteers read posts and never write; the district sets whether a post's
third 定 is its time or its target."""

import datetime as dt

import pytest
from auditlog.models import LogEntry

import factories as f
from posts.models import Post, Team

POST = {
    "name": "法律服务岗",
    "category": "legal",
    "duties": "每周六为居民解答法律问题",
    "seats": 2,
    "required_skills": {"legal_advice": 2},
    "weekdays": [6],
    "start_time": "09:00",
    "end_time": "11:00",
    "target": "每月服务 20 人次",
    "lat": 34.75,
    "lng": 113.62,
}


def test_a_coordinator_creates_a_group_with_members_of_the_community(world, client_as):
    # given a neighbour of V1's in A1
    neighbour = f.VolunteerFactory(home_community=world.a1, name="张明")
    # when A1's coordinator creates a service team led by V1
    body = {
        "community": world.a1.pk,
        "kind": "service_team",
        "name": "法律服务队",
        "specialty": "法律咨询",
        "leader": world.v1.pk,
        "members": [world.v1.pk, neighbour.pk],
    }
    response = client_as("community").post("/api/teams/", body, format="json")
    # then it is saved with its leader's and members' names
    assert response.status_code == 201
    team = Team.objects.get()
    assert response.json() == {
        "id": team.pk,
        **body,
        "leader_name": world.v1.name,
        "member_names": [world.v1.name, "张明"],
    }


def test_members_from_another_community_are_refused(world, client_as):
    # given a volunteer of A2, also in the sub-district coordinator's scope
    other = f.VolunteerFactory(home_community=world.a2, name="李建国")
    team = f.TeamFactory(community=world.a1)
    # when the sub-district coordinator adds them to A1's group, or makes them its leader
    response = client_as("subdistrict").patch(
        f"/api/teams/{team.pk}/", {"members": [world.v1.pk, other.pk], "leader": other.pk}, format="json"
    )
    # then 400 naming both fields, and the group is unchanged
    assert (response.status_code, response.json()["extra"]) == (
        400,
        {
            "code": "invalid",
            "fields": {
                "members": ["Not volunteers of this community: 李建国"],
                "leader": ["The leader is not a volunteer of this community."],
            },
        },
    )
    assert list(team.members.all()) == []


def test_a_community_coordinator_may_not_name_volunteers_out_of_scope(world, client_as):
    team = f.TeamFactory(community=world.a1)
    response = client_as("community").patch(f"/api/teams/{team.pk}/", {"members": [world.v2.pk]}, format="json")
    assert (response.status_code, list(response.json()["extra"]["fields"])) == (400, ["members"])


def test_an_in_office_member_serves_where_they_reported(world, client_as):
    # given V2 (living in B1) reported to A1 (报到)
    world.v2.reported_community, world.v2.reported_at = world.a1, dt.date(2026, 3, 1)
    world.v2.save()
    team = f.TeamFactory(community=world.a1)
    # when the administrator adds V2 to A1's group
    response = client_as("admin").patch(f"/api/teams/{team.pk}/", {"members": [world.v2.pk]}, format="json")
    # then V2 is a member
    assert (response.status_code, response.json()["members"]) == (200, [world.v2.pk])


def test_a_group_name_is_unique_in_its_community(world, client_as):
    f.TeamFactory(community=world.a1, name="第一党小组")
    response = client_as("community").post(
        "/api/teams/", {"community": world.a1.pk, "kind": "party_group", "name": "第一党小组"}, format="json"
    )
    assert (response.status_code, response.json()["extra"]["fields"]) == (
        400,
        {"name": ["The community already has a group of this name."]},
    )


def test_groups_out_of_scope_are_404_and_volunteers_may_not_write(world, client_as):
    outside = f.TeamFactory(community=world.b1)
    assert client_as("community").patch(f"/api/teams/{outside.pk}/", {"specialty": "x"}).status_code == 404
    assert client_as("community").delete(f"/api/teams/{outside.pk}/").status_code == 404
    inside = f.TeamFactory(community=world.a1)
    response = client_as("volunteer").patch(f"/api/teams/{inside.pk}/", {"specialty": "x"})
    assert (response.status_code, response.json()) == (
        403,
        {"message": "Your role may not change this.", "extra": {"code": "permission_denied", "fields": {}}},
    )
    assert client_as("volunteer").get(f"/api/teams/{inside.pk}/").status_code == 404
    response = client_as("community").post(
        "/api/teams/", {"community": world.b1.pk, "kind": "grid", "name": "网格小组"}, format="json"
    )
    assert (response.status_code, list(response.json()["extra"]["fields"])) == (400, ["community"])


def test_group_changes_and_members_are_audited(world, client_as):
    team = f.TeamFactory(community=world.a1, specialty="")
    client_as("community").patch(
        f"/api/teams/{team.pk}/", {"specialty": "法律", "members": [world.v1.pk]}, format="json"
    )
    entries = LogEntry.objects.get_for_object(team).filter(actor__isnull=False).order_by("pk")
    assert [(e.action, e.actor) for e in entries] == [
        (LogEntry.Action.UPDATE, world.users["community"]),
        (LogEntry.Action.UPDATE, world.users["community"]),
    ]
    changes = {name: value for e in entries for name, value in e.changes_dict.items()}
    assert changes["specialty"] == ["", "法律"]
    assert changes["members"] == {"type": "m2m", "operation": "add", "objects": [str(world.v1)]}


def test_a_coordinator_creates_a_post_with_all_its_fields(world, client_as):
    world.a1.sub_district.district.post_third_label = "target"
    world.a1.sub_district.district.save()
    response = client_as("community").post("/api/posts/", {**POST, "community": world.a1.pk}, format="json")
    assert response.status_code == 201
    post = Post.objects.get()
    assert response.json() == {
        "id": post.pk,
        **POST,
        "community": world.a1.pk,
        "community_name": "秦江社区",
        "team": None,
        "start_time": "09:00:00",
        "end_time": "11:00:00",
        "schedule": "周六 09:00-11:00",
        "third_label": "target",
        "priority": 3,
        "active": True,
    }
    entry = LogEntry.objects.get_for_object(post).get()
    assert (entry.action, entry.actor, entry.changes_dict["name"]) == (
        LogEntry.Action.CREATE,
        world.users["community"],
        ["None", "法律服务岗"],
    )


@pytest.mark.parametrize(
    "change, fields",
    [
        ({"end_time": "08:00"}, {"end_time": ["Must be later than start_time."]}),
        ({"seats": 0}, {"seats": ["Ensure this value is greater than or equal to 1."]}),
        ({"weekdays": [8]}, None),
        ({"required_skills": {"legal_advice": 9}}, None),
        ({"required_skills": {"juggling": 1}}, None),
        ({"category": "dance"}, {"category": ['"dance" is not a valid choice.']}),
    ],
)
def test_bad_posts_are_400_naming_the_field(world, client_as, change, fields):
    response = client_as("community").post("/api/posts/", {**POST, "community": world.a1.pk, **change}, format="json")
    assert response.status_code == 400
    assert list(response.json()["extra"]["fields"]) == list(change)
    if fields is not None:
        assert response.json()["extra"]["fields"] == fields
    assert not Post.objects.exists()


def test_a_posts_group_is_of_its_community(world, client_as):
    team = f.TeamFactory(community=world.a2)
    response = client_as("subdistrict").post(
        "/api/posts/", {**POST, "community": world.a1.pk, "team": team.pk}, format="json"
    )
    assert (response.status_code, response.json()["extra"]["fields"]) == (
        400,
        {"team": ["The group belongs to another community."]},
    )


def test_a_post_is_deactivated_and_stays_listed(world, client_as):
    post = f.PostFactory(community=world.a1)
    response = client_as("community").patch(f"/api/posts/{post.pk}/", {"active": False}, format="json")
    assert (response.status_code, response.json()["active"]) == (200, False)
    entry = LogEntry.objects.get_for_object(post).get(action=LogEntry.Action.UPDATE)
    assert entry.changes_dict == {"active": ["True", "False"]}


def test_posts_out_of_scope_are_404_and_volunteers_read_only(world, client_as):
    outside, inside = f.PostFactory(community=world.b1), f.PostFactory(community=world.a1)
    assert client_as("community").patch(f"/api/posts/{outside.pk}/", {"seats": 3}).status_code == 404
    assert client_as("volunteer").get(f"/api/posts/{inside.pk}/").status_code == 200
    assert client_as("volunteer").patch(f"/api/posts/{inside.pk}/", {"seats": 3}).status_code == 403
    assert (
        client_as("volunteer").post("/api/posts/", {**POST, "community": world.a1.pk}, format="json").status_code == 403
    )


def test_the_district_administrator_sets_the_third_label(world, client_as):
    district = world.a1.sub_district.district
    post = f.PostFactory(community=world.a1)
    assert client_as("community").get(f"/api/posts/{post.pk}/").json()["third_label"] == "time"
    # a coordinator may not change it
    assert (
        client_as("community").patch(f"/api/districts/{district.pk}/", {"post_third_label": "target"}).status_code
        == 403
    )
    # the administrator does, and every post of the district reads it
    response = client_as("admin").patch(f"/api/districts/{district.pk}/", {"post_third_label": "target"})
    assert (response.status_code, response.json()["post_third_label"]) == (200, "target")
    assert client_as("community").get(f"/api/posts/{post.pk}/").json()["third_label"] == "target"
    entry = LogEntry.objects.get_for_object(district).get(action=LogEntry.Action.UPDATE)
    assert (entry.actor, entry.changes_dict) == (world.users["admin"], {"post_third_label": ["time", "target"]})
    # a label that is neither is refused
    response = client_as("admin").patch(f"/api/districts/{district.pk}/", {"post_third_label": "place"})
    assert (response.status_code, response.json()["extra"]["fields"]) == (
        400,
        {"post_third_label": ['"place" is not a valid choice.']},
    )
