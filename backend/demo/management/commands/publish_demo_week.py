"""`manage.py publish_demo_week`: a published plan for the current week, so the demo opens on real posts.

The week's shifts are generated, then each sub-district's matching run is executed here, in this process (the
same service the worker runs), and published as the demo administrator. Sub-districts already published for
the week are left alone, so the command is safe to re-run. Publishing queues the volunteers' notices for the
worker.
"""

import argparse
import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from core.weeks import monday_of
from geo.models import SubDistrict
from planning import services
from planning.models import MatchingRun, Publication
from shifts.models import Shift
from shifts.services import shift_generate_week


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


class Command(BaseCommand):
    help = "Plan and publish the current week for every sub-district of the demo (safe to re-run)."

    def add_arguments(self, parser):
        parser.add_argument("--week", type=_date, default=None, help="any day of the week; default: this week")
        parser.add_argument("--time-limit", type=float, default=20.0, help="solver seconds per sub-district")

    def handle(self, *args, week, time_limit, **options):
        week = monday_of(week)
        admin = User.objects.filter(role=User.Role.ADMIN, is_active=True).order_by("pk").first()
        if admin is None:
            raise CommandError("No administrator: run `manage.py seed_demo` first.")
        generated = shift_generate_week(week=week)
        self.stdout.write(f"Week of {week}: {generated.created} shifts generated.")
        with_shifts = set(Shift.objects.filter(week=week).values_list("community__sub_district_id", flat=True))
        published = set(Publication.objects.filter(week=week).values_list("scope_key", flat=True))
        for sub_district in SubDistrict.objects.filter(pk__in=with_shifts).order_by("pk"):
            if f"sub_district:{sub_district.pk}" in published:
                self.stdout.write(f"  {sub_district.name}: already published")
                continue
            started = time.perf_counter()
            run = services.matching_run_start(user=admin, week=week, sub_district=sub_district, time_limit=time_limit)
            services.matching_run_execute(run_id=run.pk)
            run.refresh_from_db()
            if run.status != MatchingRun.Status.DONE:
                raise CommandError(f"{sub_district.name}: the run ended {run.status}: {run.message}")
            services.matching_run_publish(user=admin, run=run)
            self.stdout.write(
                f"  {sub_district.name}: {run.message} Published ({time.perf_counter() - started:.1f} s)."
            )
        self.stdout.write(self.style.SUCCESS(f"Week of {week} published."))
