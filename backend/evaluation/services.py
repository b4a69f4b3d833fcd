"""Writes of the evaluation: schemes, coordinators' figures, appraisal rounds with their one-time codes, a ballot's
submission (used once: the ballot row is claimed first, and the database keeps one rating per ballot and unit), and
the year's computation that replaces each unit's result and re-ranks the year."""

from __future__ import annotations

import logging
import secrets
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import ApplicationError, Conflict
from core.scoping import Scope, scope_queryset
from evaluation import scoring, selectors
from evaluation.models import (
    AppraisalBallot,
    AppraisalRating,
    AppraisalRound,
    EvaluationInput,
    EvaluationScheme,
    UnitEvaluation,
)
from geo.models import Community, SubDistrict
from orgs.models import Unit

log = logging.getLogger(__name__)
Role = User.Role
# No 0/O, 1/I: codes are read off paper slips. 16 characters of 32 = 80 random bits.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 16


class BallotUsed(Conflict):
    """A ballot counts once; this one has been submitted already."""

    code = "ballot_used"


# ---------------------------------------------------------------- schemes and inputs


def scheme_save(*, scheme: EvaluationScheme | None = None, **fields) -> EvaluationScheme:
    """Create a scheme, or change the given one; items and grades are checked before anything is saved."""
    scheme = scheme or EvaluationScheme()
    for name, value in fields.items():
        setattr(scheme, name, value)
    scheme.full_clean()
    scheme.save()
    return scheme


def evaluation_input_set(
    *,
    unit: Unit,
    year: int,
    measure: str,
    value: Decimal,
    note: str = "",
    entered_by: User | None,
) -> EvaluationInput:
    """Enter (or correct) a unit's figure of the year; who entered it last is kept."""
    row, _created = EvaluationInput.objects.update_or_create(
        unit=unit,
        year=year,
        measure=measure,
        defaults={"value": value, "note": note, "entered_by": entered_by},
    )
    return row


# ---------------------------------------------------------------- appraisal


def _new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _index in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def _in_area(*, user: User, community: Community | None, sub_district: SubDistrict | None) -> bool:
    if user.is_superuser or user.role == Role.ADMIN:
        return True
    if community is not None:
        return (
            scope_queryset(Community.objects.all(), user, Scope(community="self"), write=True)
            .filter(pk=community.pk)
            .exists()
        )
    return user.role == Role.SUBDISTRICT and sub_district is not None and user.sub_district_id == sub_district.pk


def appraisal_round_create(
    *,
    user: User,
    year: int,
    title: str,
    units: list[Unit],
    ballots: int,
    community: Community | None = None,
    sub_district: SubDistrict | None = None,
) -> tuple[AppraisalRound, list[str]]:
    """A round of the caller's community or sub-district over units located there, with `ballots` one-time codes;
    the codes are returned here and never again (only their hashes are stored)."""
    field = "community" if community is not None else "sub_district"
    if not _in_area(user=user, community=community, sub_district=sub_district):
        raise ApplicationError(_("You may not run an appraisal there."), fields={field: [_("Not in your scope.")]})
    outside = sorted(
        unit.name
        for unit in units
        if (community is not None and unit.community_id != community.pk)
        or (sub_district is not None and unit.community.sub_district_id != sub_district.pk)
    )
    if outside:
        raise ApplicationError(
            _("Only units located in the round's area can be appraised."),
            fields={"units": [_("Outside the area: %(names)s.") % {"names": ", ".join(outside)}]},
        )
    appraisal_round = AppraisalRound.objects.create(
        year=year,
        title=title,
        community=community,
        sub_district=sub_district,
        created_by=user,
    )
    appraisal_round.units.set(units)
    codes = [_new_code() for _index in range(ballots)]
    AppraisalBallot.objects.bulk_create(
        AppraisalBallot(round=appraisal_round, code_hash=selectors.code_hash(code)) for code in codes
    )
    log.info("appraisal round %s: %d units, %d ballots", appraisal_round.pk, len(units), ballots)
    return appraisal_round, codes


def appraisal_ballot_check(*, ballot: AppraisalBallot) -> None:
    if ballot.used_at is not None:
        raise BallotUsed(_("This ballot has already been used."))


def appraisal_ballot_submit(*, code: str, ratings: list[dict]) -> AppraisalBallot:
    """One rating for every unit of the ballot's round, all at once; the ballot is then used."""
    ballot = selectors.appraisal_ballot_get(code=code)
    appraisal_ballot_check(ballot=ballot)
    expected = set(ballot.round.units.values_list("pk", flat=True))
    given = [row["unit"] for row in ratings]
    problems = []
    if len(given) != len(set(given)):
        problems.append(_("Rate each unit once."))
    if set(given) - expected:
        problems.append(
            _("Not in this appraisal: %(ids)s.") % {"ids": ", ".join(map(str, sorted(set(given) - expected)))}
        )
    if expected - set(given):
        problems.append(
            _("Rate every unit of the appraisal; missing: %(ids)s.")
            % {"ids": ", ".join(map(str, sorted(expected - set(given))))}
        )
    if problems:
        raise ApplicationError(_("The ratings do not match the appraisal's units."), fields={"ratings": problems})
    with transaction.atomic():
        # Claiming the row first makes a second, concurrent submission find it used; the unique rule on
        # (ballot, unit) would refuse its ratings anyway.
        if not AppraisalBallot.objects.filter(pk=ballot.pk, used_at__isnull=True).update(used_at=timezone.now()):
            raise BallotUsed(_("This ballot has already been used."))
        AppraisalRating.objects.bulk_create(
            AppraisalRating(ballot=ballot, unit_id=row["unit"], rating=row["rating"]) for row in ratings
        )
    return ballot


# ---------------------------------------------------------------- computation


def _scheme_for(year: int) -> EvaluationScheme:
    scheme = selectors.scheme_for_year(year=year)
    if scheme is None:  # first use: the default scheme, stored so that results name it and admins can edit it
        scheme = EvaluationScheme.objects.create(name=_("Default scheme"))
    return scheme


def _figure_json(measure: str, figure: selectors.Figure | None) -> dict:
    figure = figure or selectors.Figure(Decimal(0), "none")
    return {"measure": measure, "value": float(figure.value), "source": figure.source, "entered_by": figure.entered_by}


def _evaluate(*, scheme: EvaluationScheme, figures: dict, satisfaction: selectors.Satisfaction | None) -> dict:
    values = {measure: figure.value for measure, figure in figures.items()}
    items, item_score, bonus_score = [], Decimal(0), Decimal(0)
    for item in scheme.items:
        points = scoring.item_points(item, values)
        bonus = scoring.is_bonus(item)
        if bonus:
            bonus_score += points
        else:
            item_score += points
        measures = [item["measure"]] + ([item["of"]] if "of" in item else [])
        items.append(
            {
                "code": item["code"],
                "label": item["label"],
                "rule": item["rule"],
                "bonus": bonus,
                "max": float(scoring.item_maximum(item)),
                "points": float(points),
                "figures": [_figure_json(measure, figures.get(measure)) for measure in measures],
            }
        )
    scheme_score = item_score + bonus_score
    rate = satisfaction.rate if satisfaction else None
    score = scoring.combined(scheme_score=scheme_score, satisfaction=rate, weight=scheme.appraisal_weight)
    grade = scoring.grade_of(scheme.grades, score)
    return {
        "item_score": item_score,
        "bonus_score": bonus_score,
        "scheme_score": scheme_score,
        "appraisal_count": satisfaction.count if satisfaction else 0,
        "appraisal_rate": rate,
        "score": score,
        "grade": grade.code,
        "grade_label": grade.label,
        "breakdown": {
            "items": items,
            "appraisal": {
                "count": satisfaction.count if satisfaction else 0,
                "satisfaction_rate": None if rate is None else float(rate),
                "weight": float(scheme.appraisal_weight) if rate is not None else 0.0,
            },
        },
    }


def evaluation_rank_year(*, year: int) -> None:
    """Rank every result of the year, best score first; equal scores share a rank."""
    rows = list(UnitEvaluation.objects.select_for_update().filter(year=year).order_by("-score", "unit_id"))
    rank, previous = 0, None
    for position, row in enumerate(rows, start=1):
        if row.score != previous:
            rank, previous = position, row.score
        row.rank = rank
    UnitEvaluation.objects.bulk_update(rows, ["rank"])


@transaction.atomic
def evaluation_compute(*, user: User, year: int) -> int:
    """Compute the year's result of every unit in the caller's scope with the year's scheme (replacing earlier
    results), then re-rank the whole year. Returns how many units were computed."""
    scheme = _scheme_for(year)
    units = list(selectors.unit_list_in_scope(user=user, write=True).order_by("pk").values_list("pk", flat=True))
    figures = selectors.unit_year_figures(unit_ids=units, year=year)
    appraisal = selectors.appraisal_satisfaction(unit_ids=units, year=year)
    now = timezone.now()
    for unit_id in units:
        result = _evaluate(scheme=scheme, figures=figures[unit_id], satisfaction=appraisal.get(unit_id))
        UnitEvaluation.objects.update_or_create(
            unit_id=unit_id,
            year=year,
            defaults={**result, "scheme": scheme, "computed_at": now, "computed_by": user},
        )
    evaluation_rank_year(year=year)
    log.info("evaluation %s: %d units computed with scheme %s", year, len(units), scheme.pk)
    return len(units)
