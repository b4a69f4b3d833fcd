"""One entry per API endpoint of the router: how to make an object inside and outside the test scope,
a harmless change to send, and who may read and write it. The expectations are written here by hand
(from the issue's rules), not derived from the code under test.

"in" objects belong to community A1 / unit U1 / volunteer V1; "out" objects to B1 / U2 / V2 (see conftest).
"""
import datetime as dt
from dataclasses import dataclass, field

import factories as f

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


def _shift(w, community):
    return {
        "community": community.pk, "title": "临时班次", "start": "2026-12-05T09:00:00+08:00",
        "end": "2026-12-05T11:00:00+08:00", "seats": 2, "lat": 34.75, "lng": 113.62,
    }


ENDPOINTS = [
    Endpoint(
        "district", "/api/districts/", lambda w: w.s1.district, lambda w: w.s2.district, {"city": "郑州"},
        read_in=SIGNED_IN, read_out=SIGNED_IN, write_in={"admin"}, write_roles={"admin"},
        create=lambda w, inside: {"name": f"二七区{inside}", "city": "郑州市", "code": f"4101{inside:d}"}, create_roles={"admin"},
        create_out_roles={"admin"},
    ),
    Endpoint(
        "sub-district", "/api/sub-districts/", lambda w: w.s1, lambda w: w.s2, {"code": None},
        read_in=SIGNED_IN, read_out=SIGNED_IN, write_in={"admin"}, write_roles={"admin"},
        create=lambda w, inside: {"district": w.s1.district_id, "name": f"新街道{inside}", "code": f"SDX{inside:d}"}, create_roles={"admin"},
        create_out_roles={"admin"},
    ),
    Endpoint(
        "community", "/api/communities/", lambda w: w.a1, lambda w: w.b1, {"address": "秦岭路1号"},
        read_in=SIGNED_IN, read_out=SIGNED_IN, write_in=COORD, write_roles=COORD,
        create=lambda w, inside: {
            "sub_district": (w.s1 if inside else w.s2).pk, "name": f"新社区{inside}", "code": f"CX{inside:d}", "lat": 34.7, "lng": 113.6,
        },
        create_roles={"admin"}, delete_roles={"admin"},
    ),
    Endpoint(
        "grid", "/api/grids/", lambda w: f.GridFactory(community=w.a1), lambda w: f.GridFactory(community=w.b1),
        {"name": "改名网格"}, read_in=SIGNED_IN, read_out=SIGNED_IN, write_in=COORD, write_roles=COORD,
        create=lambda w, inside: {"community": (w.a1 if inside else w.b1).pk, "name": "新网格", "code": f"GX{inside:d}"},
        create_roles=COORD,
    ),
    Endpoint(
        "facility", "/api/facilities/", lambda w: f.FacilityFactory(community=w.a1),
        lambda w: f.FacilityFactory(community=w.b1), {"capacity": 50},
        read_in=SIGNED_IN, read_out=SIGNED_IN, write_in=COORD, write_roles=COORD,
        create=lambda w, inside: {"community": (w.a1 if inside else w.b1).pk, "kind": "room", "name": "党员活动室"},
        create_roles=COORD,
    ),
    Endpoint(
        "unit", "/api/units/", lambda w: w.u1, lambda w: w.u2, {"address": "建设西路2号"},
        read_in=COORD | {"unit"}, read_out=COORD, write_in={"admin", "unit"}, write_roles={"admin", "unit"},
        create=lambda w, inside: {
            "name": f"新单位{inside}", "kind": "school", "community": w.a1.pk, "lat": 34.7, "lng": 113.6,
        },
        create_roles={"admin"}, delete_roles={"admin"},
    ),
    Endpoint(
        "agreement", "/api/agreements/", lambda w: f.AgreementFactory(unit=w.u1, community=w.a1),
        lambda w: f.AgreementFactory(unit=w.u2, community=w.b1), {"title": "2026年共建协议"},
        read_in=COORD | {"unit"}, read_out={"admin"}, write_in=COORD, write_roles=COORD,
        create=lambda w, inside: {
            "unit": w.u1.pk, "community": (w.a1 if inside else w.b1).pk, "year": 2027, "title": "共建",
            "items": [{"description": "每季度两次活动", "quantity": 8}],
        },
        create_roles=COORD,
    ),
    Endpoint(
        "skill", "/api/skills/", lambda w: f.SkillFactory(), lambda w: f.SkillFactory(), {"name": "新技能名"},
        read_in=SIGNED_IN, read_out=SIGNED_IN, write_in={"admin"}, write_roles={"admin"},
        create=lambda w, inside: {"code": f"calligraphy{inside:d}", "name": "书法"}, create_roles={"admin"},
        create_out_roles={"admin"},
    ),
    Endpoint(
        "volunteer", "/api/volunteers/", lambda w: w.v1, lambda w: w.v2, {"max_hours_per_week": 8},
        read_in=COORD | {"unit", "volunteer"}, read_out={"admin"}, write_in=COORD | {"volunteer"},
        write_roles=COORD | {"volunteer"},
        create=lambda w, inside: {
            "name": "李四", "kind": "retired", "home_community": (w.a1 if inside else w.b1).pk, "lat": 34.7,
            "lng": 113.6, "phone": "13600002222", "skills": {"first_aid": 2},
        },
        create_roles=COORD, delete_roles=COORD,
    ),
    Endpoint(
        "availability", "/api/availability/", lambda w: f.WeeklyAvailabilityFactory(volunteer=w.v1),
        lambda w: f.WeeklyAvailabilityFactory(volunteer=w.v2), {"end_time": "13:00"},
        read_in=COORD | {"volunteer"}, read_out={"admin"}, write_in=COORD | {"volunteer"},
        write_roles=COORD | {"volunteer"},
        create=lambda w, inside: {
            "volunteer": (w.v1 if inside else w.v2).pk, "weekday": 3, "start_time": "19:00", "end_time": "21:00",
        },
        create_roles=COORD | {"volunteer"},
    ),
    Endpoint(
        "blackout", "/api/blackouts/", lambda w: f.BlackoutFactory(volunteer=w.v1),
        lambda w: f.BlackoutFactory(volunteer=w.v2), {"reason": "生病"},
        read_in=COORD | {"volunteer"}, read_out={"admin"}, write_in=COORD | {"volunteer"},
        write_roles=COORD | {"volunteer"},
        create=lambda w, inside: {
            "volunteer": (w.v1 if inside else w.v2).pk, "start": "2026-12-01T08:00:00+08:00",
            "end": "2026-12-02T08:00:00+08:00",
        },
        create_roles=COORD | {"volunteer"},
    ),
    Endpoint(
        "team", "/api/teams/", lambda w: f.TeamFactory(community=w.a1), lambda w: f.TeamFactory(community=w.b1),
        {"specialty": "法律"}, read_in=COORD, read_out={"admin"}, write_in=COORD, write_roles=COORD,
        create=lambda w, inside: {"community": (w.a1 if inside else w.b1).pk, "kind": "service_team", "name": "新队"},
        create_roles=COORD,
    ),
    Endpoint(
        "post", "/api/posts/", lambda w: f.PostFactory(community=w.a1), lambda w: f.PostFactory(community=w.b1),
        {"seats": 3}, read_in=COORD | {"volunteer"}, read_out={"admin"}, write_in=COORD, write_roles=COORD,
        create=lambda w, inside: {
            "community": (w.a1 if inside else w.b1).pk, "name": "法律服务岗", "category": "legal", "seats": 1,
            "weekdays": [6], "start_time": "09:00", "end_time": "11:00", "lat": 34.7, "lng": 113.6,
            "required_skills": {"legal_advice": 2},
        },
        create_roles=COORD,
    ),
    Endpoint(
        "post-holding", "/api/post-holdings/",
        lambda w: f.PostHoldingFactory(post=f.PostFactory(community=w.a1), volunteer=w.v1),
        lambda w: f.PostHoldingFactory(post=f.PostFactory(community=w.b1), volunteer=w.v2),
        {"status": "ended"}, read_in=COORD | {"volunteer"}, read_out={"admin"}, write_in=COORD, write_roles=COORD,
        create=lambda w, inside: {
            "post": f.PostFactory(community=w.a1 if inside else w.b1).pk, "volunteer": (w.v1 if inside else w.v2).pk,
            "year": 2027,
        },
        create_roles=COORD,
    ),
    Endpoint(
        "need", "/api/needs/", lambda w: f.NeedFactory(community=w.a1), lambda w: f.NeedFactory(community=w.b1),
        {"urgency": 5}, read_in=COORD, read_out={"admin"}, write_in=COORD, write_roles=COORD,
        create=lambda w, inside: {
            "title": "陪老人就医", "source": "resident", "community": (w.a1 if inside else w.b1).pk,
            "category": "elderly", "type": "service", "headcount": 1,
        },
        create_roles=COORD,
    ),
    Endpoint(
        "resource", "/api/resources/", lambda w: f.ResourceFactory(unit=w.u1, community=w.a1),
        lambda w: f.ResourceFactory(unit=w.u2, community=w.b1), {"capacity": 60},
        read_in=COORD | {"unit"}, read_out={"admin"}, write_in=COORD | {"unit"}, write_roles=COORD | {"unit"},
        create=lambda w, inside: {
            "community": (w.a1 if inside else w.b1).pk, "name": "会议室", "category": "venue", "capacity": 40,
            "lat": 34.7, "lng": 113.6,
        },
        create_roles=COORD | {"unit"},
        create_out_roles={"admin", "unit"},  # a unit may list its resource in any community
    ),
    Endpoint(
        "resource-slot", "/api/resource-slots/",
        lambda w: f.ResourceSlotFactory(resource=f.ResourceFactory(unit=w.u1, community=w.a1)),
        lambda w: f.ResourceSlotFactory(resource=f.ResourceFactory(unit=w.u2, community=w.b1)),
        {"end_time": "17:00"}, read_in=COORD | {"unit"}, read_out={"admin"}, write_in=COORD | {"unit"},
        write_roles=COORD | {"unit"},
        create=lambda w, inside: {
            "resource": f.ResourceFactory(unit=w.u1 if inside else w.u2, community=w.a1 if inside else w.b1).pk,
            "date": "2026-12-05", "start_time": "09:00", "end_time": "12:00",
        },
        create_roles=COORD | {"unit"},
    ),
    Endpoint(
        "project", "/api/projects/", lambda w: f.ProjectFactory(community=w.a1, unit=w.u1),
        lambda w: f.ProjectFactory(community=w.b1, unit=w.u2), {"goals": "每周一次"},
        read_in=COORD | {"unit"}, read_out={"admin"}, write_in=COORD, write_roles=COORD,
        create=lambda w, inside: {
            "community": (w.a1 if inside else w.b1).pk, "name": "四点半课堂", "frequency": "weekly",
            "start_date": "2026-01-01", "end_date": "2026-12-31", "weekdays": [1, 3], "start_time": "16:30",
            "end_time": "18:00", "seats": 2,
        },
        create_roles=COORD,
    ),
    Endpoint(
        "shift", "/api/shifts/", lambda w: f.ShiftFactory(community=w.a1), lambda w: f.ShiftFactory(community=w.b1),
        {"seats": 4}, read_in=COORD, read_out={"admin"}, write_in=COORD, write_roles=COORD,
        create=lambda w, inside: _shift(w, w.a1 if inside else w.b1), create_roles=COORD,
    ),
]
