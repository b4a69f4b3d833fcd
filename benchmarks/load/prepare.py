"""Picks what the load run reads in the seeded district and gives each reader an API token; prints JSON.

Run from backend/ with the benchmark's DATABASE_URL and PYTHONPATH=. (run.py does): volunteers with posts in
this week's published plans; the communities with at least a page (50) of shifts from this week's Monday, with their
coordinators; every published run, with its sub-district's coordinator.
"""

import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
django.setup()

from django.db.models import Count  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.services import api_token_create  # noqa: E402
from core.weeks import monday_of  # noqa: E402
from planning.models import Assignment, MatchingRun  # noqa: E402
from shifts.models import Shift  # noqa: E402

VOLUNTEERS = int(os.environ.get("BENCH_VOLUNTEERS", "200"))
SHIFTS_PER_COMMUNITY = 50  # a full page of the shift list


def token_of(user: User) -> str:
    return api_token_create(user=user)


def main() -> None:
    monday = monday_of()
    volunteer_users = (
        User.objects.filter(
            volunteer__assignments__run__publication__isnull=False,
            volunteer__assignments__shift__start__date__gte=monday,
        )
        .distinct()
        .order_by("pk")[:VOLUNTEERS]
    )
    tokens = [token_of(user) for user in volunteer_users]
    # Coordinators read their own community's shifts and their own sub-district's run, each with their own
    # token, so that the per-account throttle (600/minute by default) sees realistic traffic.
    busiest = (
        Shift.objects.filter(start__date__gte=monday)
        .values("community")
        .annotate(n=Count("pk"))
        .filter(n__gte=SHIFTS_PER_COMMUNITY)
        .order_by("-n", "community")
    )
    shifts = []
    for row in busiest:
        coordinator = User.objects.filter(role=User.Role.COMMUNITY, community_id=row["community"], is_active=True)
        if coordinator.exists():
            shifts.append(
                {
                    "token": token_of(coordinator.order_by("pk").first()),
                    "community": row["community"],
                    "shifts": row["n"],
                }
            )
    runs = MatchingRun.objects.filter(publication__isnull=False).annotate(n=Count("assignments")).order_by("-n", "pk")
    review = []
    for run in runs:
        reviewer = User.objects.filter(role=User.Role.SUBDISTRICT, sub_district_id=run.sub_district_id, is_active=True)
        if reviewer.exists():
            review.append({"token": token_of(reviewer.order_by("pk").first()), "run": run.pk, "assignments": run.n})
    posts = Assignment.objects.filter(
        volunteer__user__in=volunteer_users, run__publication__isnull=False, shift__start__date__gte=monday
    ).count()
    print(
        json.dumps(
            {
                "volunteer_tokens": tokens,
                "volunteer_posts": posts,
                "start_from": f"{monday.isoformat()}T00:00:00",
                "shifts": shifts,
                "review": review,
            }
        )
    )


main()
