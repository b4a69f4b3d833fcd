"""Builds the demo district from a seed: geography, units, volunteers, 一编三定 posts, the three lists, shifts.

Deterministic: every step draws from its own `random.Random(f"{seed}:{step}")` and dates hang on the target
week, so the same seed and week give the same data. Rows go in with `bulk_create`; nothing is saved per row.
"""

import datetime as dt
import hashlib
import random
import time
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import models, transaction
from django.db.models import Q, Sum
from django.utils import timezone

from core.weeks import monday_of
from demo import data
from geo.models import Community, District, Facility, Grid, SubDistrict
from ledgers.services import ledger_write_month
from needs.models import Need
from orgs.models import Agreement, AgreementItem, Unit
from people.models import Blackout, ConsentChange, Skill, SkillVerification, Volunteer, WeeklyAvailability
from posts.models import Post, PostHolding, Team
from projects.models import Project
from records.models import ServiceRecord
from resources.models import Resource, ResourceSlot
from shifts.models import ResourceRequest, Shift
from shifts.services import shift_generate_week

User = get_user_model()

DEMO_PASSWORD = "demo12345"
BATCH = 2000


@dataclass(frozen=True)
class Scale:
    name: str
    communities_per_sub_district: tuple[int, ...]
    units: int
    agreements: int
    volunteers: int
    idle_resources: int
    residents: int


SCALES = {
    "district": Scale(
        name="district",
        communities_per_sub_district=tuple(row[3] for row in data.SUB_DISTRICTS),
        units=261,
        agreements=309,
        volunteers=22373,
        idle_resources=80,
        residents=750_000,
    ),
    "small": Scale(
        name="small",
        communities_per_sub_district=(2, 2),
        units=10,
        agreements=12,
        volunteers=200,
        idle_resources=6,
        residents=32_000,
    ),
}


@dataclass
class SeedReport:
    scale: str
    seed: int
    week: dt.date
    seconds: float
    timings: list[tuple[str, float]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    logins: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def demo_is_seeded() -> bool:
    return District.objects.exists()


def demo_counts() -> dict[str, int]:
    seats = Shift.objects.aggregate(total=Sum("seats"))["total"] or 0
    return {
        "districts": District.objects.count(),
        "sub-districts": SubDistrict.objects.count(),
        "communities": Community.objects.count(),
        "grids": Grid.objects.count(),
        "facilities": Facility.objects.count(),
        "skills": Skill.objects.count(),
        "units": Unit.objects.count(),
        "agreements": Agreement.objects.count(),
        "agreement items": AgreementItem.objects.count(),
        "users": User.objects.count(),
        "volunteers": Volunteer.objects.count(),
        "consent changes": ConsentChange.objects.count(),
        "skill verifications": SkillVerification.objects.count(),
        "weekly availability": WeeklyAvailability.objects.count(),
        "blackouts": Blackout.objects.count(),
        "teams": Team.objects.count(),
        "team memberships": Team.members.through.objects.count(),
        "posts": Post.objects.count(),
        "post holdings": PostHolding.objects.count(),
        "needs": Need.objects.count(),
        "projects": Project.objects.count(),
        "resources (units)": Resource.objects.filter(unit__isnull=False).count(),
        "resources (community rooms)": Resource.objects.filter(unit__isnull=True).count(),
        "resource slots": ResourceSlot.objects.count(),
        "shifts": Shift.objects.count(),
        "shift seats": seats,
        "resource requests": ResourceRequest.objects.count(),
    }


DEMO_USERNAMES = ["admin", "jiedao", "shequ", "danwei", "zhiyuanzhe"]


@transaction.atomic
def demo_reset() -> list[str]:
    """Delete the domain data and the accounts that act in it, children first (PROTECT guards the parents).

    Rows of other apps that protect these (a matching run names its district) go first, since every row
    they could point at is about to go; returns those models' names.
    """
    cleared: list[str] = []
    for model in (
        Shift,
        Project,
        Need,
        ResourceSlot,
        Resource,
        PostHolding,
        Post,
        Team,
        Blackout,
        WeeklyAvailability,
        Volunteer,
        AgreementItem,
        Agreement,
    ):
        cleared += _delete_protecting_rows(model)
        model.objects.all().delete()
    cleared += _delete_protecting_rows(User)
    User.objects.filter(
        Q(username__in=DEMO_USERNAMES)
        | Q(sub_district__isnull=False)
        | Q(community__isnull=False)
        | Q(unit__isnull=False)
        | Q(role=User.Role.VOLUNTEER, is_superuser=False)
    ).delete()
    for model in (Unit, Facility, Grid, Community, SubDistrict, District, Skill):
        cleared += _delete_protecting_rows(model)
        model.objects.all().delete()
    return sorted(set(cleared))


def _delete_protecting_rows(model) -> list[str]:
    cleared = []
    # include_hidden: a foreign key with related_name="+" protects just the same.
    for relation in model._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete and (relation.one_to_many or relation.one_to_one)):
            continue
        if relation.on_delete not in (models.PROTECT, models.RESTRICT):
            continue
        rows = relation.related_model._base_manager.filter(**{f"{relation.field.name}__isnull": False})
        if rows.exists():
            rows.delete()
            cleared.append(relation.related_model._meta.label)
    return cleared


def demo_seed(*, scale: str, seed: int, week: dt.date) -> SeedReport:
    started = time.perf_counter()
    builder = _Builder(scale=SCALES[scale], seed=seed, week=monday_of(week))
    with transaction.atomic():
        builder.run()
    report = SeedReport(scale=scale, seed=seed, week=builder.week, seconds=time.perf_counter() - started)
    report.timings = builder.timings
    report.counts = demo_counts()
    report.logins = builder.logins
    generation = builder.generation
    report.notes = [
        f"shifts for the week of {generation.week}: {generation.created} new "
        + ", ".join(f"{origin} {count}" for origin, count in sorted(generation.by_origin.items())),
        f"post holders whose skills were topped up to the post's requirement: {builder.topped_up}",
        f"skill levels verified by coordinators: {builder.verified[0]} of {builder.verified[1]} claims; of skills "
        f"requiring verification: {builder.verified[2]} of {builder.verified[3]}",
    ]
    return report


def volunteer_digest() -> str:
    """A fingerprint of who the volunteers are (names, kinds, places, skills) independent of database ids."""
    digest = hashlib.sha256()
    rows = Volunteer.objects.order_by("number").values_list(
        "number", "name", "kind", "home_community__code", "grid__code", "skills", "languages", "lat", "lng"
    )
    for number, name, kind, community, grid, skills, languages, lat, lng in rows:
        skills_text = ",".join(f"{code}:{level}" for code, level in sorted(skills.items()))
        digest.update(
            f"{number}|{name}|{kind}|{community}|{grid}|{skills_text}|{languages}|{lat:.6f}|{lng:.6f}\n".encode()
        )
    return digest.hexdigest()


# ---------------------------------------------------------------------------------------------------------
# The builder: one method per step, in dependency order.


def _t(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def _cum(weights):
    total, result = 0, []
    for weight in weights:
        total += weight
        result.append(total)
    return result


_SURNAMES = [name for name, _ in data.SURNAMES]
_SURNAME_CUM = _cum([weight for _, weight in data.SURNAMES])
_PHONE_PREFIXES = [
    "130",
    "131",
    "132",
    "133",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "153",
    "155",
    "156",
    "157",
    "158",
    "159",
    "180",
    "181",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
    "189",
]
_CN_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
_KINDS = ["in_office", "retired", "non_post", "resident"]
_KIND_CUM = _cum([46, 24, 10, 20])
_LEVEL_CUM = _cum([25, 35, 25, 10, 5])
_PRO_LEVEL_CUM = _cum([5, 20, 40, 25, 10])
_SKILL_COUNT_CUM = _cum([30, 40, 20, 10])


@dataclass
class _Person:
    """A volunteer while it is still being planned; becomes a User and a Volunteer row at the end."""

    number: str
    name: str
    kind: str
    community: int
    grid: int
    employer: int | None
    skills: dict
    availability: list
    phone: str
    lat: float
    lng: float
    languages: list
    max_hours: int
    max_distance: float | None
    reported_at: dt.date | None
    consent_rank: bool
    consent_share: bool
    active: bool
    holdings: int = 0
    username: str = ""


class _Builder:
    def __init__(self, *, scale: Scale, seed: int, week: dt.date):
        self.scale, self.seed, self.week = scale, seed, week
        self.year = week.year
        self.timings: list[tuple[str, float]] = []
        self.logins: list[tuple[str, str, str]] = []
        self.password = make_password(DEMO_PASSWORD)
        self.account_phones: set[str] = set()
        self.activated_at = timezone.now()  # the demo's accounts have their password: activated

    def rng(self, step: str) -> random.Random:
        return random.Random(f"{self.seed}:{step}")

    def run(self) -> None:
        # A demo login may already exist (say, from createsuperuser before seeding): take it over, don't fail.
        User.objects.filter(username__in=DEMO_USERNAMES).delete()
        for step in (
            self.geography,
            self.skills,
            self.units,
            self.agreements,
            self.people_plan,
            self.teams_and_posts_plan,
            self.people_save,
            self.teams_and_posts_save,
            self.staff,
            self.consents,
            self.verifications,
            self.resources,
            self.needs,
            self.projects,
            self.shifts,
            self.service_history,
        ):
            started = time.perf_counter()
            step()
            self.timings.append((step.__name__, time.perf_counter() - started))

    # -- helpers ------------------------------------------------------------------------------------------

    def at(self, day: dt.date, clock: dt.time) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(day, clock))

    def person_name(self, rng: random.Random, *, old: bool) -> str:
        surname = rng.choices(_SURNAMES, cum_weights=_SURNAME_CUM)[0]
        female = rng.random() < 0.5
        if old and rng.random() < 0.5:
            return surname + rng.choice(data.GIVEN_OLD_FEMALE if female else data.GIVEN_OLD_MALE)
        pool = data.GIVEN_FEMALE if female else data.GIVEN_MALE
        return surname + rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.7 else "")

    def phone(self, rng: random.Random) -> str:
        return rng.choice(_PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}"

    def account_phone(self, rng: random.Random) -> str:
        """A mobile number in E.164 that no other demo account holds (one per active account)."""
        while True:
            phone = "+86" + self.phone(rng)
            if phone not in self.account_phones:
                self.account_phones.add(phone)
                return phone

    def near(self, rng: random.Random, lat: float, lng: float, spread: float) -> tuple[float, float]:
        return round(lat + rng.uniform(-spread, spread), 6), round(lng + rng.uniform(-spread, spread) * 1.2, 6)

    # -- geography ----------------------------------------------------------------------------------------

    def geography(self) -> None:
        rng = self.rng("geography")
        info = data.DISTRICT
        self.district = District.objects.create(name=info["name"], city=info["city"], code=info["code"])
        subs, communities, centres = [], [], []
        for index, count in enumerate(self.scale.communities_per_sub_district):
            name, lat, lng, _ = data.SUB_DISTRICTS[index]
            subs.append(SubDistrict(district=self.district, name=name, code=f"{info['code']}{index + 1:03d}"))
            centres.append((name, lat, lng, count))
        SubDistrict.objects.bulk_create(subs)
        self.sub_districts = subs
        weights = []
        for sub, (name, lat, lng, count) in zip(subs, centres, strict=True):
            for position, stem in enumerate(data.COMMUNITY_NAMES[name][:count]):
                clat, clng = self.near(rng, lat, lng, 0.010)
                street = rng.choice(data.STREETS)
                communities.append(
                    Community(
                        sub_district=sub,
                        name=f"{stem}社区",
                        code=f"{sub.code}{position + 1:03d}",
                        lat=clat,
                        lng=clng,
                        address=f"郑州市中原区{street}{rng.randint(1, 300)}号",
                    )
                )
                weights.append(rng.uniform(0.5, 1.5))
        total = sum(weights)
        for community, weight in zip(communities, weights, strict=True):
            community.population = round(self.scale.residents * weight / total)
        Community.objects.bulk_create(communities, batch_size=BATCH)
        self.communities = communities
        self.community_weights = weights
        grids, facilities = [], []
        self.grids_of: list[list[Grid]] = []
        for community in communities:
            own = [
                Grid(community=community, name=f"第{_CN_ORDINALS[i]}网格", code=f"{community.code}{i + 1:02d}")
                for i in range(rng.randint(2, 6))
            ]
            grids += own
            self.grids_of.append(own)
            for kind, name, (low, high) in data.FACILITIES:
                facilities.append(Facility(community=community, kind=kind, name=name, capacity=rng.randint(low, high)))
        Grid.objects.bulk_create(grids, batch_size=BATCH)
        Facility.objects.bulk_create(facilities, batch_size=BATCH)
        self.facilities = facilities

    def skills(self) -> None:
        Skill.objects.bulk_create(
            [
                Skill(
                    code=code,
                    name=name,
                    name_en=name_en,
                    category=category,
                    requires_verification=code in data.SKILLS_REQUIRING_VERIFICATION,
                )
                for code, name, name_en, category in data.SKILLS
            ]
        )
        self.skill_codes = [code for code, *_ in data.SKILLS]

    # -- units and agreements -----------------------------------------------------------------------------

    def units(self) -> None:
        rng = self.rng("units")
        shares = [("agency", 40), ("state_firm", 60), ("school", 45), ("hospital", 25), ("company", 70), ("other", 21)]
        counts = _apportion(self.scale.units, [share for _, share in shares])
        named = {
            "agency": data.AGENCY_NAMES,
            "state_firm": data.STATE_FIRMS_NAMED,
            "school": data.SCHOOLS_NAMED,
            "hospital": data.HOSPITALS_NAMED,
            "company": [],
            "other": [],
        }
        templates = {
            "agency": ["中原区{brand}服务中心"],
            "state_firm": data.STATE_FIRM_TEMPLATES,
            "school": data.SCHOOL_TEMPLATES,
            "hospital": data.HOSPITAL_TEMPLATES,
            "company": data.COMPANY_TEMPLATES,
            "other": data.OTHER_TEMPLATES,
        }
        places = [c.name.removesuffix("社区") for c in self.communities] + [s.removesuffix("路") for s in data.STREETS]
        used, plan = set(), []
        for (kind, _), count in zip(shares, counts, strict=True):
            for i in range(count):
                if i < len(named[kind]):
                    name = named[kind][i]
                else:
                    while True:
                        name = rng.choice(templates[kind]).format(
                            place=rng.choice(places), brand=rng.choice(data.BRANDS)
                        )
                        if name not in used:
                            break
                used.add(name)
                plan.append((kind, name))
        # Mix the kinds so that the first unit (the demo's) is a sizeable agency and the rest interleave.
        first, rest = plan[0], plan[1:]
        rng.shuffle(rest)
        units = []
        for position, (kind, name) in enumerate([first] + rest):
            # The demo's unit sits in the demo's community, so danwei and shequ see the same co-building.
            community_index = (
                0 if position == 0 else rng.choices(range(len(self.communities)), weights=self.community_weights)[0]
            )
            community = self.communities[community_index]
            lat, lng = self.near(rng, community.lat, community.lng, 0.003)
            units.append(
                Unit(
                    name=name,
                    kind=kind,
                    party_organisation=f"中共{name}{rng.choice(data.PARTY_ORG_SUFFIXES)}",
                    community=community,
                    lat=lat,
                    lng=lng,
                    address=f"郑州市中原区{rng.choice(data.STREETS)}{rng.randint(1, 400)}号",
                    contact_name=self.person_name(rng, old=False),
                    contact_phone=self.phone(rng),
                )
            )
        Unit.objects.bulk_create(units, batch_size=BATCH)
        self.unit_list = units

    def agreements(self) -> None:
        rng = self.rng("agreements")
        pairs = [(unit, unit.community) for unit in self.unit_list]
        extra = self.scale.agreements - len(pairs)
        for unit in rng.sample(self.unit_list, min(max(extra, 0), len(self.unit_list))):
            siblings = [
                c
                for c in self.communities
                if c.sub_district_id == unit.community.sub_district_id and c != unit.community
            ]
            if siblings:
                pairs.append((unit, rng.choice(siblings)))
        agreements = [
            Agreement(
                unit=unit,
                community=community,
                year=self.year,
                title=f"{self.year}年度{community.name}与{unit.name}共驻共建协议",
                signed_on=dt.date(self.year, rng.randint(1, 3), rng.randint(1, 28)),
            )
            for unit, community in pairs
        ]
        Agreement.objects.bulk_create(agreements, batch_size=BATCH)
        items = []
        for agreement in agreements:
            for description in rng.sample(data.AGREEMENT_ITEMS, rng.randint(2, 4)):
                items.append(
                    AgreementItem(
                        agreement=agreement,
                        description=description,
                        quantity=rng.randint(1, 12),
                        done=rng.random() < 0.35,
                    )
                )
        AgreementItem.objects.bulk_create(items, batch_size=BATCH)
        self.partners_of: dict[int, list[Unit]] = {}
        for unit, community in pairs:
            self.partners_of.setdefault(community.pk, []).append(unit)

    # -- volunteers (planned in memory so posts can top up skills before anything is written) --------------

    def people_plan(self) -> None:
        rng = self.rng("people")
        counts = _apportion(self.scale.volunteers, self.community_weights)
        employers_near: dict[str, list[int]] = {}
        for index, unit in enumerate(self.unit_list):
            employers_near.setdefault(unit.community.sub_district.code, []).append(index)
        people: list[_Person] = []
        number = 0
        for community_index, count in enumerate(counts):
            community = self.communities[community_index]
            grids = self.grids_of[community_index]
            local_employers = employers_near.get(community.sub_district.code, [])
            for _ in range(count):
                number += 1
                kind = rng.choices(_KINDS, cum_weights=_KIND_CUM)[0]
                employer = None
                if kind == "in_office":
                    # Most work nearby; the rest anywhere in the district.
                    if local_employers and rng.random() < 0.6:
                        employer = rng.choice(local_employers)
                    else:
                        employer = rng.randrange(len(self.unit_list))
                people.append(self.person(rng, number, kind, community_index, rng.randrange(len(grids)), employer))
        # The demo volunteer: an in-office member of the first community, employed by the first unit.
        people[0] = self.person(rng, 1, "in_office", 0, 0, 0)
        demo = people[0]
        demo.username = "zhiyuanzhe"
        demo.skills = {"policy_publicity": 3, "first_aid": 2, "photography": 2}
        demo.availability = [
            (3, _t("19:00"), _t("21:30")),
            (6, _t("08:30"), _t("12:00")),
            (7, _t("14:30"), _t("17:30")),
        ]
        demo.active, demo.consent_rank, demo.consent_share = True, True, True
        demo.reported_at = self.week - dt.timedelta(days=200)
        self.people = people
        self.people_of: list[list[int]] = [[] for _ in self.communities]
        for index, person in enumerate(people):
            self.people_of[person.community].append(index)

    def person(self, rng, number, kind, community_index, grid_index, employer) -> _Person:
        community = self.communities[community_index]
        old = kind == "retired" or (kind != "in_office" and rng.random() < 0.3)
        skills = {}
        pool = list(data.KIND_SKILLS[kind])
        professional = data.UNIT_KIND_SKILLS[self.unit_list[employer].kind] if employer is not None else []
        for _ in range(rng.choices((1, 2, 3, 4), cum_weights=_SKILL_COUNT_CUM)[0]):
            roll = rng.random()
            if professional and roll < 0.45:
                code, cum = rng.choice(professional), _PRO_LEVEL_CUM
            elif roll < 0.85:
                code, cum = rng.choice(pool), _LEVEL_CUM
            else:
                code, cum = rng.choice(self.skill_codes), _LEVEL_CUM
            skills[code] = max(skills.get(code, 0), rng.choices((1, 2, 3, 4, 5), cum_weights=cum)[0])
        roll = rng.random()
        languages = ["zh"] if roll < 0.88 else ["zh", "en"] if roll < 0.985 else ["zh", "en", "ja"]
        lat, lng = self.near(rng, community.lat, community.lng, 0.004)
        reported = None
        if kind == "in_office" and rng.random() < 0.9:
            reported = self.week - dt.timedelta(days=rng.randint(14, 6 * 365))
        hours = {"in_office": (2, 8), "retired": (4, 16), "non_post": (3, 12), "resident": (2, 10)}[kind]
        return _Person(
            number=f"ZY{number:07d}",
            name=self.person_name(rng, old=old),
            kind=kind,
            community=community_index,
            grid=grid_index,
            employer=employer,
            skills=skills,
            availability=_availability(rng, kind),
            phone=self.account_phone(rng),
            lat=lat,
            lng=lng,
            languages=languages,
            max_hours=rng.randint(*hours),
            max_distance=None if rng.random() < 0.4 else rng.choice([1.0, 1.5, 2.0, 3.0, 5.0]),
            reported_at=reported,
            consent_rank=rng.random() < 0.65,
            consent_share=kind == "in_office" and rng.random() < 0.8,
            active=rng.random() < 0.97,
        )

    def teams_and_posts_plan(self) -> None:
        """Plan every community's posts and choose their holders, topping up skills where a post lacks them."""
        rng = self.rng("posts")
        self.topped_up = 0  # members given the skill level a post asks for, where too few had it
        self.post_plan = []  # (community index, template, seats, holder indices)
        for community_index in range(len(self.communities)):
            active = [i for i in self.people_of[community_index] if self.people[i].active]
            members = [i for i in active if self.people[i].kind != "resident"]
            residents = [i for i in active if self.people[i].kind == "resident"]
            for template in data.POSTS:
                name, _, _, seats, required, weekdays, start, end, *_ = template
                wanted = seats + rng.randint(1, 2)
                chosen: list[int] = []
                if community_index == 0 and name == "政策宣传岗":
                    chosen.append(0)
                start_t, end_t = _t(start), _t(end)
                order = members[:]
                rng.shuffle(order)
                extra = residents[:]
                rng.shuffle(extra)

                def pick(candidates, test, upgrade=False, load=0, chosen=chosen, wanted=wanted, required=required):
                    for i in candidates:
                        if len(chosen) >= wanted:
                            return
                        person = self.people[i]
                        if i in chosen or person.holdings > load or not test(person):
                            continue
                        if upgrade and not qualified(person):
                            for code, level in required.items():
                                person.skills[code] = max(person.skills.get(code, 0), level)
                            self.topped_up += 1
                        chosen.append(i)

                def qualified(p, required=required):
                    return all(p.skills.get(code, 0) >= level for code, level in required.items())

                def fits(p, weekdays=weekdays, start_t=start_t, end_t=end_t):
                    return any(day in weekdays and s <= start_t and e >= end_t for day, s, e in p.availability)

                pick(order, lambda p: qualified(p) and fits(p))
                pick(extra, lambda p: qualified(p) and fits(p))
                pick(order, qualified)
                pick(order, fits, upgrade=True)
                pick(order + extra, lambda p: True, upgrade=True)
                # A small community runs out of free members: some then hold a second post (still qualified).
                pick(order + extra, lambda p: qualified(p) and fits(p), load=1)
                pick(order + extra, fits, upgrade=True, load=1)
                pick(order + extra, lambda p: True, upgrade=True, load=1)
                for i in chosen:
                    self.people[i].holdings += 1
                self.post_plan.append((community_index, template, seats, chosen))

    def people_save(self) -> None:
        users = [
            User(
                username=p.username or p.number,
                display_name=p.name,
                phone=p.phone,
                role=User.Role.VOLUNTEER,
                password=self.password,
                is_active=True,
                activated_at=self.activated_at,
            )
            for p in self.people
        ]
        User.objects.bulk_create(users, batch_size=BATCH)
        _ensure_pks(users, User, "username")
        volunteers = []
        for person, user in zip(self.people, users, strict=True):
            community = self.communities[person.community]
            volunteers.append(
                Volunteer(
                    user_id=user.pk,
                    number=person.number,
                    name=person.name,
                    kind=person.kind,
                    employer_unit=self.unit_list[person.employer] if person.employer is not None else None,
                    home_community=community,
                    grid=self.grids_of[person.community][person.grid],
                    skills=dict(sorted(person.skills.items())),
                    languages=person.languages,
                    max_hours_per_week=person.max_hours,
                    max_distance_km=person.max_distance,
                    reported_community=community if person.reported_at else None,
                    reported_at=person.reported_at,
                    report_confirmed_at=self.at(person.reported_at, dt.time(12)) if person.reported_at else None,
                    consent_rank_name=person.consent_rank,
                    consent_share_with_unit=person.consent_share,
                    active=person.active,
                    lat=person.lat,
                    lng=person.lng,
                )
            )
        Volunteer.objects.bulk_create(volunteers, batch_size=BATCH)
        _ensure_pks(volunteers, Volunteer, "number")
        self.volunteers = volunteers
        availability = [
            WeeklyAvailability(volunteer_id=v.pk, weekday=day, start_time=start, end_time=end)
            for person, v in zip(self.people, volunteers, strict=True)
            for day, start, end in person.availability
        ]
        WeeklyAvailability.objects.bulk_create(availability, batch_size=BATCH * 2)
        rng = self.rng("blackouts")
        blackouts = []
        for volunteer in volunteers:
            if rng.random() < 0.06:
                first = self.week + dt.timedelta(days=rng.randint(-10, 20))
                days = rng.randint(1, 10)
                blackouts.append(
                    Blackout(
                        volunteer_id=volunteer.pk,
                        start=self.at(first, dt.time(0, 0)),
                        end=self.at(first + dt.timedelta(days=days), dt.time(0, 0)),
                        reason=rng.choice(data.BLACKOUT_REASONS),
                    )
                )
        Blackout.objects.bulk_create(blackouts, batch_size=BATCH)
        self.logins.append(
            (
                "zhiyuanzhe",
                "volunteer",
                f"{volunteers[0].number} {volunteers[0].name}, {self.communities[0].name}, 政策宣传岗",
            )
        )

    def teams_and_posts_save(self) -> None:
        rng = self.rng("teams")
        teams, memberships = [], []  # memberships: (team, [volunteer indices])
        team_by_key: dict[tuple[int, str], Team] = {}
        for community_index, community in enumerate(self.communities):
            people = self.people_of[community_index]
            members = [i for i in people if self.people[i].kind != "resident"]
            members.sort(key=lambda i: (self.people[i].grid, i))
            group_count = max(1, min(6, len(members) // 40))
            size = -(-len(members) // group_count) if members else 0
            for g in range(group_count):
                chunk = members[g * size : (g + 1) * size]
                leader = next((i for i in chunk if self.people[i].kind == "retired"), chunk[0] if chunk else None)
                team = Team(
                    community=community,
                    kind=Team.Kind.PARTY_GROUP,
                    name=f"第{_CN_ORDINALS[g]}党小组",
                    leader=self.volunteers[leader] if leader is not None else None,
                )
                teams.append(team)
                memberships.append((team, chunk))
            for grid_index, grid in enumerate(self.grids_of[community_index]):
                in_grid = [i for i in people if self.people[i].grid == grid_index]
                chosen = rng.sample(in_grid, min(len(in_grid), rng.randint(6, 12)))
                team = Team(
                    community=community,
                    kind=Team.Kind.GRID,
                    name=f"{grid.name}志愿服务组",
                    specialty="网格服务",
                    leader=self.volunteers[chosen[0]] if chosen else None,
                )
                teams.append(team)
                memberships.append((team, chosen))
                if grid_index == 0:
                    team_by_key[(community_index, "grid")] = team
            optional = data.SERVICE_TEAMS[7:]
            for name, specialty, skill, key in data.SERVICE_TEAMS[:7] + rng.sample(
                optional, rng.randint(1, len(optional))
            ):
                skilled = [i for i in people if self.people[i].skills.get(skill, 0) >= 1]
                chosen = skilled[:30] if len(skilled) <= 30 else rng.sample(skilled, 30)
                team = Team(
                    community=community,
                    kind=Team.Kind.SERVICE_TEAM,
                    name=name,
                    specialty=specialty,
                    leader=self.volunteers[chosen[0]] if chosen else None,
                )
                teams.append(team)
                memberships.append((team, chosen))
                team_by_key[(community_index, key)] = team
        posts, holders, post_teams = [], [], []
        for community_index, template, seats, chosen in self.post_plan:
            name, category, duties, _, required, weekdays, start, end, target, priority, team_key = template
            community = self.communities[community_index]
            lat, lng = self.near(rng, community.lat, community.lng, 0.002)
            post = Post(
                community=community,
                name=name,
                category=category,
                duties=duties,
                seats=seats,
                required_skills=dict(required),
                weekdays=list(weekdays),
                start_time=_t(start),
                end_time=_t(end),
                target=target,
                priority=priority,
                lat=lat,
                lng=lng,
            )
            posts.append(post)
            post_teams.append(team_by_key.get((community_index, team_key)))
            holders.append(chosen)
        Team.objects.bulk_create(teams, batch_size=BATCH)
        through = Team.members.through
        rows, seen = [], set()
        for team, chosen in memberships:
            for i in chosen:
                rows.append(through(team_id=team.pk, volunteer_id=self.volunteers[i].pk))
        # Holders join the team their post belongs to (一编: every post holder sits in a group).
        for post, team, chosen in zip(posts, post_teams, holders, strict=True):
            post.team = team
            if team is None:
                continue
            for i in chosen:
                seen.add((team.pk, self.volunteers[i].pk))
        existing = {(row.team_id, row.volunteer_id) for row in rows}
        for team_id, volunteer_id in sorted(seen - existing):
            rows.append(through(team_id=team_id, volunteer_id=volunteer_id))
        through.objects.bulk_create(rows, batch_size=BATCH * 2)
        Post.objects.bulk_create(posts, batch_size=BATCH)
        holdings = []
        for post, chosen in zip(posts, holders, strict=True):
            for i in chosen:
                status = PostHolding.Status.PROPOSED if (i != 0 and rng.random() < 0.05) else PostHolding.Status.ACTIVE
                holdings.append(PostHolding(post=post, volunteer=self.volunteers[i], year=self.year, status=status))
        PostHolding.objects.bulk_create(holdings, batch_size=BATCH)
        self.teams = teams
        self.team_by_key = team_by_key

    # -- accounts of the staff ----------------------------------------------------------------------------

    def staff(self) -> None:
        rng = self.rng("staff")
        first_sub, first_community, first_unit = self.sub_districts[0], self.communities[0], self.unit_list[0]
        users = [
            User(
                username="admin",
                display_name="区管理员",
                role=User.Role.ADMIN,
                is_staff=True,
                is_superuser=True,
                password=self.password,
                activated_at=self.activated_at,
            ),
            User(
                username="jiedao",
                display_name=f"{first_sub.name}协调员",
                role=User.Role.SUBDISTRICT,
                sub_district=first_sub,
                password=self.password,
                phone=self.account_phone(rng),
                activated_at=self.activated_at,
            ),
            User(
                username="shequ",
                display_name=f"{first_community.name}协调员",
                role=User.Role.COMMUNITY,
                community=first_community,
                password=self.password,
                phone=self.account_phone(rng),
                activated_at=self.activated_at,
            ),
            User(
                username="danwei",
                display_name=f"{first_unit.name}联络员",
                role=User.Role.UNIT,
                unit=first_unit,
                password=self.password,
                phone=self.account_phone(rng),
                activated_at=self.activated_at,
            ),
        ]
        for sub in self.sub_districts:
            users.append(
                User(
                    username=f"jiedao_{sub.code}",
                    display_name=self.person_name(rng, old=False),
                    role=User.Role.SUBDISTRICT,
                    sub_district=sub,
                    password=self.password,
                    phone=self.account_phone(rng),
                    activated_at=self.activated_at,
                )
            )
        coordinators = []
        for community in self.communities:
            user = User(
                username=f"shequ_{community.code}",
                display_name=self.person_name(rng, old=False),
                role=User.Role.COMMUNITY,
                community=community,
                password=self.password,
                phone=self.account_phone(rng),
                activated_at=self.activated_at,
            )
            users.append(user)
            coordinators.append(user)
        User.objects.bulk_create(users)
        _ensure_pks(users, User, "username")
        self.coordinators = coordinators
        self.logins[0:0] = [
            ("admin", "district administrator", "Django admin at /admin/"),
            ("jiedao", "sub-district coordinator", first_sub.name),
            ("shequ", "community coordinator", first_community.name),
            ("danwei", "unit representative", first_unit.name),
        ]
        self.logins.append(
            (
                f"shequ_{first_community.code}",
                "community coordinator",
                "one per community (shequ_<community code>), owner of its needs",
            )
        )
        self.logins.append(
            (
                f"jiedao_{first_sub.code}",
                "sub-district coordinator",
                "one per sub-district (jiedao_<sub-district code>)",
            )
        )

    # -- consents and skill verification -------------------------------------------------------------------

    def consents(self) -> None:
        """The planned consents as the volunteers' own acts: each one given on their profile, and recorded."""
        rng = self.rng("consents")
        changes = []
        for person, volunteer in zip(self.people, self.volunteers, strict=True):
            for consent, given in (
                (ConsentChange.Consent.RANK_NAME, person.consent_rank),
                (ConsentChange.Consent.SHARE_WITH_UNIT, person.consent_share),
            ):
                if not given:
                    continue
                # given some time ago, and for sharing not before reporting to the community
                day = self.week - dt.timedelta(days=rng.randint(7, 500))
                if consent == ConsentChange.Consent.SHARE_WITH_UNIT and person.reported_at:
                    day = max(day, person.reported_at)
                changes.append(
                    ConsentChange(
                        volunteer_id=volunteer.pk,
                        consent=consent,
                        old_value=False,
                        new_value=True,
                        changed_at=self.at(day, dt.time(rng.randint(8, 21), rng.randrange(60))),
                        changed_by_id=volunteer.user_id,
                    )
                )
        ConsentChange.objects.bulk_create(changes, batch_size=BATCH)

    def verifications(self) -> None:
        """Coordinators' checks of claimed levels. Skills that require verification: the holders of posts needing
        them (checked when given the post), nearly all who practise them at work (a hospital's doctor, an
        agency's or a firm's lawyer, a utility's electrician) and most of the others, now and then a level lower
        than claimed. Other skills: about a third of the claims, seen at work."""
        rng = self.rng("verifications")
        skills = {skill.code: skill for skill in Skill.objects.all()}
        post_skills: dict[int, dict[str, int]] = {}
        for _community, template, _seats, chosen in self.post_plan:
            for i in chosen:
                for code, level in template[4].items():
                    post_skills.setdefault(i, {})[code] = max(post_skills.get(i, {}).get(code, 0), level)
        rows, claims, requiring_claims, requiring_verified = [], 0, 0, 0
        for index, (person, volunteer) in enumerate(zip(self.people, self.volunteers, strict=True)):
            professional = (
                data.UNIT_KIND_SKILLS[self.unit_list[person.employer].kind] if person.employer is not None else []
            )
            for code, claimed in sorted(person.skills.items()):
                claims += 1
                requires = code in data.SKILLS_REQUIRING_VERIFICATION
                requiring_claims += requires
                if code in post_skills.get(index, {}):
                    level = claimed
                elif requires:
                    if rng.random() >= (0.95 if code in professional else 0.8):
                        continue
                    level = claimed - 1 if claimed > 1 and rng.random() < 0.15 else claimed
                elif rng.random() < 0.35:
                    level = claimed
                else:
                    continue
                requiring_verified += requires
                note = data.SKILLS_REQUIRING_VERIFICATION.get(code) or data.VERIFICATION_NOTES.get(code)
                note = f"{note} 编号{rng.randrange(10**9):09d}" if note else data.VERIFICATION_SEEN
                day = self.week - dt.timedelta(days=rng.randint(3, 700))
                rows.append(
                    SkillVerification(
                        volunteer_id=volunteer.pk,
                        skill=skills[code],
                        level=level,
                        note=note,
                        verified_by=self.coordinators[person.community],
                        verified_at=self.at(day, dt.time(rng.randint(9, 17))),
                    )
                )
        SkillVerification.objects.bulk_create(rows, batch_size=BATCH)
        self.verified = (len(rows), claims, requiring_verified, requiring_claims)

    # -- resources: units' idle ones and the communities' own rooms ---------------------------------------

    def resources(self) -> None:
        rng = self.rng("resources")
        resources, slots = [], []
        providers = [self.unit_list[0]] + rng.sample(
            self.unit_list[1:], min(self.scale.idle_resources, len(self.unit_list)) - 1
        )
        while len(providers) < self.scale.idle_resources:
            providers.append(rng.choice(self.unit_list))
        for index, unit in enumerate(providers):
            fitting = [r for r in data.IDLE_RESOURCES if r[0] in data.UNIT_KIND_RESOURCES[unit.kind]]
            category, template, (low, high), features, conditions = (
                data.IDLE_RESOURCES[0] if index == 0 else rng.choice(fitting)
            )
            name = template.format(unit=unit.name)
            suffix = 2
            while any(r.name == name for r in resources):
                name, suffix = f"{template.format(unit=unit.name)}{suffix}", suffix + 1
            resource = Resource(
                unit=unit,
                community=unit.community,
                name=name,
                category=category,
                capacity=rng.randint(low, high),
                features=list(features),
                address=unit.address,
                conditions=conditions,
                lat=unit.lat,
                lng=unit.lng,
                status=Resource.Status.WITHDRAWN if index and rng.random() < 0.06 else Resource.Status.LISTED,
            )
            resources.append(resource)
            slots.append((resource, _unit_slots(rng, category, self.week)))
        # The community's rooms are its facilities listed as bookable (one row each, linked; resources.services).
        facility_of = {(f.community_id, f.name): f for f in self.facilities}
        self.rooms_of: dict[int, list[Resource]] = {}
        for community in self.communities:
            for room, features in data.COMMUNITY_ROOMS:
                facility = facility_of[(community.pk, room)]
                facility.bookable = True
                resource = Resource(
                    unit=None,
                    facility=facility,
                    community=community,
                    name=f"{community.name}{room}",
                    category=Resource.Category.VENUE,
                    capacity=facility.capacity,
                    features=list(features),
                    address=community.address,
                    conditions="社区党群服务中心统一预约，公益活动免费使用。",
                    lat=community.lat,
                    lng=community.lng,
                )
                resources.append(resource)
                self.rooms_of.setdefault(community.pk, []).append(resource)
                own = [(day, _t("08:30"), _t("17:30")) for day in range(1, 6)]
                own += [(6, _t("09:00"), _t("17:00"))]
                if rng.random() < 0.6:
                    own += [(day, _t("19:00"), _t("21:00")) for day in (2, 4)]
                slots.append((resource, own))
        Facility.objects.bulk_update([f for f in self.facilities if f.bookable], ["bookable"], batch_size=BATCH)
        Resource.objects.bulk_create(resources, batch_size=BATCH)
        rows = []
        for resource, windows in slots:
            for when, start, end in windows:
                weekday, date = (when, None) if isinstance(when, int) else (None, when)
                rows.append(ResourceSlot(resource=resource, weekday=weekday, date=date, start_time=start, end_time=end))
        ResourceSlot.objects.bulk_create(rows, batch_size=BATCH)
        self.unit_venues_of: dict[int, list[Resource]] = {}
        for resource in resources:
            if resource.unit_id and resource.category == Resource.Category.VENUE:
                self.unit_venues_of.setdefault(resource.community.sub_district_id, []).append(resource)

    # -- the needs list -----------------------------------------------------------------------------------

    def needs(self) -> None:
        rng = self.rng("needs")
        needs = []
        past_anchor = self.week - dt.timedelta(days=7)
        S = Need.Status
        plan = (
            [S.PUBLISHED] * 8
            + [S.PENDING] * 2
            + [S.CLAIMED] * 2
            + [S.IN_SERVICE]
            + [S.COMPLETED] * 2
            + [S.RATED] * 2
            + [S.CLOSED]
        )
        for community_index, community in enumerate(self.communities):
            owner = self.coordinators[community_index]
            grids = self.grids_of[community_index]
            for status in plan:
                title, category, kind, skills, (low, high), _ = rng.choice(data.NEEDS)
                need = self.need(
                    rng,
                    community,
                    grids,
                    owner,
                    status,
                    title=title,
                    category=category,
                    kind=kind,
                    skills=skills,
                    headcount=rng.randint(low, high),
                    micro=False,
                )
                if status == S.PUBLISHED:
                    day = self.week + dt.timedelta(days=rng.randrange(7))
                    start = rng.choice(
                        ["09:00", "09:30", "14:30", "15:00", "19:00"]
                        if day.isoweekday() <= 5
                        else ["08:30", "09:00", "10:00", "14:30", "15:00"]
                    )
                    need.wanted_start = self.at(day, _t(start))
                    need.wanted_end = need.wanted_start + dt.timedelta(minutes=rng.choice([90, 120, 150, 180]))
                    need.deadline = day + dt.timedelta(days=rng.randint(2, 7))
                elif status == S.PENDING:
                    day = self.week + dt.timedelta(days=rng.randint(7, 20))
                    need.wanted_start = self.at(day, _t("09:00"))
                    need.wanted_end = self.at(day, _t("11:00"))
                    need.deadline = day + dt.timedelta(days=5)
                else:
                    day = past_anchor - dt.timedelta(
                        days=rng.randint(1, 40) if status != S.CLAIMED else -rng.randint(10, 14)
                    )
                    need.wanted_start = self.at(day, _t("14:30"))
                    need.wanted_end = self.at(day, _t("16:30"))
                    need.deadline = day + dt.timedelta(days=rng.randint(3, 10))
                needs.append(need)
            for status in (S.PUBLISHED, S.CLAIMED, S.COMPLETED, S.RATED):
                title, category = rng.choice(data.MICRO_WISHES)
                need = self.need(
                    rng,
                    community,
                    grids,
                    owner,
                    status,
                    title=title,
                    category=category,
                    kind=Need.Type.OBJECT,
                    skills={},
                    headcount=1,
                    micro=True,
                )
                need.deadline = past_anchor + dt.timedelta(days=rng.randint(-20, 30))
                needs.append(need)
        self.need_outcomes(needs)
        Need.objects.bulk_create(needs, batch_size=BATCH)
        self.needs_of: dict[int, list[Need]] = {}
        for need in needs:
            self.needs_of.setdefault(need.community_id, []).append(need)

    def need_outcomes(self, needs: list[Need]) -> None:
        """Finished needs carry when they were finished; rated ones the resident's rating (评单), entered by
        their owner. A random stream of its own, so the rest of the data does not move."""
        rng = self.rng("need-ratings")
        S = Need.Status
        for need in needs:
            if need.status in (S.COMPLETED, S.RATED, S.CLOSED):
                need.finished_at = need.status_changed_at - dt.timedelta(
                    days=rng.randint(0, 3) if need.status == S.RATED else 0
                )
            if need.status == S.RATED:
                need.rating_score = rng.choices((3, 4, 5), weights=(10, 35, 55))[0]
                need.rating_comment = rng.choice(data.RATING_COMMENTS[need.rating_score])
                need.rated_by_id, need.rated_at = need.owner_id, need.status_changed_at

    def need(self, rng, community, grids, owner, status, *, title, category, kind, skills, headcount, micro) -> Need:
        source = (
            Need.Source.RESIDENT
            if micro
            else rng.choice(
                [
                    Need.Source.RESIDENT,
                    Need.Source.RESIDENT,
                    Need.Source.GRID,
                    Need.Source.PROJECT_BANK,
                    Need.Source.COMMUNITY,
                    Need.Source.UNIT,
                ]
            )
        )
        grid = rng.choice(grids)
        resident = source in (Need.Source.RESIDENT, Need.Source.GRID)
        requester = self.person_name(rng, old=rng.random() < 0.5) if resident else ""
        changed = (
            None
            if status == Need.Status.PENDING
            else self.at(
                self.week - dt.timedelta(days=rng.randint(7, 30)), _t(rng.choice(["09:12", "10:40", "15:05", "16:30"]))
            )
        )
        return Need(
            title=title,
            description=f"{community.name}{grid.name}居民{title}，请社区协调志愿者和资源。",
            source=source,
            requester_name=requester,
            requester_phone=self.phone(rng) if resident else "",
            community=community,
            grid=grid,
            category=category,
            type=kind,
            is_micro_wish=micro,
            required_skills=dict(skills),
            headcount=headcount,
            urgency=rng.choices((1, 2, 3, 4, 5), weights=(5, 15, 45, 25, 10))[0],
            owner=owner,
            status=status,
            status_changed_at=changed,
        )

    # -- the projects list --------------------------------------------------------------------------------

    def projects(self) -> None:
        rng = self.rng("projects")
        weekly = [p for p in data.PROJECTS if p[2] == "weekly"]
        other = [p for p in data.PROJECTS if p[2] != "weekly"]
        projects, links = [], []
        team_keys = {
            "tutoring": "tutoring",
            "medical": "medical",
            "legal_advice": "legal",
            "performing_arts": "arts",
            "elderly_care": "elderly",
            "sanitation": "sanitation",
            "waste_sorting": "sanitation",
        }
        for community_index, community in enumerate(self.communities):
            chosen = rng.sample(weekly, 6) + ([rng.choice(other)] if rng.random() < 0.5 else [])
            partners = self.partners_of.get(community.pk, [])
            claimed = [
                n
                for n in self.needs_of.get(community.pk, [])
                if n.status in (Need.Status.CLAIMED, Need.Status.IN_SERVICE)
            ]
            for template in chosen:
                (name, goals, frequency, weekdays, start, end, seats, skills, resource_kind, capacity, category) = (
                    template
                )
                skill = next(iter(skills), "")
                team = self.team_by_key.get((community_index, team_keys.get(skill, "")))
                unit = rng.choice(partners) if partners and (team is None or rng.random() < 0.5) else None
                if unit is None and team is None:
                    team = self.team_by_key.get((community_index, "grid"))
                start_date = dt.date(self.year, 1, 1) if rng.random() < 0.7 else dt.date(self.year - 1, 9, 1)
                end_date = dt.date(self.year, 12, 31)
                if rng.random() < 0.05:  # some finished before this week, to show they stop producing shifts
                    end_date = max(start_date, self.week - dt.timedelta(days=30))
                project = Project(
                    community=community,
                    name=name,
                    goals=goals,
                    unit=unit,
                    team=team,
                    frequency=frequency,
                    start_date=start_date,
                    end_date=end_date,
                    weekdays=list(weekdays),
                    start_time=_t(start) if start else None,
                    end_time=_t(end) if end else None,
                    seats=seats,
                    required_skills=dict(skills),
                    resource_kind=resource_kind,
                    resource_min_capacity=capacity,
                )
                projects.append(project)
                needs = [n for n in claimed if n.category == category][:2]
                venue = None
                if resource_kind == "venue":
                    rooms = [r for r in self.rooms_of.get(community.pk, []) if r.capacity >= capacity]
                    outside = self.unit_venues_of.get(community.sub_district_id, [])
                    venue = rooms[0] if rooms else (rng.choice(outside) if outside else None)
                links.append((project, needs, venue))
        Project.objects.bulk_create(projects, batch_size=BATCH)
        need_rows = [Project.needs.through(project_id=p.pk, need_id=n.pk) for p, needs, _ in links for n in needs]
        venue_rows = [
            Project.resources.through(project_id=p.pk, resource_id=v.pk) for p, _, v in links if v is not None
        ]
        Project.needs.through.objects.bulk_create(need_rows, batch_size=BATCH)
        Project.resources.through.objects.bulk_create(venue_rows, batch_size=BATCH)

    # -- the coming week's shifts -------------------------------------------------------------------------

    def shifts(self) -> None:
        self.generation = shift_generate_week(week=self.week)

    # -- service records and last month's unit ledgers (我的时长, 服务记录审核, 成员服务记录, 驻区单位台账) ---

    def service_history(self) -> None:
        """Approved records of the demo volunteer (past the first star) and of a few consenting in-office members of
        the demo unit, one manual entry of the demo volunteer awaiting review, and every unit's ledger of last month."""
        rng = self.rng("records")
        demo, unit = self.volunteers[0], self.unit_list[0]
        shequ = User.objects.get(username="shequ")
        members = [demo] + [
            v for v in self.volunteers[1:] if v.employer_unit_id == unit.pk and v.consent_share_with_unit
        ][:5]
        reviewed_at = timezone.now()
        records = []
        for index, volunteer in enumerate(members):
            sessions = 45 if index == 0 else rng.randint(3, 12)
            for n in range(sessions):
                title, place = rng.choice(_RECORD_ACTIVITIES)
                records.append(
                    ServiceRecord(
                        volunteer=volunteer,
                        community_id=volunteer.home_community_id,
                        title=title,
                        place=place,
                        date=self.week - dt.timedelta(days=7 + n * 5 + rng.randint(0, 3)),
                        minutes=rng.choice([120, 150, 180]),
                        rating=rng.choice([None, 4, 5, 5]),
                        person_in_charge=shequ.display_name,
                        recorder=shequ,
                        source=ServiceRecord.Source.MANUAL,
                        status=ServiceRecord.Status.APPROVED,
                        evidence="活动签到表（演示数据）",
                        reviewed_by=shequ,
                        reviewed_at=reviewed_at,
                    )
                )
        records.append(
            ServiceRecord(
                volunteer=demo,
                community_id=demo.home_community_id,
                title="社区义诊志愿服务",
                place="社区卫生服务站",
                date=self.week - dt.timedelta(days=9),
                minutes=150,
                source=ServiceRecord.Source.MANUAL,
                status=ServiceRecord.Status.PENDING,
                evidence="义诊现场签到表照片",
                recorder_id=demo.user_id,
            )
        )
        ServiceRecord.objects.bulk_create(records, batch_size=BATCH)
        ledger_write_month(month=self.week.replace(day=1) - dt.timedelta(days=1))


_RECORD_ACTIVITIES = [
    ("政策宣传", "社区党群服务中心"),
    ("助老送餐", "居民家中"),
    ("社区环境整治", "小区公共区域"),
    ("文明交通劝导", "路口执勤点"),
    ("四点半课堂", "社区活动室"),
    ("应急演练保障", "社区广场"),
]


def _apportion(total: int, weights) -> list[int]:
    """Split `total` in proportion to `weights` (largest remainder), so the parts add up exactly."""
    weight_sum = sum(weights)
    raw = [total * w / weight_sum for w in weights]
    parts = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (parts[i] - raw[i], i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _availability(rng: random.Random, kind: str) -> list[tuple[int, dt.time, dt.time]]:
    """Weekly free windows by kind: in-office members evenings and weekends, retired members weekday daytime."""
    morning, afternoon, evening = (_t("08:00"), _t("11:30")), (_t("14:30"), _t("17:30")), (_t("19:00"), _t("21:30"))
    weekend_morning, weekend_afternoon = (_t("08:30"), _t("12:00")), (_t("14:30"), _t("17:30"))
    rows: list[tuple[int, tuple]] = []
    if kind == "in_office":
        for day in rng.sample(range(1, 6), rng.randint(1, 2)):
            rows.append((day, evening))
        for day in (6, 7):
            if rng.random() < 0.65:
                rows.append((day, weekend_morning))
            if rng.random() < 0.4:
                rows.append((day, weekend_afternoon))
        if rng.random() < 0.12:
            rows.append((rng.randint(1, 5), (_t("07:00"), _t("08:45"))))
    elif kind == "retired":
        for day in rng.sample(range(1, 6), rng.randint(2, 5)):
            if rng.random() < 0.8:
                rows.append((day, (_t("07:00"), _t("11:30")) if rng.random() < 0.4 else morning))
            if rng.random() < 0.5:
                rows.append((day, afternoon))
        if rng.random() < 0.3:
            rows.append((rng.choice((6, 7)), weekend_morning))
        if rng.random() < 0.25:
            rows.append((rng.randint(1, 5), evening))
    elif kind == "non_post":
        for day in rng.sample(range(1, 8), rng.randint(2, 4)):
            rows.append((day, rng.choice((morning, afternoon, evening))))
    else:
        for day in rng.sample(range(1, 6), rng.randint(0, 2)):
            rows.append((day, evening))
        for day in (6, 7):
            if rng.random() < 0.55:
                rows.append((day, rng.choice((weekend_morning, weekend_afternoon))))
        if rng.random() < 0.2:
            rows.append((rng.randint(1, 5), afternoon))
    if not rows:
        rows.append((6, weekend_morning))
    unique = {}
    for day, (start, end) in rows:
        unique[(day, start)] = (day, start, end)
    return [unique[key] for key in sorted(unique)]


def _unit_slots(rng: random.Random, category: str, week: dt.date) -> list[tuple]:
    """A unit's free windows: recurring ones (weekday) and a few dated ones in the coming weeks (date)."""
    slots: list[tuple] = []
    if category in ("venue", "equipment", "expertise"):
        for day in rng.sample(range(1, 6), rng.randint(1, 2)):
            slots.append((day, _t("18:30"), _t("21:30")))
        slots.append((6, _t("08:00"), _t("18:00")))
        if rng.random() < 0.6:
            slots.append((7, _t("08:00"), _t("18:00")))
    elif category == "vehicle":
        slots.append((6, _t("08:00"), _t("17:00")))
        slots.append((rng.randint(1, 5), _t("09:00"), _t("12:00")))
    else:
        slots.append((rng.randint(1, 5), _t("09:00"), _t("17:00")))
    for _ in range(rng.randint(0, 2)):
        day = week + dt.timedelta(days=rng.randrange(14))
        slots.append((day, _t("09:00"), _t("12:00") if rng.random() < 0.5 else _t("17:00")))
    return slots


def _ensure_pks(objects, model, key: str) -> None:
    """bulk_create sets primary keys on PostgreSQL and recent SQLite; fetch them by a unique key otherwise."""
    missing = [obj for obj in objects if obj.pk is None]
    if not missing:
        return
    values = [getattr(obj, key) for obj in missing]
    ids = {}
    for start in range(0, len(values), 900):
        ids.update(model.objects.filter(**{f"{key}__in": values[start : start + 900]}).values_list(key, "pk"))
    for obj in missing:
        obj.pk = ids[getattr(obj, key)]
