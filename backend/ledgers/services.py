"""Writes of unit ledgers: the month's ledger of every unit (safe to run twice: one row per unit and month,
rewritten in place, entries kept) and the entries coordinators add."""

from __future__ import annotations

import datetime as dt
import logging

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import ApplicationError
from ledgers import selectors
from ledgers.models import LedgerEntry, UnitLedger
from orgs.models import Unit

log = logging.getLogger(__name__)


def ledger_write_month(*, month: dt.date) -> dict:
    """Write (or rewrite) every unit's ledger for the month of `month`; returns the month and how many."""
    month = month.replace(day=1)
    facts = selectors.unit_month_facts(month=month)
    now = timezone.now()
    written = 0
    for unit_id in Unit.objects.order_by("pk").values_list("pk", flat=True):
        fact = facts.get(unit_id) or {}
        projects = list((fact.get("projects") or {}).values())
        values = {
            "projects": projects,
            "resources": list((fact.get("resources") or {}).values()),
            "project_count": len(projects),
            "booking_count": fact.get("booking_count", 0),
            "resource_minutes": fact.get("resource_minutes", 0),
            "member_count": fact.get("member_count", 0),
            "member_minutes": fact.get("member_minutes", 0),
            "written_at": now,
        }
        # update_or_create locks the row, and on a concurrent insert (two runs at once) re-reads the winner's row
        # and updates it: one ledger per unit and month either way.
        UnitLedger.objects.update_or_create(unit_id=unit_id, month=month, defaults=values)
        written += 1
    log.info("ledgers of %s: %d units written", month.isoformat(), written)
    return {"month": month.isoformat(), "written": written}


def ledger_entry_create(
    *,
    ledger: UnitLedger,
    kind: str,
    title: str,
    note: str = "",
    date: dt.date | None = None,
    created_by: User | None,
) -> LedgerEntry:
    """Add a meeting, activity or note to the ledger; a dated entry must fall in the ledger's month."""
    if date is not None and (date.year, date.month) != (ledger.month.year, ledger.month.month):
        raise ApplicationError(
            _("The entry's date is outside the ledger's month."),
            fields={"date": [_("Give a date in %(month)s.") % {"month": ledger.month.strftime("%Y-%m")}]},
        )
    return LedgerEntry.objects.create(
        ledger=ledger, kind=kind, title=title, note=note, date=date, created_by=created_by
    )
