"""Reads of the evaluation: the scheme of a year, each unit's figures (ledgers, coordinators' inputs, appraisal
ratings), appraisal rounds and their results, and the stored results in the caller's scope."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from accounts.models import User
from core.scoping import Scope, scope_queryset
from evaluation.models import (
    AppraisalBallot,
    AppraisalRating,
    AppraisalRound,
    EvaluationInput,
    EvaluationScheme,
    UnitEvaluation,
)
from ledgers.models import LedgerEntry, UnitLedger
from orgs.models import Unit

Role = User.Role
UNIT_ROWS = Scope(community="unit__community", unit="unit")
UNITS = Scope(community="community", unit="pk")
SATISFIED = Q(rating__in=AppraisalRating.SATISFIED_RATINGS)


def code_hash(code: str) -> str:
    """Ballot codes are random and long, so a plain SHA-256 is enough to keep them unreadable at rest."""
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


# ---------------------------------------------------------------- schemes and figures


def scheme_for_year(*, year: int) -> EvaluationScheme | None:
    """The year's own scheme, else the latest active scheme without a year; None when there is neither."""
    own = EvaluationScheme.objects.filter(year=year).first()
    if own is not None:
        return own
    return EvaluationScheme.objects.filter(year__isnull=True, is_active=True).order_by("-updated_at", "-id").first()


def scheme_list() -> QuerySet[EvaluationScheme]:
    return EvaluationScheme.objects.order_by("-year", "-updated_at", "-id")


def unit_list_in_scope(*, user: User, write: bool = False) -> QuerySet[Unit]:
    return scope_queryset(Unit.objects.all(), user, UNITS, write=write)


@dataclass(frozen=True)
class Figure:
    value: Decimal
    source: str  # "ledger", "input" or "none"
    entered_by: str | None = None


def unit_year_figures(*, unit_ids: list[int], year: int) -> dict[int, dict[str, Figure]]:
    """Per unit id, every measure of the year: meetings attended and activities from the ledgers (entries of the
    year's months; each month's joined projects count as activities), the rest from coordinators' inputs."""
    figures: dict[int, dict[str, Figure]] = {pk: {} for pk in unit_ids}
    entries = LedgerEntry.objects.filter(ledger__unit_id__in=unit_ids, ledger__month__year=year)
    for row in (
        entries.values("ledger__unit_id")
        .annotate(
            meetings=Count("pk", filter=Q(kind=LedgerEntry.Kind.MEETING)),
            activities=Count("pk", filter=Q(kind=LedgerEntry.Kind.ACTIVITY)),
        )
        .order_by()
    ):
        unit = figures[row["ledger__unit_id"]]
        unit["meetings_attended"] = Figure(Decimal(row["meetings"]), "ledger")
        unit["activities"] = Figure(Decimal(row["activities"]), "ledger")
    ledgers = UnitLedger.objects.filter(unit_id__in=unit_ids, month__year=year)
    for month in ledgers.values("unit_id").annotate(projects=Sum("project_count")).order_by():
        unit = figures[month["unit_id"]]
        done = unit.get("activities", Figure(Decimal(0), "ledger")).value
        unit["activities"] = Figure(done + (month["projects"] or 0), "ledger")
    inputs = EvaluationInput.objects.filter(unit_id__in=unit_ids, year=year).select_related("entered_by")
    for entered in inputs:
        figures[entered.unit_id][entered.measure] = Figure(
            entered.value, "input", entered.entered_by.username if entered.entered_by else None
        )
    return figures


@dataclass(frozen=True)
class Satisfaction:
    count: int
    satisfied: int

    @property
    def rate(self) -> Decimal | None:
        return None if not self.count else (Decimal(self.satisfied) / Decimal(self.count)).quantize(Decimal("0.0001"))


def appraisal_satisfaction(*, unit_ids: list[int], year: int) -> dict[int, Satisfaction]:
    """Per unit id, its ratings over every appraisal round of the year."""
    rows = AppraisalRating.objects.filter(unit_id__in=unit_ids, ballot__round__year=year)
    return {
        row["unit_id"]: Satisfaction(count=row["count"], satisfied=row["satisfied"])
        for row in rows.values("unit_id")
        .annotate(count=Count("pk"), satisfied=Count("pk", filter=SATISFIED))
        .order_by()
    }


def evaluation_input_list(*, user: User, year: int | None = None, unit: int | None = None) -> QuerySet[EvaluationInput]:
    rows = scope_queryset(EvaluationInput.objects.select_related("unit", "entered_by"), user, UNIT_ROWS)
    if year is not None:
        rows = rows.filter(year=year)
    if unit is not None:
        rows = rows.filter(unit_id=unit)
    return rows.order_by("-year", "unit_id", "measure")


# ---------------------------------------------------------------- results


def evaluation_list(*, user: User, year: int) -> QuerySet[UnitEvaluation]:
    rows = scope_queryset(UnitEvaluation.objects.filter(year=year), user, UNIT_ROWS)
    return rows.select_related("unit__community").order_by("rank", "unit__name", "unit_id")


def evaluation_get(*, user: User, evaluation_id: int) -> UnitEvaluation:
    row = (
        scope_queryset(
            UnitEvaluation.objects.select_related("unit__community", "scheme", "computed_by"), user, UNIT_ROWS
        )
        .filter(pk=evaluation_id)
        .first()
    )
    if row is None:
        raise Http404
    return row


# ---------------------------------------------------------------- appraisal


def _round_scope_q(user: User) -> Q | None:
    """Community coordinators see their community's rounds; sub-district coordinators their sub-district's and its
    communities'; administrators all (None)."""
    if user.is_superuser or user.role == Role.ADMIN:
        return None
    if user.role == Role.COMMUNITY:
        return Q(community_id=user.community_id)
    if user.role == Role.SUBDISTRICT:
        return Q(sub_district_id=user.sub_district_id) | Q(community__sub_district_id=user.sub_district_id)
    return Q(pk__in=[])


def appraisal_round_list(*, user: User, year: int | None = None) -> QuerySet[AppraisalRound]:
    rows = (
        AppraisalRound.objects.select_related("community", "sub_district")
        .prefetch_related("units")
        .annotate(
            ballot_count=Count("ballots", distinct=True),
            used_count=Count("ballots", filter=Q(ballots__used_at__isnull=False), distinct=True),
        )
    )
    condition = _round_scope_q(user)
    if condition is not None:
        rows = rows.filter(condition)
    if year is not None:
        rows = rows.filter(year=year)
    return rows.order_by("-year", "-id")


def appraisal_round_get(*, user: User, round_id: int) -> AppraisalRound:
    found = appraisal_round_list(user=user).filter(pk=round_id).first()
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class UnitAppraisal:
    unit: int
    unit_name: str
    count: int
    satisfied: int
    basically_satisfied: int
    dissatisfied: int
    satisfaction_rate: float | None


def appraisal_results(*, appraisal_round: AppraisalRound) -> list[UnitAppraisal]:
    """Per unit of the round: how many ballots rated it, each rating's count, and the satisfaction rate."""
    Rating = AppraisalRating.Rating
    counts = {
        row["unit_id"]: row
        for row in AppraisalRating.objects.filter(ballot__round=appraisal_round)
        .values("unit_id")
        .annotate(
            count=Count("pk"),
            satisfied=Count("pk", filter=Q(rating=Rating.SATISFIED)),
            basically=Count("pk", filter=Q(rating=Rating.BASICALLY_SATISFIED)),
            dissatisfied=Count("pk", filter=Q(rating=Rating.DISSATISFIED)),
        )
        .order_by()
    }
    results = []
    for unit in appraisal_round.units.order_by("name", "pk"):
        row = counts.get(unit.pk, {"count": 0, "satisfied": 0, "basically": 0, "dissatisfied": 0})
        rate = Satisfaction(count=row["count"], satisfied=row["satisfied"] + row["basically"]).rate
        results.append(
            UnitAppraisal(
                unit=unit.pk,
                unit_name=unit.name,
                count=row["count"],
                satisfied=row["satisfied"],
                basically_satisfied=row["basically"],
                dissatisfied=row["dissatisfied"],
                satisfaction_rate=None if rate is None else float(rate),
            )
        )
    return results


def appraisal_ballot_get(*, code: str) -> AppraisalBallot:
    """The ballot of a code, with its round's units; 404 for an unknown code."""
    ballot = AppraisalBallot.objects.select_related("round").filter(code_hash=code_hash(code)).first()
    if ballot is None:
        raise Http404
    return ballot


def scheme_get(*, scheme_id: int) -> EvaluationScheme:
    scheme = EvaluationScheme.objects.filter(pk=scheme_id).first()
    if scheme is None:
        raise Http404
    return scheme
