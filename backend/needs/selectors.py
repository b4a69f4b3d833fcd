"""Reads of needs: which are past their deadline (限时办结) and the dashboard's counts for the caller's scope; the
default deadline of a category and urgency; who may own a need (首问) and who has."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from accounts.models import User
from core.scoping import Scope, scope_queryset
from geo.models import Community
from needs.models import Need, NeedDeadlineRule, NeedOwnership

NEEDS = Scope(community="community")


def overdue_q(today: dt.date) -> Q:
    """Open needs whose deadline is before today (the deadline day itself is still in time)."""
    return Q(status__in=Need.OPEN, deadline__lt=today)


def need_list_overdue(*, today: dt.date | None = None) -> QuerySet[Need]:
    """Every overdue need, district-wide (for the flagging task)."""
    return Need.objects.filter(overdue_q(today or timezone.localdate())).order_by("pk")


def need_overdue_counts(*, user: User, today: dt.date | None = None) -> dict:
    """Overdue now, closed in time and closed late, over the needs with a deadline in the caller's scope.

    A need finished on its deadline day is in time; the local date of `finished_at` is compared.
    """
    today = today or timezone.localdate()
    needs = scope_queryset(Need.objects.filter(deadline__isnull=False), user, NEEDS)
    finished = Q(finished_at__isnull=False) & ~Q(status__in=Need.OPEN)
    zone = timezone.get_current_timezone()
    counts = needs.annotate(finished_on=TruncDate("finished_at", tzinfo=zone)).aggregate(
        overdue=Count("pk", filter=overdue_q(today)),
        closed_in_time=Count("pk", filter=finished & Q(finished_on__lte=F("deadline"))),
        closed_late=Count("pk", filter=finished & Q(finished_on__gt=F("deadline"))),
    )
    return {"today": today, **counts}


def need_deadline_default(*, category: str, urgency: int, filed_on: dt.date) -> dt.date | None:
    """The district's deadline for a need of this category and urgency filed on `filed_on`; None without a rule."""
    days = NeedDeadlineRule.objects.filter(category=category, urgency=urgency).values_list("days", flat=True).first()
    return None if days is None else filed_on + dt.timedelta(days=days)


def need_deadline_rules() -> QuerySet[NeedDeadlineRule]:
    """The district's table of days to finish by category and urgency (限时办结)."""
    return NeedDeadlineRule.objects.order_by("category", "-urgency")


def need_owner_candidates(*, community: Community) -> QuerySet[User]:
    """The active coordinators whose scope covers the community: its own coordinators, its sub-district's, and the
    district's administrators. Only they may own its needs."""
    return User.objects.filter(
        Q(role=User.Role.COMMUNITY, community=community)
        | Q(role=User.Role.SUBDISTRICT, sub_district_id=community.sub_district_id)
        | Q(role=User.Role.ADMIN),
        is_active=True,
    ).order_by("role", "display_name", "username")


def need_owner_history(*, need: Need) -> list[NeedOwnership]:
    """Every owner the need has had, the first first. A need loaded in bulk with an owner and no history yet shows
    that owner since it was filed."""
    rows = list(need.ownerships.select_related("owner", "assigned_by").order_by("since", "pk"))
    if not rows and need.owner_id is not None:
        rows = [NeedOwnership.since_filed(need)]
    return rows
