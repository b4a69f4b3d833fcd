"""seed_demo: the small demo district has the expected shape, is deterministic, idempotent and valid."""

import datetime as dt
import hashlib
import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.utils import timezone

from core.phones import phone_parse
from demo.seeding import volunteer_digest
from geo.models import Community, District, Facility, Grid, SubDistrict
from needs.models import Need
from orgs.models import Agreement, AgreementItem, Unit
from people.models import Blackout, ConsentChange, Skill, SkillVerification, Volunteer, WeeklyAvailability
from posts.models import Post, PostHolding, Team
from projects.models import Project
from resources.models import Resource, ResourceSlot
from shifts.models import ResourceRequest, Shift

User = get_user_model()
WEEK = dt.date(2026, 11, 30)


def seed(*extra: str, seed: int = 7) -> str:
    out = io.StringIO()
    call_command("seed_demo", "--scale=small", f"--seed={seed}", f"--week={WEEK.isoformat()}", *extra, stdout=out)
    return out.getvalue()


def data_digest() -> str:
    """Volunteers plus who holds which post and which needs exist: all independent of database ids."""
    digest = hashlib.sha256(volunteer_digest().encode())
    for row in PostHolding.objects.order_by("post__community__code", "post__name", "volunteer__number").values_list(
        "post__community__code", "post__name", "volunteer__number", "status"
    ):
        digest.update(repr(row).encode())
    for row in Need.objects.order_by("community__code", "title", "wanted_start", "status", "headcount").values_list(
        "community__code", "title", "status", "headcount", "wanted_start"
    ):
        digest.update(repr(row).encode())
    return digest.hexdigest()


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            District,
            SubDistrict,
            Community,
            Grid,
            Facility,
            Skill,
            Unit,
            Agreement,
            AgreementItem,
            User,
            Volunteer,
            WeeklyAvailability,
            Blackout,
            Team,
            Post,
            PostHolding,
            Need,
            Project,
            Resource,
            ResourceSlot,
            Shift,
            ResourceRequest,
        )
    }


@pytest.mark.django_db
def test_small_scale_seeds_the_expected_counts():
    # when
    output = seed()

    # then
    assert District.objects.get().name == "中原区"
    assert SubDistrict.objects.count() == 2
    assert Community.objects.count() == 4
    assert Facility.objects.count() == 4 * 14
    assert Skill.objects.count() == 29
    assert Unit.objects.count() == 10
    assert Agreement.objects.filter(year=2026).count() == 12
    assert Volunteer.objects.count() == 200
    # 200 volunteers, admin/jiedao/shequ/danwei, one coordinator per sub-district and per community
    assert User.objects.count() == 200 + 4 + 2 + 4
    assert Post.objects.count() == 4 * 10
    assert Need.objects.count() == 4 * 22
    assert Resource.objects.filter(unit__isnull=False).count() == 6
    assert Resource.objects.filter(unit__isnull=True).count() == 4 * 4
    assert all(2 <= c.grids.count() <= 6 for c in Community.objects.all())
    assert "seeded in" in output and "zhiyuanzhe" in output


@pytest.mark.django_db
def test_same_seed_gives_the_same_data_and_another_seed_does_not():
    # given
    seed()
    first = data_digest()

    # when
    seed("--reset")
    again = data_digest()
    seed("--reset", seed=8)
    other = data_digest()

    # then
    assert again == first
    assert other != first


@pytest.mark.django_db
def test_rerun_without_reset_says_already_seeded_and_changes_nothing():
    # given
    seed()
    before, digest = counts(), data_digest()

    # when
    output = seed(seed=99)

    # then
    assert "already seeded" in output
    assert counts() == before
    assert data_digest() == digest


@pytest.mark.django_db
def test_reset_rebuilds_the_same_counts():
    # given
    seed()
    before = counts()

    # when
    seed("--reset")

    # then
    assert counts() == before


@pytest.mark.django_db
def test_every_post_holder_meets_the_posts_skill_requirements():
    # given
    seed()

    # then
    holdings = PostHolding.objects.select_related("post", "volunteer")
    assert holdings.count() >= Post.objects.count()
    for holding in holdings:
        for code, level in holding.post.required_skills.items():
            assert holding.volunteer.skills.get(code, 0) >= level, (holding.post.name, holding.volunteer.number)
        assert holding.volunteer.home_community_id == holding.post.community_id
        assert holding.year == WEEK.year
    for post in Post.objects.all():
        assert post.holdings.count() >= post.seats


@pytest.mark.django_db
def test_the_coming_week_has_shifts_from_posts_projects_and_needs():
    # given
    seed()

    # then
    shifts = Shift.objects.all()
    assert shifts.count() > 0
    assert set(shifts.values_list("week", flat=True)) == {WEEK}
    assert set(shifts.values_list("origin", flat=True)) == {Shift.Origin.POST, Shift.Origin.PROJECT, Shift.Origin.NEED}
    week_end = WEEK + dt.timedelta(days=7)
    for shift in shifts:
        assert WEEK <= timezone.localtime(shift.start).date() < week_end and shift.end > shift.start
    assert Need.objects.filter(status=Need.Status.PUBLISHED, shifts__isnull=False).exists()
    assert ResourceRequest.objects.exists()


@pytest.mark.django_db
def test_demo_logins_authenticate_with_their_roles_and_scopes():
    # given
    seed()

    # then
    users = {
        name: authenticate(username=name, password="demo12345")
        for name in ("admin", "jiedao", "shequ", "danwei", "zhiyuanzhe")
    }
    assert all(users.values())
    assert users["admin"].role == User.Role.ADMIN and users["admin"].is_staff and users["admin"].is_superuser
    assert users["jiedao"].sub_district == SubDistrict.objects.order_by("code").first()
    first_community = Community.objects.order_by("code").first()
    assert users["shequ"].community == first_community
    assert users["danwei"].unit == Unit.objects.order_by("id").first()
    assert users["danwei"].unit.resources.exists()
    assert users["danwei"].unit.agreements.filter(community=first_community).exists()
    volunteer = users["zhiyuanzhe"].volunteer
    assert volunteer.kind == Volunteer.Kind.IN_OFFICE and volunteer.home_community == first_community
    assert volunteer.reported_community == first_community and volunteer.employer_unit == users["danwei"].unit
    assert volunteer.post_holdings.filter(status=PostHolding.Status.ACTIVE).exists()
    coordinator = User.objects.get(username=f"shequ_{first_community.code}")
    assert set(Need.objects.filter(community=first_community).values_list("owner", flat=True)) == {coordinator.pk}


@pytest.mark.django_db
def test_every_seeded_row_passes_model_validation():
    # given
    seed()

    # then: bulk_create skips validators, so run them all here
    for model in (
        District,
        SubDistrict,
        Community,
        Grid,
        Facility,
        Skill,
        Unit,
        Agreement,
        AgreementItem,
        Volunteer,
        WeeklyAvailability,
        Blackout,
        Team,
        Post,
        PostHolding,
        Need,
        Project,
        Resource,
        ResourceSlot,
        Shift,
        ResourceRequest,
        ConsentChange,
        SkillVerification,
    ):
        for row in model.objects.all():
            row.full_clean()


@pytest.mark.django_db
def test_volunteers_have_a_realistic_mix_of_kinds_and_times():
    # given
    seed()

    # then
    volunteers = Volunteer.objects.all()
    kinds = {kind: volunteers.filter(kind=kind).count() for kind in Volunteer.Kind.values}
    assert all(kinds.values())
    assert all(v.employer_unit_id for v in volunteers.filter(kind=Volunteer.Kind.IN_OFFICE))
    assert (
        volunteers.filter(kind=Volunteer.Kind.IN_OFFICE, reported_community__isnull=False).count()
        > kinds["in_office"] * 0.7
    )
    assert all(v.reported_community_id == v.home_community_id for v in volunteers.exclude(reported_community=None))
    office_daytime = WeeklyAvailability.objects.filter(
        volunteer__kind=Volunteer.Kind.IN_OFFICE, weekday__lte=5, start_time__gte=dt.time(9), end_time__lte=dt.time(18)
    ).count()
    assert office_daytime == 0
    retired = WeeklyAvailability.objects.filter(volunteer__kind=Volunteer.Kind.RETIRED)
    assert retired.filter(weekday__lte=5, start_time__lt=dt.time(18)).count() > retired.count() * 0.7
    phones = [v.user.phone for v in volunteers.select_related("user")]
    assert all(len(p) == 14 and p[:5] in ("+8613", "+8615", "+8618") and phone_parse(p) == p for p in phones)
    assert len(set(phones)) == len(phones)


@pytest.mark.django_db
def test_any_day_of_the_week_seeds_that_weeks_monday():
    # when
    out = io.StringIO()
    call_command("seed_demo", "--scale=small", "--seed=3", "--week=2026-12-03", stdout=out)

    # then
    assert "week of 2026-11-30" in out.getvalue()
    assert set(Shift.objects.values_list("week", flat=True)) == {WEEK}


@pytest.mark.django_db
def test_reset_clears_rows_of_other_apps_that_protect_the_district():
    # given: a matching run names the district (PROTECT), as after a demo session
    from django.apps import apps

    if not apps.is_installed("planning"):
        pytest.skip("no planning app")
    MatchingRun = apps.get_model("planning", "MatchingRun")
    seed()
    MatchingRun.objects.create(
        level="district",
        scope_key=f"district:{District.objects.get().pk}",
        district=District.objects.get(),
        week=WEEK,
        version=1,
        time_limit=10,
        solver="highs",
    )

    # when
    output = seed("--reset")

    # then
    assert "planning.MatchingRun" in output
    assert MatchingRun.objects.count() == 0
    assert Volunteer.objects.count() == 200


@pytest.mark.django_db
def test_rated_needs_carry_the_residents_rating_and_finished_needs_when():
    seed()
    rated = Need.objects.filter(status=Need.Status.RATED)
    assert rated.exists()
    assert not rated.filter(rating_score__isnull=True).exists()
    assert set(rated.values_list("rating_score", flat=True)) <= {3, 4, 5}
    assert all(n.rating_comment and n.rated_by_id == n.owner_id for n in rated)
    finished = Need.objects.filter(status__in=[Need.Status.COMPLETED, Need.Status.RATED, Need.Status.CLOSED])
    assert not finished.filter(finished_at__isnull=True).exists()


@pytest.mark.django_db
def test_consents_are_the_volunteers_own_recorded_acts():
    # given
    seed()

    # then every consent stored was given by the volunteer, once, before the week, and nothing else was recorded
    given = {
        (pk, "consent_rank_name")
        for pk in Volunteer.objects.filter(consent_rank_name=True).values_list("pk", flat=True)
    }
    given |= {
        (pk, "consent_share_with_unit")
        for pk in Volunteer.objects.filter(consent_share_with_unit=True).values_list("pk", flat=True)
    }
    changes = ConsentChange.objects.select_related("volunteer")
    assert sorted((c.volunteer_id, c.consent) for c in changes) == sorted(given)
    assert all(c.changed_by_id == c.volunteer.user_id and (c.old_value, c.new_value) == (False, True) for c in changes)
    assert all(timezone.localtime(c.changed_at).date() < WEEK for c in changes)


@pytest.mark.django_db
def test_skill_levels_are_partly_verified_and_post_holders_are_verified_for_their_posts():
    # given
    seed()

    # then medical care, legal advice and electrical work need verification, and no verification exceeds a claim
    assert set(Skill.objects.filter(requires_verification=True).values_list("code", flat=True)) == {
        "medical",
        "legal_advice",
        "plumbing_electrical",
    }
    verifications = SkillVerification.objects.select_related("volunteer", "skill", "verified_by")
    assert all(v.level <= v.volunteer.skills[v.skill.code] for v in verifications)
    assert all(v.verified_by.community_id == v.volunteer.home_community_id for v in verifications)
    # and most claims of skills needing verification are verified, about a third of the others
    claims = [(v.pk, code) for v in Volunteer.objects.all() for code in v.skills]
    requiring = {"medical", "legal_advice", "plumbing_electrical"}
    verified = set(verifications.values_list("volunteer_id", "skill__code"))
    share = lambda pairs: sum(pair in verified for pair in pairs) / len(pairs)  # noqa: E731
    assert share([p for p in claims if p[1] in requiring]) > 0.75
    assert 0.3 < share([p for p in claims if p[1] not in requiring]) < 0.7
    # and each active post holder is verified at the level their post needs
    levels = {(v.volunteer_id, v.skill.code): v.level for v in verifications}
    for holding in PostHolding.objects.select_related("post"):
        for code, level in holding.post.required_skills.items():
            assert levels.get((holding.volunteer_id, code), 0) >= level, (holding.post.name, code)
