"""Reads of volunteers' skills as matching may use them: a level the volunteer gives themself is a claim, a
coordinator's verification confirms a level, and skills of the catalogue that require verification count only
as far as they are verified. The planning and allocation mappers and the plan reviews read skills through here."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from people.models import ConsentChange, Skill, SkillVerification, Volunteer


def skills_requiring_verification() -> frozenset[str]:
    return frozenset(Skill.objects.filter(requires_verification=True).values_list("code", flat=True))


def verified_levels(*, volunteers: QuerySet[Volunteer, Any] | list[int]) -> dict[int, dict[str, int]]:
    """Volunteer pk -> {skill code: verified level}, for the given volunteers (a queryset of them or of their pks, or
    a list of pks)."""
    levels: dict[int, dict[str, int]] = {}
    rows = SkillVerification.objects.filter(volunteer__in=volunteers).values_list(
        "volunteer_id", "skill__code", "level"
    )
    for volunteer, code, level in rows:
        levels.setdefault(volunteer, {})[code] = level
    return levels


def matching_levels(*, claimed: dict[str, int], verified: dict[str, int], requiring: frozenset[str]) -> dict[str, int]:
    """The levels matching may use: a skill that requires verification counts up to its verified level and not
    at all unverified (never above the claim: a volunteer may lower their own level); any other skill counts
    as claimed."""
    levels = {}
    for code, level in claimed.items():
        if code in requiring:
            level = min(level, verified.get(code, 0))
        if level > 0:
            levels[code] = level
    return levels


def unverified_skills(*, required: dict[str, int], verified: dict[str, int]) -> list[str]:
    """The skills a seat requires that the person holds only by their own claim: no verification at the
    required level (for skills that require verification, matching already used verified levels only)."""
    return sorted(code for code, level in required.items() if level > 0 and verified.get(code, 0) < level)


def verifications_prefetch(path: str = "") -> Prefetch:
    """Prefetch of the verifications of the volunteer at `path` ("volunteer__" from an assignment), with what
    `verifications_of` and the profile's `verified_skills` read, so that a list does not query per row."""
    return Prefetch(
        f"{path}skill_verifications", queryset=SkillVerification.objects.select_related("skill", "verified_by")
    )


def verifications_of(volunteer: Volunteer) -> dict[str, int]:
    """{skill code: verified level} of one volunteer (from `verifications_prefetch` in lists)."""
    return {v.skill.code: v.level for v in volunteer.skill_verifications.all()}


def consent_change_list(*, volunteer: Volunteer) -> QuerySet[ConsentChange]:
    return (
        ConsentChange.objects.filter(volunteer=volunteer)
        .select_related("changed_by", "volunteer")
        .order_by("-changed_at", "-id")
    )


def volunteer_activation_counts(*, volunteers: QuerySet[Volunteer]) -> list[dict]:
    """Per home community of the given (scoped) volunteers: the active ones and those who have activated."""
    rows = (
        volunteers.filter(active=True, user__is_active=True)
        .order_by()
        .values("home_community", "home_community__name")
        .annotate(volunteers=Count("pk"), activated=Count("pk", filter=Q(user__activated_at__isnull=False)))
        .order_by("home_community")
    )
    return [
        {
            "community": row["home_community"],
            "community_name": row["home_community__name"],
            "volunteers": row["volunteers"],
            "activated": row["activated"],
        }
        for row in rows
    ]


def volunteers_to_invite(*, community) -> QuerySet[Volunteer]:
    """The community's active members who have not activated their account yet, by number."""
    return (
        Volunteer.objects.select_related("user")
        .filter(home_community=community, active=True, user__is_active=True, user__activated_at__isnull=True)
        .order_by("number")
    )
