"""Reads of needs: which are past their deadline (限时办结) and the dashboard's counts for the caller's scope."""
from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from accounts.models import User
from core.scoping import Scope, scope_queryset
from needs.models import Need

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

