"""One entry per API endpoint: ENDPOINTS for the router's entities (how to make an object inside and outside
the test scope, a harmless change to send, who may read and write it), ROUTES for every other URL under /api/
(who passes the role gate, which object its path names) and LISTINGS for their lists; `operation_call` finds
the object and the role to call an operation of the OpenAPI schema with. The expectations are written here by
hand (from the issue's rules), not derived from the code under test.

"in" objects belong to community A1 / unit U1 / volunteer V1; "out" objects to B1 / U2 / V2 (see conftest).
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.urls import resolve
from django.utils import timezone

import factories as f


def _days_ahead(days: int) -> str:
    """A date `days` from today in the district's zone (a blackout may not start before today)."""
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


COORD = {"community", "subdistrict", "admin"}
SIGNED_IN = {"volunteer", "unit", "community", "subdistrict", "admin"}


@dataclass
class Endpoint:
    basename: str
    path: str
    make_in: object  # world -> object in scope
    make_out: object  # world -> object out of scope
    patch: dict  # a value None is replaced by one unique per object
    read_in: set  # roles that read the in-scope object
    read_out: set  # roles that read the out-of-scope object
    write_in: set  # roles that may change the in-scope object
    write_roles: set  # roles that may write this endpoint at all (others: 403 before any lookup)
    create: object = None  # (world, inside: bool) -> payload, or None when nobody creates through the API
    create_roles: set = field(default_factory=set)  # roles whose in-scope create succeeds
    create_out_roles: set = field(default_factory=lambda: {"admin"})  # roles whose out-of-scope create succeeds
    delete_roles: set | None = None  # roles that may delete at all; default: write_roles


def _shift_not_started(community):
    """A shift three days ahead: one that has started is no longer edited nor cancelled."""
    start = timezone.now() + dt.timedelta(days=3)
    day = timezone.localdate(start)
    week = day - dt.timedelta(days=day.weekday())
    return f.ShiftFactory(community=community, start=start, end=start + dt.timedelta(hours=2), week=week)


def _shift(w, community):
    return {
        "community": community.pk,
        "title": "临时班次",
        "start": "2026-12-05T09:00:00+08:00",
        "end": "2026-12-05T11:00:00+08:00",
        "seats": 2,
        "lat": 34.75,
        "lng": 113.62,
    }


ENDPOINTS = [
    Endpoint(
        "district",
        "/api/districts/",
        lambda w: w.s1.district,
        lambda w: w.s2.district,
        {"city": "郑州"},
        read_in=SIGNED_IN,
        read_out=SIGNED_IN,
        write_in={"admin"},
        write_roles={"admin"},
        create=lambda w, inside: {"name": f"二七区{inside}", "city": "郑州市", "code": f"4101{inside:d}"},
        create_roles={"admin"},
        create_out_roles={"admin"},
    ),
    Endpoint(
        "sub-district",
        "/api/sub-districts/",
        lambda w: w.s1,
        lambda w: w.s2,
        {"code": None},
        read_in=SIGNED_IN,
        read_out=SIGNED_IN,
        write_in={"admin"},
        write_roles={"admin"},
        create=lambda w, inside: {"district": w.s1.district_id, "name": f"新街道{inside}", "code": f"SDX{inside:d}"},
        create_roles={"admin"},
        create_out_roles={"admin"},
    ),
    Endpoint(
        "community",
        "/api/communities/",
        lambda w: w.a1,
        lambda w: w.b1,
        {"address": "秦岭路1号"},
        read_in=SIGNED_IN,
        read_out=SIGNED_IN,
        write_in=COORD,
        write_roles=COORD,
        create=lambda w, inside: {
            "sub_district": (w.s1 if inside else w.s2).pk,
            "name": f"新社区{inside}",
            "code": f"CX{inside:d}",
            "lat": 34.7,
            "lng": 113.6,
        },
        create_roles={"admin"},
        delete_roles={"admin"},
    ),
    Endpoint(
        "grid",
        "/api/grids/",
        lambda w: f.GridFactory(community=w.a1),
        lambda w: f.GridFactory(community=w.b1),
        {"name": "改名网格"},
        read_in=SIGNED_IN,
        read_out=SIGNED_IN,
        write_in=COORD,
        write_roles=COORD,
        create=lambda w, inside: {
            "community": (w.a1 if inside else w.b1).pk,
            "name": "新网格",
            "code": f"GX{inside:d}",
        },
        create_roles=COORD,
    ),
    Endpoint(
        "facility",
        "/api/facilities/",
        lambda w: f.FacilityFactory(community=w.a1),
        lambda w: f.FacilityFactory(community=w.b1),
        {"capacity": 50},
        read_in=SIGNED_IN,
        read_out=SIGNED_IN,
        write_in=COORD,
        write_roles=COORD,
        create=lambda w, inside: {"community": (w.a1 if inside else w.b1).pk, "kind": "room", "name": "党员活动室"},
        create_roles=COORD,
    ),
    Endpoint(
        # Coordinators keep the units located in their scope; a representative its own contact details.
        "unit",
        "/api/units/",
        lambda w: w.u1,
        lambda w: w.u2,
        {"contact_name": "王主任"},
        read_in=COORD | {"unit"},
        read_out=COORD,
        write_in=COORD | {"unit"},
        write_roles=COORD | {"unit"},
        create=lambda w, inside: {
            "name": f"新单位{inside}",
            "kind": "school",
            "community": w.a1.pk,
            "lat": 34.7,
            "lng": 113.6,
        },
        create_roles={"admin"},
        delete_roles={"admin"},
    ),
    Endpoint(
        "agreement",
        "/api/agreements/",
        lambda w: f.AgreementFactory(unit=w.u1, community=w.a1),
        lambda w: f.AgreementFactory(unit=w.u2, community=w.b1),
        {"title": "2026年共建协议"},
        read_in=COORD | {"unit"},
        read_out={"admin"},
        write_in=COORD,
        write_roles=COORD,
        create=lambda w, inside: {
            "unit": w.u1.pk,
            "community": (w.a1 if inside else w.b1).pk,
            "year": 2027,
            "title": "共建",
            "items": [{"description": "每季度两次活动", "quantity": 8}],
        },
        create_roles=COORD,
    ),
    # The service menu: every coordinator reads the district's; a unit's offers are kept by its representative and
    # its community's coordinators.
    Endpoint(
        "offer",
        "/api/offers/",
        lambda w: f.ServiceOfferFactory(unit=w.u1),
        lambda w: f.ServiceOfferFactory(unit=w.u2),
        {"conditions": "仅限辖区独居老人，需提前三天预约"},
        read_in=COORD | {"unit"},
        read_out=COORD,
        write_in=COORD | {"unit"},
        write_roles=COORD | {"unit"},
        create=lambda w, inside: {"unit": (w.u1 if inside else w.u2).pk, "title": "义诊", "category": "health"},
        create_roles=COORD | {"unit"},
    ),
    Endpoint(
        "skill",
        "/api/skills/",
        lambda w: f.SkillFactory(),
        lambda w: f.SkillFactory(),
        {"name": "新技能名"},
        read_in=SIGNED_IN,
        read_out=SIGNED_IN,
        write_in={"admin"},
        write_roles={"admin"},
        create=lambda w, inside: {"code": f"calligraphy{inside:d}", "name": "书法"},
        create_roles={"admin"},
        create_out_roles={"admin"},
    ),
    Endpoint(
        "volunteer",
        "/api/volunteers/",
        lambda w: w.v1,
        lambda w: w.v2,
        {"max_hours_per_week": 8},
        read_in=COORD | {"unit", "volunteer"},
        read_out={"admin"},
        write_in=COORD | {"volunteer"},
        write_roles=COORD | {"volunteer"},
        create=lambda w, inside: {
            "name": "李四",
            "kind": "retired",
            "home_community": (w.a1 if inside else w.b1).pk,
            "lat": 34.7,
            "lng": 113.6,
            "phone": f"1360000222{inside:d}",
            "skills": {"first_aid": 2},
        },
        create_roles=COORD,
        delete_roles=COORD,
    ),
    Endpoint(
        # Accounts are the administrator's: everybody else lists none and finds none.
        "user",
        "/api/users/",
        lambda w: f.UserFactory(role="community_coordinator", community=w.a1),
        lambda w: f.UserFactory(role="community_coordinator", community=w.b1),
        {"display_name": "改名协调员"},
        read_in={"admin"},
        read_out={"admin"},
        write_in={"admin"},
        write_roles={"admin"},
        create=lambda w, inside: {
            "role": "community_coordinator",
            "community": (w.a1 if inside else w.b1).pk,
            "display_name": "新协调员",
            "phone": f"1360000333{inside:d}",
        },
        create_roles={"admin"},
        create_out_roles={"admin"},
    ),
    Endpoint(
        "availability",
        "/api/availability/",
        lambda w: f.WeeklyAvailabilityFactory(volunteer=w.v1),
        lambda w: f.WeeklyAvailabilityFactory(volunteer=w.v2),
        {"end_time": "13:00"},
        read_in=COORD | {"volunteer"},
        read_out={"admin"},
        write_in=COORD | {"volunteer"},
        write_roles=COORD | {"volunteer"},
        create=lambda w, inside: {
            "volunteer": (w.v1 if inside else w.v2).pk,
            "weekday": 3,
            "start_time": "19:00",
            "end_time": "21:00",
        },
        create_roles=COORD | {"volunteer"},
    ),
    Endpoint(
        "blackout",
        "/api/blackouts/",
        lambda w: f.BlackoutFactory(volunteer=w.v1),
        lambda w: f.BlackoutFactory(volunteer=w.v2),
        {"reason": "生病"},
        read_in=COORD | {"volunteer"},
        read_out={"admin"},
        write_in=COORD | {"volunteer"},
        write_roles=COORD | {"volunteer"},
        create=lambda w, inside: {
            "volunteer": (w.v1 if inside else w.v2).pk,
            "start": f"{_days_ahead(30)}T08:00:00+08:00",
            "end": f"{_days_ahead(31)}T08:00:00+08:00",
        },
        create_roles=COORD | {"volunteer"},
    ),
    Endpoint(
        "team",
        "/api/teams/",
        lambda w: f.TeamFactory(community=w.a1),
        lambda w: f.TeamFactory(community=w.b1),
        {"specialty": "法律"},
        read_in=COORD,
        read_out={"admin"},
        write_in=COORD,
        write_roles=COORD,
        create=lambda w, inside: {"community": (w.a1 if inside else w.b1).pk, "kind": "service_team", "name": "新队"},
        create_roles=COORD,
    ),
    Endpoint(
        "post",
        "/api/posts/",
        lambda w: f.PostFactory(community=w.a1),
        lambda w: f.PostFactory(community=w.b1),
        {"seats": 3},
        read_in=COORD | {"volunteer"},
        read_out={"admin"},
        write_in=COORD,
        write_roles=COORD,
        create=lambda w, inside: {
            "community": (w.a1 if inside else w.b1).pk,
            "name": "法律服务岗",
            "category": "legal",
            "seats": 1,
            "weekdays": [6],
            "start_time": "09:00",
            "end_time": "11:00",
            "lat": 34.7,
            "lng": 113.6,
            "required_skills": {"legal_advice": 2},
        },
        create_roles=COORD,
    ),
    Endpoint(
        "post-holding",
        "/api/post-holdings/",
        lambda w: f.PostHoldingFactory(post=f.PostFactory(community=w.a1), volunteer=w.v1),
        lambda w: f.PostHoldingFactory(post=f.PostFactory(community=w.b1), volunteer=w.v2),
        {"status": "ended"},
        read_in=COORD | {"volunteer"},
        read_out={"admin"},
        write_in=COORD,
        write_roles=COORD,
        create=lambda w, inside: {
            "post": f.PostFactory(community=w.a1 if inside else w.b1).pk,
            "volunteer": (w.v1 if inside else w.v2).pk,
            "year": 2027,
        },
        create_roles=COORD,
    ),
    Endpoint(
        "need",
        "/api/needs/",
        lambda w: f.NeedFactory(community=w.a1),
        lambda w: f.NeedFactory(community=w.b1),
        {"urgency": 5},
        read_in=COORD,
        read_out={"admin"},
        write_in=COORD,
        write_roles=COORD,
        create=lambda w, inside: {
            "title": "陪老人就医",
            "source": "resident",
            "community": (w.a1 if inside else w.b1).pk,
            "category": "elderly",
            "type": "service",
            "headcount": 1,
        },
        create_roles=COORD,
    ),
    Endpoint(
        "resource",
        "/api/resources/",
        lambda w: f.ResourceFactory(unit=w.u1, community=w.a1),
        lambda w: f.ResourceFactory(unit=w.u2, community=w.b1),
        {"capacity": 60},
        read_in=COORD | {"unit"},
        read_out={"admin"},
        write_in=COORD | {"unit"},
        write_roles=COORD | {"unit"},
        create=lambda w, inside: {
            "community": (w.a1 if inside else w.b1).pk,
            "name": "会议室",
            "category": "venue",
            "capacity": 40,
            "lat": 34.7,
            "lng": 113.6,
        },
        create_roles=COORD | {"unit"},
        create_out_roles={"admin", "unit"},  # a unit may list its resource in any community
    ),
    Endpoint(
        "resource-slot",
        "/api/resource-slots/",
        lambda w: f.ResourceSlotFactory(resource=f.ResourceFactory(unit=w.u1, community=w.a1)),
        lambda w: f.ResourceSlotFactory(resource=f.ResourceFactory(unit=w.u2, community=w.b1)),
        {"end_time": "17:00"},
        read_in=COORD | {"unit"},
        read_out={"admin"},
        write_in=COORD | {"unit"},
        write_roles=COORD | {"unit"},
        create=lambda w, inside: {
            "resource": f.ResourceFactory(unit=w.u1 if inside else w.u2, community=w.a1 if inside else w.b1).pk,
            "date": "2026-12-05",
            "start_time": "09:00",
            "end_time": "12:00",
        },
        create_roles=COORD | {"unit"},
    ),
    Endpoint(
        "project",
        "/api/projects/",
        lambda w: f.ProjectFactory(community=w.a1, unit=w.u1),
        lambda w: f.ProjectFactory(community=w.b1, unit=w.u2),
        {"goals": "每周一次"},
        read_in=COORD | {"unit"},
        read_out={"admin"},
        write_in=COORD,
        write_roles=COORD,
        create=lambda w, inside: {
            "community": (w.a1 if inside else w.b1).pk,
            "name": "四点半课堂",
            "frequency": "weekly",
            "start_date": "2026-01-01",
            "end_date": "2026-12-31",
            "weekdays": [1, 3],
            "start_time": "16:30",
            "end_time": "18:00",
            "seats": 2,
        },
        create_roles=COORD,
    ),
    Endpoint(
        "shift",
        "/api/shifts/",
        lambda w: _shift_not_started(w.a1),
        lambda w: _shift_not_started(w.b1),
        {"seats": 4},
        read_in=COORD,
        read_out={"admin"},
        write_in=COORD,
        write_roles=COORD,
        create=lambda w, inside: _shift(w, w.a1 if inside else w.b1),
        create_roles=COORD,
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# The other API routes (plain path() views and the router's extra actions), one row per URL name and method.
# make(world, role, inside) -> the URL's keyword arguments naming an object inside (or outside) the caller's scope;
# None: the URL names no object. Expectations, from the rules: anonymous callers get 401 (unless the
# route is public), roles outside `roles` get 403, an object outside the caller's scope is a 404 (the
# administrator's scope is the whole district, unless `personal`: then even the administrator sees only their
# own), and anything else passes the gate (the action may still refuse the input or the state: 400/409).
# ---------------------------------------------------------------------------------------------------------------
VOLUNTEER = {"volunteer"}
WEEK = dt.date(2026, 11, 30)  # a Monday
YEAR = 2027


@dataclass
class Route:
    name: str  # the URL name
    method: str
    roles: set  # roles that pass the role gate
    make: object = None  # (world, role, inside) -> URL kwargs, or None
    body: object = field(default_factory=dict)  # or (world, inside) -> a body naming a scope inside or outside
    public: bool = False  # anonymous callers are let in
    personal: bool = False  # the object is one person's: nobody else, the administrator included, sees it
    shared: bool = False  # make() names an object of the whole district: past the gate, everyone reaches it


def _c(w, inside: bool) -> int:
    return (w.a1 if inside else w.b1).pk


def _planning_run(w, inside: bool, *, published: bool = False):
    return f.community_run(w.a1 if inside else w.b1, week=WEEK, published=published)


def _assignment(w, inside: bool, *, published: bool = False):
    from planning.models import Assignment

    run = _planning_run(w, inside, published=published)
    shift = f.ShiftFactory(community=run.community, week=WEEK)
    return Assignment.objects.create(run=run, shift=shift, volunteer=w.v1 if inside else w.v2)


def _booking_of(w, role, inside):
    from planning.models import ResourceBooking

    run = _planning_run(w, inside)
    shift = f.ShiftFactory(community=run.community, week=WEEK)
    request = f.ResourceRequestFactory(shift=shift)
    resource = f.ResourceFactory(community=run.community, unit=None)
    return {"pk": run.pk, "booking_id": ResourceBooking.objects.create(run=run, request=request, resource=resource).pk}


def _run_pair(w, role, inside):
    other = _planning_run(w, inside)
    other.version = 2
    other.status = "failed"
    other.save()
    return {"pk": _planning_run(w, inside).pk, "other_id": other.pk}


def _allocation_run(w, inside: bool):
    from allocation.models import AllocationRun

    community = w.a1 if inside else w.b1
    return AllocationRun.objects.create(
        level="community",
        scope_key=f"community:{community.pk}",
        sub_district=community.sub_district,
        community=community,
        year=YEAR,
        version=1,
        status=AllocationRun.Status.DONE,
        time_limit=10.0,
    )


def _proposal(w, role, inside):
    from allocation.models import Proposal

    run = _allocation_run(w, inside)
    post = f.PostFactory(community=run.community)
    return {
        "pk": run.pk,
        "proposal_id": Proposal.objects.create(run=run, post=post, volunteer=w.v1 if inside else w.v2).pk,
    }


def _notification(w, role, inside):
    from notifications.models import Notification

    recipient = w.users.get(role, w.v1.user) if inside else w.v2.user
    return {
        "pk": Notification.objects.create(
            recipient=recipient, kind="published", title="通知", event_key=f"k{inside}"
        ).pk
    }


def _record(w, role, inside):
    from records.models import ServiceRecord

    volunteer = w.v1 if inside else w.v2
    record = ServiceRecord.objects.create(
        volunteer=volunteer,
        community=volunteer.home_community,
        minutes=60,
        status="pending",
        source="manual",
        title="助老服务",
        date=dt.date(2026, 3, 1),
        recipient="王秀英",
        evidence="签到表照片",
    )
    return {"record_id": record.pk}


def _ledger(w, role, inside):
    from ledgers.models import UnitLedger

    return {"ledger_id": UnitLedger.objects.create(unit=w.u1 if inside else w.u2, month=dt.date(2026, 10, 1)).pk}


def _resource(w, role, inside):
    return {"resource_id": f.ResourceFactory(unit=w.u1 if inside else w.u2, community=w.a1 if inside else w.b1).pk}


def _withdrawal(w, role, inside):
    from lending.models import ResourceWithdrawal

    resource_id = _resource(w, role, inside)["resource_id"]
    day = dt.date.today() + dt.timedelta(days=10)
    ResourceWithdrawal.objects.create(resource_id=resource_id, date=day, reason="自用")
    return {"resource_id": resource_id, "date": day}


def _community_pk(w, role, inside):
    return {"pk": _c(w, inside)}


def _order_lookup(w, inside: bool) -> dict:
    """A resident's order in community a1: its tracking number with its own phone, or with another phone."""
    from ordering.models import OrderTracking
    from ordering.selectors import phone_digest

    need = f.NeedFactory(community=w.a1, requester_phone="+8613655551234")
    tracking = OrderTracking.objects.create(
        need=need, tracking_no=f"T{need.pk:09d}", phone_digest=phone_digest("+8613655551234")
    )
    return {"tracking_no": tracking.tracking_no, "phone": "13655551234" if inside else "13655550000"}


def _calendar(w, role, inside):
    from volunteering.services import calendar_token_get_or_create

    if not inside:
        return {"token": "no-such-calendar"}
    return {"token": calendar_token_get_or_create(user=w.v1.user).token}


def _shift_of(w, role, inside):
    return {"shift_id": f.ShiftFactory(community=w.a1 if inside else w.b1).pk}


def _shift_ahead(w, role, inside):
    """A shift that has not started (a started one is no longer cancelled)."""
    return {"pk": _shift_not_started(w.a1 if inside else w.b1).pk}


def _need(w, role, inside):
    return {"pk": f.NeedFactory(community=w.a1 if inside else w.b1).pk}


def _owned_need(w, role, inside):
    return {"pk": f.NeedFactory(community=w.a1 if inside else w.b1, owner=w.users.get(role)).pk}


def _on_run(prefix: str, maker, actions: str) -> list:
    """Coordinators' routes on one run: "detail get, cancel post" -> rows for prefix-detail GET, prefix-cancel POST."""

    def make(w, role, inside):
        return {"pk": maker(w, inside).pk}

    return [Route(f"{prefix}-{name}", method, COORD, make) for name, method in (a.split() for a in actions.split(", "))]


def _assignment_of(w, role, inside):
    assignment = _assignment(w, inside)
    return {"pk": assignment.run_id, "assignment_id": assignment.pk}


def _my_assignment(w, role, inside):
    return {"assignment_id": _assignment(w, inside, published=True).pk}


def _open_seat(w, role, inside):
    """A seat left open in a published plan of A1 (V1's) or of B1 (none of V1's business)."""
    from planning.models import UnfilledSeat

    run = _planning_run(w, inside, published=True)
    shift = f.ShiftFactory(community=run.community, week=WEEK)
    UnfilledSeat.objects.create(run=run, shift=shift, missing=1)
    return {"shift_id": shift.pk}


def _open_wish(w, role, inside):
    """A published micro-wish; outside, a published need that is no wish (not on the wall)."""
    need = f.NeedFactory(community=w.a1 if inside else w.b1, status="published", is_micro_wish=inside)
    return {"need_id": need.pk}


def _my_holding(w, role, inside):
    holding = f.PostHoldingFactory(
        post=f.PostFactory(community=w.a1 if inside else w.b1), volunteer=w.v1 if inside else w.v2
    )
    return {"holding_id": holding.pk}


def _export_job(w, role, inside):
    owner = w.users.get(role, w.users["admin"]) if inside else w.v2.user  # someone else's job when outside
    return {"job_id": f.ExportJobFactory(created_by=owner).pk}


def _import_run(w, role, inside):
    """A checked import run of a community (an upload waiting for its confirmation)."""
    from transfer.models import ImportRun

    community = w.a1 if inside else w.b1
    run = ImportRun.objects.create(
        kind="volunteers",
        scope_key=f"community:{community.pk}",
        community=community,
        sub_district=community.sub_district,
        version=1,
        status="checked",
        time_limit=600.0,
        file="imports/none.csv",
        file_name="none.csv",
        headers=["name"],
        mapping={"name": 0},
    )
    return {"pk": run.pk}


def _feedback_report(w, role, inside):
    from reports.services import feedback_report_write

    return {"report_id": feedback_report_write(unit=w.u1 if inside else w.u2, year=2026, quarter=3).pk}


def _evaluation(w, role, inside):
    from django.utils import timezone

    from evaluation.models import UnitEvaluation

    evaluation = UnitEvaluation.objects.create(
        unit=w.u1 if inside else w.u2,
        year=2026,
        item_score=80,
        bonus_score=5,
        scheme_score=85,
        score=85,
        grade="ordinary",
        grade_label="一般",
        rank=1,
        computed_at=timezone.now(),
    )
    return {"evaluation_id": evaluation.pk}


def _appraisal_round(w, role, inside):
    from evaluation.models import AppraisalRound

    appraisal_round = AppraisalRound.objects.create(year=2026, title="民主测评", community=w.a1 if inside else w.b1)
    appraisal_round.units.set([w.u1 if inside else w.u2])
    return {"round_id": appraisal_round.pk}


def _scheme(w, role, inside):
    from evaluation.models import EvaluationScheme

    return {"scheme_id": EvaluationScheme.objects.get_or_create(year=2026, defaults={"name": "年度考评"})[0].pk}


def _ballot(w, role, inside):
    """Inside: a real one-time code of a round over a unit; outside: a code that was never issued."""
    from evaluation import selectors
    from evaluation.models import AppraisalBallot, AppraisalRound

    code = "K7PQ2M9XW3RTH4NB" if inside else "WRONGCODE2345678"
    if inside:
        appraisal_round = AppraisalRound.objects.create(year=2026, title="民主测评", community=w.a1)
        appraisal_round.units.set([w.u1])
        AppraisalBallot.objects.create(round=appraisal_round, code_hash=selectors.code_hash(code))
    return {"code": code}


def _volunteer(w, role, inside):
    return {"pk": (w.v1 if inside else w.v2).pk}


def _account(w, role, inside):
    """A coordinator's account: the administrator's to keep; nobody else's, not even the coordinator's own."""
    return {"pk": f.UserFactory(role="community_coordinator", community=w.a1 if inside else w.b1).pk}


ROUTES = [
    Route("api-root", "get", SIGNED_IN),
    Route("login", "post", SIGNED_IN | {"anonymous"}, body={"username": "nobody", "password": "wrong"}, public=True),
    Route("token", "post", SIGNED_IN | {"anonymous"}, body={"username": "nobody", "password": "wrong"}, public=True),
    Route("logout", "post", SIGNED_IN),
    Route("me", "get", SIGNED_IN),
    Route("volunteer-import", "post", COORD),
    Route("volunteer-export", "get", COORD),
    Route("resource-import", "post", COORD | {"unit"}),
    Route("resource-export", "get", COORD | {"unit"}),
    Route("import-run-list", "get", COORD),
    Route("import-run-list", "post", COORD),
    Route("import-run-detail", "get", COORD, _import_run),
    Route("import-run-mapping", "post", COORD, _import_run),
    Route("import-run-confirm", "post", COORD, _import_run),
    Route("import-run-report", "get", COORD, _import_run),
    Route("import-run-cancel", "post", COORD, _import_run),
    Route("import-template", "get", COORD),
    Route("planning-run-list", "get", COORD),
    Route(
        "planning-run-list", "post", COORD, body=lambda w, inside: {"week": "2026-11-30", "community": _c(w, inside)}
    ),
    *_on_run("planning-run", _planning_run, "detail get, cancel post, publish post, assignments get, assignments post"),
    Route("planning-run-assignment", "patch", COORD, _assignment_of, body={"pinned": True}),
    Route("planning-run-assignment", "delete", COORD, _assignment_of),
    Route("planning-run-compare", "get", COORD, _run_pair),
    *_on_run("planning-run", _planning_run, "unfilled get, bookings get"),
    Route("planning-run-booking", "patch", COORD, _booking_of, body={"pinned": True}),
    Route("planning-run-booking-alternatives", "get", COORD, _booking_of),
    Route(
        "planning-run-booking-swap",
        "post",
        COORD,
        _booking_of,
        body=lambda w, inside: {"resource": f.ResourceFactory(community=w.a1 if inside else w.b1, unit=None).pk},
    ),
    Route("notification-list", "get", SIGNED_IN),
    Route("notification-read-all", "post", SIGNED_IN),
    Route("notification-read", "post", SIGNED_IN, _notification, personal=True),
    Route("notification-channels", "get", SIGNED_IN),
    Route("notification-channels", "patch", SIGNED_IN, body={"sms": False}),
    Route("volunteering-post-list", "get", VOLUNTEER),
    Route("volunteering-post-accept", "post", VOLUNTEER, _my_assignment, personal=True),
    Route("volunteering-post-decline", "post", VOLUNTEER, _my_assignment, body={"reason": "出差"}, personal=True),
    Route("volunteering-open-seat-list", "get", VOLUNTEER),
    Route("volunteering-open-seat-claim", "post", VOLUNTEER, _open_seat, personal=True),
    Route("volunteering-wish-list", "get", VOLUNTEER),
    Route("volunteering-wish-claim", "post", VOLUNTEER, _open_wish, personal=True),
    Route("volunteering-calendar-token", "get", VOLUNTEER),
    Route("volunteering-calendar-token-rotate", "post", VOLUNTEER),
    # The feed is reached by its secret alone (calendar apps cannot sign in): a wrong token is a 404 for all.
    Route("volunteering-calendar-feed", "get", SIGNED_IN | {"anonymous"}, _calendar, public=True, personal=True),
    Route("allocation-run-list", "get", COORD),
    Route("allocation-run-list", "post", COORD, body=lambda w, inside: {"year": YEAR, "community": _c(w, inside)}),
    *_on_run(
        "allocation-run",
        _allocation_run,
        "detail get, cancel post, rerun post, publish post, proposals get, proposals post",
    ),
    Route("allocation-run-proposal", "patch", COORD, _proposal, body={"pinned": True}),
    Route("allocation-run-proposal", "delete", COORD, _proposal),
    *_on_run("allocation-run", _allocation_run, "unfilled get"),
    Route("allocation-my-holding-list", "get", VOLUNTEER),
    Route("allocation-my-holding-decline", "post", VOLUNTEER, _my_holding, body={"reason": "搬家"}, personal=True),
    Route("lending-booking-list", "get", COORD | {"unit"}),
    Route("lending-withdrawal-list", "get", COORD | {"unit"}),
    Route(
        "lending-withdraw",
        "post",
        {"unit"},
        _resource,
        personal=True,
        body={
            "date": str(dt.date.today() + dt.timedelta(days=10)),
            "reason": "单位自用",
        },
    ),
    Route("lending-withdrawal-cancel", "delete", {"unit"}, _withdrawal, personal=True),
    Route("records-list", "get", SIGNED_IN),
    Route("records-list", "post", COORD | VOLUNTEER),
    Route("records-summary", "get", VOLUNTEER),
    Route("records-rankings", "get", SIGNED_IN),
    Route("records-points-rules", "get", COORD),  # the district's table: every coordinator reads it all
    Route("records-points-rules", "put", {"admin"}, body={"rules": [{"kind": "shift_hour", "points": 2}]}),
    Route("records-approve", "post", COORD, _record),
    Route("records-reject", "post", COORD, _record, body={"note": "材料不全"}),
    Route("records-correct", "post", COORD, _record, body={"minutes": 30, "note": "更正"}),
    Route("ledgers-list", "get", COORD | {"unit"}),
    Route("ledgers-write", "post", {"admin"}, body={"month": "2026-10"}),
    Route("ledgers-detail", "get", COORD | {"unit"}, _ledger),
    Route("ledgers-entry-create", "post", COORD, _ledger, body={"kind": "service", "description": "慰问"}),
    Route("attendance-list", "get", COORD),
    Route("attendance-mine", "get", VOLUNTEER),
    Route("attendance-check-in", "post", VOLUNTEER, body={"token": "forged"}),
    Route("attendance-check-out", "post", VOLUNTEER, body={"token": "forged"}),
    Route("attendance-qr-token", "get", COORD, _shift_of),
    Route("attendance-record", "post", COORD, _shift_of),
    Route("attendance-roster", "get", COORD, _shift_of),
    Route("need-overdue-count", "get", SIGNED_IN),  # counted over the caller's needs, like the list
    Route("need-rating", "post", COORD, _need, body={"score": 5}),
    Route("need-transition", "post", COORD, _need, body={"status": "assessed"}),
    Route(
        "offer-order",
        "post",
        COORD,
        lambda w, role, inside: {"pk": f.ServiceOfferFactory(unit=w.u1 if inside else w.u2).pk},
        body={"requester_name": "李大爷", "urgency": 3},
    ),
    Route(
        "need-merge",
        "post",
        COORD,
        body=lambda w, inside: {
            "needs": [_need(w, None, inside)["pk"]],
            "project": f.ProjectFactory(community=w.a1, unit=w.u1).pk,
        },
    ),
    Route("need-to-shifts", "post", COORD, _need),
    Route("need-take", "post", COORD, _need, body={}),  # the taker is checked past the gate (400)
    # 首问责任: the caller owns the need (a community coordinator hands over only their own); the admin is a colleague
    # covering every community.
    Route(
        "need-hand-over",
        "post",
        COORD,
        _owned_need,
        body=lambda w, inside: {"to_user": w.users["admin"].pk, "reason": "休假"},
    ),
    Route("need-owners", "get", COORD, _need),
    Route("need-deadline-rules", "get", COORD),  # the district's table: every coordinator reads it all
    Route("need-deadline-rules", "put", {"admin"}, body={"rules": [{"category": "elderly", "urgency": 3, "days": 5}]}),
    Route("need-owner-candidates", "get", COORD, _need),
    # Consent is the volunteer's own: their history is read by them and their coordinators, never by the unit;
    # verifying a claimed skill level is a coordinator's check.
    Route("volunteer-consent-history", "get", COORD | VOLUNTEER, _volunteer),
    Route("volunteer-resend-invitation", "post", COORD, _volunteer),
    Route("volunteer-report", "post", COORD | VOLUNTEER, _volunteer),
    Route("volunteer-report-confirm", "post", COORD, _volunteer),
    Route("volunteer-activation", "get", COORD),
    Route("community-invitation-sheet", "get", COORD, lambda w, role, inside: {"pk": _c(w, inside)}),
    Route("user-disable", "post", {"admin"}, _account),
    Route("user-enable", "post", {"admin"}, _account),
    Route("user-reset-login", "post", {"admin"}, _account),
    # Getting in: reached by a link's token, a phone number and a code, before anybody has a password.
    Route("invitation", "post", SIGNED_IN | {"anonymous"}, body={"token": "no-such-token"}, public=True),
    Route(
        "invitation-accept",
        "post",
        SIGNED_IN | {"anonymous"},
        public=True,
        body={
            "token": "no-such-token",
            "password": "a-long-pass-phrase",
            "confirm_phone": "13800000000",
            "privacy_accepted": True,
        },
    ),
    Route("privacy-notice", "get", SIGNED_IN | {"anonymous"}, public=True),
    Route(
        "phone-code", "post", SIGNED_IN | {"anonymous"}, body={"phone": "13800000000", "purpose": "login"}, public=True
    ),
    Route(
        "code-login", "post", SIGNED_IN | {"anonymous"}, body={"phone": "13800000000", "code": "123456"}, public=True
    ),
    Route(
        "password-reset",
        "post",
        SIGNED_IN | {"anonymous"},
        public=True,
        body={"phone": "13800000000", "code": "123456", "password": "a-long-pass-phrase"},
    ),
    # Residents' orders (点单): the public form and service menu of any community, codes and orders for anyone; an
    # order is reached by its tracking number with its own phone only (another phone: 404, whoever asks); posters are
    # coordinators'.
    Route("order-form", "get", SIGNED_IN | {"anonymous"}, _community_pk, public=True, shared=True),
    Route("order-menu", "get", SIGNED_IN | {"anonymous"}, _community_pk, public=True, shared=True),
    Route(
        "order-request-code",
        "post",
        SIGNED_IN | {"anonymous"},
        _community_pk,
        public=True,
        shared=True,
        body={"phone": "13800000000"},
    ),
    Route(
        "order-create",
        "post",
        SIGNED_IN | {"anonymous"},
        _community_pk,
        public=True,
        shared=True,
        body={"phone": "13800000000", "code": "123456", "category": "elderly", "type": "service", "title": "换灯泡"},
    ),
    Route("order-track", "post", SIGNED_IN | {"anonymous"}, body=_order_lookup, public=True, personal=True),
    Route(
        "order-rate",
        "post",
        SIGNED_IN | {"anonymous"},
        body=lambda w, inside: {**_order_lookup(w, inside), "score": 5},
        public=True,
        personal=True,
    ),
    Route("order-poster", "get", COORD, _community_pk),
    Route("volunteer-verify-skill", "post", COORD, _volunteer, body={"skill": "first_aid", "level": 2}),
    Route("volunteer-revoke-skill", "post", COORD, _volunteer, body={"skill": "first_aid"}),
    Route("shift-generate", "post", COORD),
    Route("shift-generate-preview", "get", COORD),
    Route("shift-cancel", "post", COORD, _shift_ahead, body={"reason": "场地临时停用"}),
    # Reports, evaluation, insights and audit. An export job is its requester's (and staff's); units see what concerns
    # their own unit (feedback reports, evaluations); a scheme is district-wide and a ballot code is its own key.
    Route("reports-export-list", "get", SIGNED_IN),
    Route("reports-export-list", "post", SIGNED_IN),
    Route("reports-export-detail", "get", SIGNED_IN, _export_job),  # staff may read any job
    Route("reports-export-download", "get", SIGNED_IN, _export_job),  # queued: 409
    Route("reports-feedback-list", "get", COORD | {"unit"}),
    Route("reports-feedback-write", "post", COORD),
    Route("reports-feedback-pdf", "get", COORD | {"unit"}, _feedback_report),
    Route("reports-feedback-xlsx", "get", COORD | {"unit"}, _feedback_report),
    Route("evaluations-list", "get", COORD | {"unit"}),
    Route("evaluations-detail", "get", COORD | {"unit"}, _evaluation),
    Route("evaluations-export", "get", COORD | {"unit"}),
    Route("evaluations-compute", "post", COORD),
    Route("evaluations-inputs", "get", COORD | {"unit"}),
    Route("evaluations-inputs", "post", COORD),
    Route("evaluations-schemes", "get", COORD),
    Route("evaluations-schemes", "post", {"admin"}),
    Route("evaluations-scheme-detail", "get", COORD, _scheme, shared=True),
    Route("evaluations-scheme-detail", "patch", {"admin"}, _scheme, shared=True, body={"name": "改名"}),
    Route("appraisal-rounds", "get", COORD),
    Route("appraisal-rounds", "post", COORD),
    Route("appraisal-round-detail", "get", COORD, _appraisal_round),
    # A representative's ballot is reached by its code alone (no account): a wrong code is a 404 for all.
    Route("appraisal-ballot", "get", SIGNED_IN | {"anonymous"}, _ballot, public=True, personal=True),
    Route(
        "appraisal-ballot",
        "post",
        SIGNED_IN | {"anonymous"},
        _ballot,
        public=True,
        personal=True,
        body=lambda w, inside: {"ratings": [{"unit": w.u1.pk, "rating": "satisfied"}]},
    ),
    Route("insights-weeks", "get", COORD),
    Route("insights-hours-by-community", "get", COORD),
    Route("insights-fairness", "get", COORD),
    Route("insights-resources", "get", COORD),
    Route("insights-missing-skills", "get", COORD),
    Route("audit-list", "get", COORD),
]


# The lists of the plain API views: one row inside and one outside the caller's scope (by hand, as above:
# a volunteer sees their own, a unit its own and its consenting members', a coordinator their community or
# sub-district, the administrator everything). Roles outside the route's gate are covered by ROUTES.
@dataclass
class Listing:
    name: str
    make: object  # (world, inside) -> a row inside / outside the scope
    read_in: set
    read_out: set


def _attendance(w, inside: bool):
    from attendance.models import Attendance

    shift = f.ShiftFactory(community=w.a1 if inside else w.b1)
    return Attendance.objects.create(
        shift=shift,
        volunteer=w.v1 if inside else w.v2,
        method="coordinator",
        checked_in_at=shift.start,
        checked_out_at=shift.end,
        minutes_served=120,
    )


def _row(maker, key: str, model: str):
    """A maker of URL kwargs (world, role, inside) -> a maker of the row (world, inside)."""

    def make(w, inside):
        return apps.get_model(model).objects.get(pk=maker(w, None, inside)[key])

    return make


def _withdrawal_row(w, inside: bool):
    from lending.models import ResourceWithdrawal

    return ResourceWithdrawal.objects.get(resource_id=_withdrawal(w, None, inside)["resource_id"])


LISTINGS = [
    Listing(
        "records-list", _row(_record, "record_id", "records.ServiceRecord"), COORD | {"volunteer", "unit"}, {"admin"}
    ),
    Listing("ledgers-list", _row(_ledger, "ledger_id", "ledgers.UnitLedger"), COORD | {"unit"}, {"admin"}),
    Listing("planning-run-list", _planning_run, COORD, {"admin"}),
    Listing("allocation-run-list", _allocation_run, COORD, {"admin"}),
    Listing("attendance-list", _attendance, COORD, {"admin"}),
    Listing("attendance-mine", _attendance, VOLUNTEER, set()),
    Listing("lending-withdrawal-list", _withdrawal_row, COORD | {"unit"}, {"admin"}),
    Listing("allocation-my-holding-list", _row(_my_holding, "holding_id", "posts.PostHolding"), VOLUNTEER, set()),
]


def operation_call(world, method: str, path: str) -> tuple[str, dict, dict]:
    """(role, path parameters, a valid body to start from) to call an operation of the OpenAPI schema (`path` as
    the schema writes it, with {id} for a router's pk) on an object inside the scope: as the administrator where
    they may, else as the first role that may."""
    name = resolve(re.sub(r"\{[^}]+\}", "1", path)).url_name  # any id finds the URL's name
    basename, _, action = name.rpartition("-")
    endpoint = next((e for e in ENDPOINTS if e.basename == basename), None)
    if action in {"list", "detail"} and endpoint is not None:
        body = endpoint.create(world, True) if endpoint.create and method != "patch" else {}
        return "admin", ({"id": endpoint.make_in(world).pk} if action == "detail" else {}), body
    route = next(r for r in ROUTES if (r.name, r.method) == (name, method))
    role = "admin" if "admin" in route.roles else sorted(route.roles - {"anonymous"})[0]
    made = route.make(world, role, True) if route.make else {}
    parameters = {("id" if key == "pk" else key): value for key, value in made.items()}
    return role, parameters, route.body(world, True) if callable(route.body) else dict(route.body)
