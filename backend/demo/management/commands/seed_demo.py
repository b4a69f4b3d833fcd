"""`manage.py seed_demo`: build the demo district (or a small one for tests) from a seed; safe to re-run."""

import argparse
import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import ProtectedError, RestrictedError

from core.weeks import monday_of, next_monday
from demo.evaluation import demo_evaluation_seed
from demo.seeding import DEMO_PASSWORD, SCALES, demo_is_seeded, demo_reset, demo_seed


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


class Command(BaseCommand):
    help = (
        "Seed a deterministic demo district (Zhongyuan, Zhengzhou): geography, units, volunteers, posts, needs, shifts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="district")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--week",
            type=_date,
            default=None,
            help="any day of the week to generate shifts for (YYYY-MM-DD); default: next Monday",
        )
        parser.add_argument("--reset", action="store_true", help="delete existing domain data and demo accounts first")

    def handle(self, *args, scale, seed, week, reset, **options):
        week = monday_of(week) if week else next_monday()
        if reset:
            started = time.perf_counter()
            try:
                cleared = demo_reset()
            except (ProtectedError, RestrictedError) as error:
                rows = getattr(error, "protected_objects", None) or getattr(error, "restricted_objects", ())
                blockers = sorted({type(obj).__name__ for obj in rows})
                raise CommandError(
                    f"Cannot reset: rows of {', '.join(blockers) or 'another model'} still refer to the demo data. "
                    "Delete them first."
                ) from error
            also = f" (with the rows of {', '.join(cleared)} that pointed at it)" if cleared else ""
            self.stdout.write(f"Deleted the existing domain data{also} in {time.perf_counter() - started:.1f} s.")
        elif demo_is_seeded():
            self.stdout.write(self.style.WARNING("already seeded (a district exists); use --reset to rebuild."))
            return

        self.stdout.write(f"Seeding scale={scale} seed={seed} week of {week} ...")
        report = demo_seed(scale=scale, seed=seed, week=week)
        report.counts.update(demo_evaluation_seed(seed=seed))

        self.stdout.write("Steps:")
        for step, seconds in report.timings:
            self.stdout.write(f"  {step:<22} {seconds:7.2f} s")
        self.stdout.write("Counts:")
        for name, count in report.counts.items():
            self.stdout.write(f"  {name:<28} {count:>8}")
        for note in report.notes:
            self.stdout.write(note)
        self.stdout.write(f"Demo logins (password {DEMO_PASSWORD}):")
        for username, role, detail in report.logins:
            self.stdout.write(f"  {username:<20} {role:<26} {detail}")
        self.stdout.write(self.style.SUCCESS(f"seeded in {report.seconds:.1f} s"))
