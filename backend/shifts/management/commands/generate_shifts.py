"""manage.py generate_shifts --week YYYY-MM-DD [--community CODE ...]: the week's shifts, idempotently."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from core.weeks import next_monday
from geo.models import Community
from shifts.services import shift_generate_week


class Command(BaseCommand):
    help = "Create a week's shifts from posts' schedule rules, weekly and one-off projects and published needs."

    def add_arguments(self, parser):
        parser.add_argument("--week", help="any day of the week (default: next Monday)")
        parser.add_argument("--community", action="append", default=[], help="community code (repeatable; default all)")

    def handle(self, *args, week=None, community=(), **options):
        try:
            day = dt.date.fromisoformat(week) if week else next_monday()
        except ValueError as error:
            raise CommandError(f"--week: not a date: {week}") from error
        communities = None
        if community:
            communities = Community.objects.filter(code__in=community)
            missing = sorted(set(community) - set(communities.values_list("code", flat=True)))
            if missing:
                raise CommandError(f"--community: unknown code {', '.join(missing)}")
        result = shift_generate_week(week=day, communities=communities)
        self.stdout.write(
            f"{result.week}: {result.created} new shifts, {result.existing} already there {result.by_origin}"
        )
