"""Fixtures of the post allocation tests: English throughout (messages asserted whole), A1's posts and members,
runs written directly (no task queued), and a client signed in as any member."""

from dataclasses import dataclass

import pytest
from rest_framework.test import APIClient

import factories as f
from allocation.models import AllocationRun

YEAR = 2027
RUNS = "/api/allocation/runs/"
LEGAL_AT = {"lat": 34.750, "lng": 113.620}
PATROL_AT = {"lat": 34.760, "lng": 113.630}  # about 1.4 km from the legal post


@pytest.fixture
def api_language():
    return "en"


@dataclass
class Posts:
    legal: object
    patrol: object
    m1: object  # retired lawyer living at the legal post
    m2: object  # non-post member living at the patrol post
    m3: object  # retired member living at the patrol post
    m4: object  # retired lawyer (level 2) living 0.5 km from the patrol post


@pytest.fixture
def a1_posts(world) -> Posts:
    """A1's legal advice post (1 seat, legal advice 2, priority 5) and patrol post (2 seats), and four members
    eligible for standing posts; V1 (in-office) and a resident of A1 are not eligible."""
    legal = f.PostFactory(
        community=world.a1,
        name="法律服务岗",
        category="legal",
        seats=1,
        priority=5,
        required_skills={"legal_advice": 2},
        duties="每周六提供法律咨询",
        **LEGAL_AT,
    )
    patrol = f.PostFactory(
        community=world.a1,
        name="治安巡逻岗",
        category="patrol",
        seats=2,
        priority=3,
        duties="巡查楼院安全隐患",
        **PATROL_AT,
    )
    m1 = f.VolunteerFactory(home_community=world.a1, kind="retired", skills={"legal_advice": 3}, **LEGAL_AT)
    m2 = f.VolunteerFactory(home_community=world.a1, kind="non_post", **PATROL_AT)
    m3 = f.VolunteerFactory(home_community=world.a1, kind="retired", **PATROL_AT)
    m4 = f.VolunteerFactory(
        home_community=world.a1,
        kind="retired",
        skills={"legal_advice": 2},
        lat=PATROL_AT["lat"] + 0.0045,
        lng=PATROL_AT["lng"],
    )
    f.VolunteerFactory(home_community=world.a1, kind="resident", skills={"legal_advice": 5}, **LEGAL_AT)
    return Posts(legal=legal, patrol=patrol, m1=m1, m2=m2, m3=m3, m4=m4)


@pytest.fixture
def done_run(world):
    """done_run(community=..., version=...) -> a finished run of the year, written directly (no task queued)."""

    def make(*, community=None, sub_district=None, version=1, year=YEAR, status=AllocationRun.Status.DONE):
        if sub_district is not None:
            return AllocationRun.objects.create(
                level="sub_district",
                scope_key=f"sub_district:{sub_district.pk}",
                sub_district=sub_district,
                year=year,
                version=version,
                status=status,
                time_limit=10.0,
            )
        community = community or world.a1
        return AllocationRun.objects.create(
            level="community",
            scope_key=f"community:{community.pk}",
            sub_district=community.sub_district,
            community=community,
            year=year,
            version=version,
            status=status,
            time_limit=10.0,
        )

    return make


@pytest.fixture
def client_of(api_language):
    """client_of(volunteer or user) -> an APIClient signed in as them."""

    def make(person) -> APIClient:
        client = APIClient()
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = api_language
        client.force_authenticate(getattr(person, "user", person))
        return client

    return make
