"""Deterministic generator of realistic weekly problems around Zhongyuan district, Zhengzhou.

Sizes follow the source article: 22,373 volunteers, 94 communities in 12 sub-districts, about 4,000 shifts
with about 12,000 seats and a few hundred resources and requests per district; `city` is ten districts.
In-office members serve on evenings and weekends, retired members on weekdays; posts recur weekly.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import numpy as np

WEEK_START = datetime(2026, 11, 30)  # a Monday
CENTER = (34.7480, 113.6200)  # Zhongyuan district, Zhengzhou
KM_LAT = 1 / 111.0
KM_LNG = 1 / 91.2  # at 34.75 degrees north

SUBDISTRICTS = [
    "林山寨街道",
    "建设路街道",
    "棉纺路街道",
    "秦岭路街道",
    "桐柏路街道",
    "三官庙街道",
    "绿东村街道",
    "汝河路街道",
    "航海西路街道",
    "中原西路街道",
    "须水街道",
    "莲湖街道",
]
COMMUNITY_WORDS = [
    "秦江",
    "锦江",
    "汇港",
    "百花",
    "绿都",
    "华山",
    "伏牛",
    "嵩山",
    "工人",
    "友爱",
    "文化",
    "梅园",
    "桐柏",
    "建设",
    "棉纺",
    "西站",
    "碧波",
    "航海",
    "协和",
    "冉屯",
    "中苑",
    "湖光",
    "兴华",
    "阳光",
]
DISTRICT_NAMES = [
    "中原区",
    "二七区",
    "金水区",
    "管城区",
    "惠济区",
    "上街区",
    "郑东新区",
    "高新区",
    "经开区",
    "航空港区",
]

SKILLS = [
    "publicity",
    "patrol",
    "sanitation",
    "civility",
    "mediation",
    "elder_care",
    "legal_advice",
    "medical",
    "counseling",
    "tutoring",
    "it_support",
    "driving",
]
# how common each skill is among volunteers (relative)
SKILL_FREQ = np.array([10, 9, 8, 8, 3, 7, 1.2, 1.5, 1.2, 4, 3, 4], dtype=float)

# (post kind, day offsets, start, end, seats range, priority, required skills, room kind or None, grids)
# `grids`: how many parallel copies a community runs (one per 网格 grid), e.g. two patrol routes a night
TEMPLATES = [
    ("治安巡逻岗", [0, 1, 2, 3, 4, 5, 6], "19:00", "21:00", (2, 4), 4, {"patrol": 1}, None, 2),
    ("环境卫生监督岗", [2, 5], "08:30", "11:30", (3, 5), 2, {"sanitation": 1}, None, 2),
    ("垃圾分类督导", [1, 3, 5], "18:30", "20:30", (2, 4), 2, {"sanitation": 1}, None, 1),
    ("文明引导岗", [0, 2, 4], "08:00", "10:00", (2, 4), 2, {"civility": 1}, None, 2),
    ("政策宣传岗", [3], "19:00", "21:00", (2, 4), 3, {"publicity": 2}, "meeting_room", 1),
    ("矛盾纠纷调解岗", [1], "14:00", "17:00", (1, 2), 4, {"mediation": 3}, None, 1),
    ("帮扶济困岗", [0, 2, 4], "14:30", "17:00", (2, 4), 5, {"elder_care": 1}, None, 2),
    ("法律服务岗", [5], "09:00", "12:00", (1, 2), 4, {"legal_advice": 2}, None, 1),
    ("健康义诊", [6], "09:00", "11:30", (2, 3), 5, {"medical": 3}, "meeting_room", 1),
    ("课业辅导", [5, 6], "14:00", "16:30", (2, 4), 3, {"tutoring": 2}, None, 1),
    ("心理疏导", [3], "19:00", "21:00", (1, 1), 3, {"counseling": 3}, None, 1),
    ("智能手机教学", [1, 4], "15:00", "17:00", (2, 3), 2, {"it_support": 1}, "meeting_room", 1),
    ("楼院清洁", [6], "08:30", "11:00", (3, 6), 1, {}, None, 2),
]


def _t(day: int, hhmm: str) -> str:
    h, m = map(int, hhmm.split(":"))
    return (WEEK_START + timedelta(days=day, hours=h, minutes=m)).strftime("%Y-%m-%dT%H:%M")


def _loc(lat: float, lng: float) -> dict:
    return {"lat": round(float(lat), 6), "lng": round(float(lng), 6)}


def _availability(rng: np.random.Generator, kind: str) -> list[list[str]]:
    spans = []
    if kind == "office":
        for day in rng.choice(5, size=int(rng.integers(1, 5)), replace=False):
            spans.append([_t(int(day), "18:30"), _t(int(day), "21:30")])
        for day in (5, 6):
            r = rng.random()
            if r < 0.35:
                spans.append([_t(day, "08:00"), _t(day, "12:30")])
            elif r < 0.6:
                spans.append([_t(day, "13:30"), _t(day, "18:00")])
            elif r < 0.8:
                spans.append([_t(day, "08:00"), _t(day, "18:00")])
    elif kind == "retired":
        for day in rng.choice(5, size=int(rng.integers(2, 6)), replace=False):
            r = rng.random()
            if r < 0.4:
                spans.append([_t(int(day), "07:30"), _t(int(day), "12:00")])
            elif r < 0.7:
                spans.append([_t(int(day), "14:00"), _t(int(day), "18:00")])
            else:
                spans.append([_t(int(day), "07:30"), _t(int(day), "18:00")])
        if rng.random() < 0.3:
            day = int(rng.integers(5, 7))
            spans.append([_t(day, "08:00"), _t(day, "12:00")])
    else:  # students, self-employed: scattered blocks
        for day in rng.choice(7, size=int(rng.integers(1, 4)), replace=False):
            start = int(rng.integers(8, 19))
            spans.append([_t(int(day), f"{start:02d}:00"), _t(int(day), f"{min(start + 4, 22):02d}:00")])
    return spans


def generate_district(
    seed: int, *, district: int = 0, scale: str = "district", center: tuple[float, float] = CENTER
) -> dict:
    rng = np.random.default_rng([seed, district])
    n_sub, n_comm, n_vol = (12, 94, 22373) if scale in ("district", "city") else (1, 3, 400)
    prefix = f"d{district}-" if scale == "city" else ""
    dname = DISTRICT_NAMES[district % len(DISTRICT_NAMES)]
    # sub-district centres on a 4 x 3 grid of about 3 km cells; communities within ~1.2 km of them
    sub_centres = []
    for k in range(n_sub):
        row, col = divmod(k, 4)
        sub_centres.append(
            (
                center[0] + (row - 1) * 3.0 * KM_LAT + rng.normal(0, 0.3) * KM_LAT,
                center[1] + (col - 1.5) * 3.2 * KM_LNG + rng.normal(0, 0.3) * KM_LNG,
            )
        )
    comm_sub = np.sort(np.concatenate([np.arange(n_sub), rng.integers(0, n_sub, n_comm - n_sub)]))
    communities: list[dict[str, Any]] = []
    for n in range(n_comm):
        lat0, lng0 = sub_centres[comm_sub[n]]
        word = COMMUNITY_WORDS[n % len(COMMUNITY_WORDS)] + ("" if n < len(COMMUNITY_WORDS) else str(n // 24 + 1))
        communities.append(
            {
                "name": f"{word}社区",
                "sub": SUBDISTRICTS[comm_sub[n] % len(SUBDISTRICTS)],
                "lat": lat0 + rng.normal(0, 0.9) * KM_LAT,
                "lng": lng0 + rng.normal(0, 0.9) * KM_LNG,
                "weight": rng.uniform(0.6, 1.4),
            }
        )
    area = [f"{dname}{c['sub']}" if scale == "city" else c["sub"] for c in communities]

    # --- volunteers
    weights = np.array([c["weight"] for c in communities])
    home = rng.choice(n_comm, size=n_vol, p=weights / weights.sum())
    kinds = rng.choice(["office", "retired", "other"], size=n_vol, p=[0.55, 0.35, 0.10])
    volunteers: list[dict[str, Any]] = []
    post_seats: dict[str, list[int]] = {}
    for i in range(n_vol):
        c = communities[home[i]]
        n_sk = int(rng.choice([1, 2, 3], p=[0.45, 0.4, 0.15]))
        sk = rng.choice(len(SKILLS), size=n_sk, replace=False, p=SKILL_FREQ / SKILL_FREQ.sum())
        skills = {SKILLS[j]: int(rng.choice([1, 2, 3, 4, 5], p=[0.3, 0.3, 0.22, 0.12, 0.06])) for j in sk}
        vol = {
            "id": f"{prefix}v{i:05d}",
            "location": _loc(c["lat"] + rng.normal(0, 0.6) * KM_LAT, c["lng"] + rng.normal(0, 0.6) * KM_LNG),
            "skills": skills,
            "availability": _availability(rng, kinds[i]),
            "max_hours": float(rng.choice([4, 6, 8, 10]) if kinds[i] != "office" else rng.choice([3, 4, 6])),
            "area": area[home[i]],
        }
        if kinds[i] == "retired" and rng.random() < 0.8:
            vol["max_distance_km"] = float(rng.choice([1.5, 2.0, 3.0]))
        elif kinds[i] != "retired" and rng.random() < 0.6:
            vol["max_distance_km"] = float(rng.choice([2.0, 3.0]))
        volunteers.append(vol)

    # --- shifts from the weekly post templates, resource requests for rooms
    shifts: list[dict[str, Any]] = []
    requests: list[dict[str, Any]] = []
    for c_i, c in enumerate(communities):
        for t_i, (post, days, start, end, seats, prio, req, room, grids) in enumerate(TEMPLATES):
            post_id = f"{prefix}c{c_i:02d}-{post}"
            for day, grid in ((d, g) for d in days for g in range(grids)):
                if rng.random() < 0.05:  # not every community runs every slot every week
                    continue
                sid = f"{prefix}s{c_i:02d}-{t_i:02d}-{day}{'abc'[grid]}"
                shift: dict[str, Any] = {
                    "id": sid,
                    "location": _loc(c["lat"], c["lng"]),
                    "start": _t(day, start),
                    "end": _t(day, end),
                    "seats": int(rng.integers(seats[0], seats[1] + 1)),
                    "priority": prio,
                    "required_skills": dict(req),
                    "post": post_id,
                    "area": area[c_i],
                    "place": f"{c['sub']}{c['name']}",
                }
                if room and rng.random() < 0.55:
                    qid = f"{prefix}q{c_i:02d}-{t_i:02d}-{day}{'abc'[grid]}"
                    requests.append(
                        {
                            "id": qid,
                            "kind": room,
                            "min_capacity": int(rng.choice([20, 30, 40, 60])),
                            "features": ["projector"] if rng.random() < 0.4 else [],
                            "start": shift["start"],
                            "end": shift["end"],
                            "location": shift["location"],
                            "priority": prio,
                            "area": area[c_i],
                        }
                    )
                    shift["resource_request"] = qid
                shifts.append(shift)
                post_seats.setdefault(post_id, []).append(shift["seats"])
    # standalone requests: vans for deliveries to the elderly, sound kits for weekend events
    for k in range(max(1, n_comm // 2)):
        c_i = int(rng.integers(n_comm))
        c = communities[c_i]
        day = int(rng.integers(5, 7))
        kind = "van" if k % 2 == 0 else "sound_kit"
        requests.append(
            {
                "id": f"{prefix}q-x{k:03d}",
                "kind": kind,
                "min_capacity": 7 if kind == "van" else 1,
                "features": [],
                "start": _t(day, "09:00"),
                "end": _t(day, "12:00"),
                "location": _loc(c["lat"], c["lng"]),
                "priority": int(rng.integers(2, 5)),
                "area": area[c_i],
            }
        )

    # --- resources offered by stationed units (驻区单位)
    resources = []
    n_res = 300 if scale != "small" else 12
    for k in range(n_res):
        c_i = int(rng.integers(n_comm))
        c = communities[c_i]
        r = rng.random()
        if r < 0.7:
            kind, cap = "meeting_room", int(rng.choice([20, 30, 40, 60, 80, 120]))
            feats = ["projector"] if rng.random() < 0.5 else []
            days = [int(d) for d in rng.choice(7, size=int(rng.integers(2, 6)), replace=False)]
            avail = [
                [_t(d, "08:00"), _t(d, "21:30")]
                if d >= 5
                else ([_t(d, "18:00"), _t(d, "21:30")] if rng.random() < 0.6 else [_t(d, "13:30"), _t(d, "21:30")])
                for d in days
            ]
        elif r < 0.85:
            kind, cap, feats = "van", int(rng.choice([7, 9, 14])), []
            avail = [[_t(d, "08:00"), _t(d, "18:00")] for d in (5, 6) if rng.random() < 0.7]
        else:
            kind, cap, feats = "sound_kit", 1, []
            avail = [[_t(d, "08:00"), _t(d, "18:00")] for d in (5, 6)]
        if not avail:
            avail = [[_t(6, "08:00"), _t(6, "12:00")]]
        resources.append(
            {
                "id": f"{prefix}r{k:03d}",
                "kind": kind,
                "capacity": cap,
                "features": feats,
                "location": _loc(c["lat"] + rng.normal(0, 0.8) * KM_LAT, c["lng"] + rng.normal(0, 0.8) * KM_LNG),
                "availability": avail,
                "area": area[c_i],
            }
        )

    # --- post holders (一编三定): about one seat-holder per post seat, from the post's community when possible
    by_comm: dict[int, list[int]] = {}
    for i in range(n_vol):
        by_comm.setdefault(int(home[i]), []).append(i)
    for post_id, seat_list in post_seats.items():
        c_i = int(post_id[len(prefix) + 1 : len(prefix) + 3])
        t_name = post_id.split("-", 1 + (1 if prefix else 0))[-1]
        req = next(t[6] for t in TEMPLATES if t[0] == t_name)
        pool = [
            i
            for i in by_comm.get(c_i, [])
            if all(volunteers[i]["skills"].get(k, 0) >= level for k, level in req.items())
        ]
        for i in rng.permutation(pool)[: max(seat_list)] if pool else []:
            volunteers[int(i)].setdefault("posts", []).append(post_id)
    # a few stated preferences, some of last week's people, a lock and a forbidden pair
    for i in rng.choice(n_vol, size=n_vol // 20, replace=False):
        volunteers[int(i)]["preferences"] = [f"{prefix}c{int(home[i]):02d}-{rng.choice([t[0] for t in TEMPLATES])}"]
    previous = []
    for s in rng.choice(len(shifts), size=len(shifts) // 4, replace=False):
        shift = shifts[int(s)]
        pool = [i for i in by_comm.get(int(shift["id"][len(prefix) + 1 : len(prefix) + 3]), [])]
        if pool:
            v = int(rng.choice(pool))
            previous.append({"volunteer": volunteers[v]["id"], "shift": "last-" + shift["id"], "post": shift["post"]})
    return {
        "name": f"{dname} {scale} week of {WEEK_START:%Y-%m-%d} (seed {seed})",
        "max_distance_km": 5.0,
        "volunteers": volunteers,
        "shifts": shifts,
        "resources": resources,
        "resource_requests": requests,
        "locks": [],
        "forbidden": [],
        "previous_assignments": previous,
    }


def generate(scale: str = "small", seed: int = 0) -> dict:
    """A problem as the documented JSON structure (a dict); deterministic for a (scale, seed)."""
    if scale in ("small", "district"):
        return generate_district(seed, scale=scale)
    if scale != "city":
        raise ValueError(f"scale: expected small, district or city, got {scale!r}")
    parts = []
    for d in range(10):  # ten districts about 11 km apart, so borders are shared only at the edges
        row, col = divmod(d, 5)
        centre = (CENTER[0] + (row - 0.5) * 11 * KM_LAT, CENTER[1] + (col - 2) * 13 * KM_LNG)
        parts.append(generate_district(seed, district=d, scale="city", center=centre))
    merged = {
        "name": f"Zhengzhou city week of {WEEK_START:%Y-%m-%d} (seed {seed})",
        "max_distance_km": 5.0,
        "locks": [],
        "forbidden": [],
    }
    for key in ("volunteers", "shifts", "resources", "resource_requests", "previous_assignments"):
        merged[key] = [item for p in parts for item in p[key]]
    return merged


def generate_posts(scale: str = "small", seed: int = 0) -> dict:
    """A standing-post problem (定岗) for the same area: one post per community and post kind, members from
    the week's volunteers (their posts as current posts, their home sub-district as group)."""
    week = generate(scale, seed)
    posts: dict[str, dict] = {}
    for s in week["shifts"]:
        pid = s["post"]
        post = posts.setdefault(
            pid,
            {
                "id": pid,
                "name": pid.split("-")[-1],
                "category": pid.split("-")[-1],
                "seats": 0,
                "priority": s["priority"],
                "duties": [],
                "required_skills": s["required_skills"],
                "location": s["location"],
                "groups": [s["area"]],
                "place": s["place"],
            },
        )
        post["seats"] = max(post["seats"], s["seats"])
    members = []
    for v in week["volunteers"]:
        m = {
            "id": v["id"],
            "location": v["location"],
            "skills": v["skills"],
            "group": v.get("area"),
            "max_posts": 1,
            "current_posts": [p for p in v.get("posts", []) if p in posts],
        }
        if v.get("preferences"):
            m["preferences"] = v["preferences"]
        members.append(m)
    return {
        "name": week["name"].replace("week", "posts"),
        "max_distance_km": 3.0,
        "posts": list(posts.values()),
        "members": members,
    }
