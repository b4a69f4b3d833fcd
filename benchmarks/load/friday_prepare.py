"""What the Friday-evening load (friday.py) asks for, in the seeded and published district; prints JSON.

Run from backend/ with the benchmark's DATABASE_URL and PYTHONPATH=. (friday.py does). As the hour after
publication finds them: every published run's volunteers told of their posts (publication_notify, what the worker
does after a publication; once), and for each volunteer with posts still open to an answer (the deadline ahead, no
answer yet) an API token, a calendar feed and their open posts, each marked to be accepted or declined (about 8 in 9
accepted, by a seeded draw, as the issue's 80% / 10%). Each coordinator of a sub-district with a published run gets a
token to review it. Tokens are made in the database (no sign-in throttling or lockout involved).
"""

import datetime as dt
import json
import os
import random

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
django.setup()

from django.conf import settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.services import api_token_create  # noqa: E402
from notifications.models import Notification  # noqa: E402
from notifications.services import publication_notify  # noqa: E402
from planning.models import Assignment, MatchingRun  # noqa: E402
from volunteering.services import calendar_token_get_or_create  # noqa: E402

VOLUNTEERS = int(os.environ.get("BENCH_VOLUNTEERS", "4000"))


def main() -> None:
    runs = list(MatchingRun.objects.filter(publication__isnull=False).order_by("pk"))
    if not Notification.objects.exists():
        for run in runs:
            publication_notify(run_id=run.pk)
    # Open to an answer: the shift starts after the answer deadline from now (with an hour to spare for the run).
    opens_after = timezone.now() + dt.timedelta(hours=settings.VOLUNTEERING_ANSWER_DEADLINE_HOURS + 1)
    open_posts = (
        Assignment.objects.filter(run__publication__isnull=False, shift__start__gt=opens_after, response__isnull=True)
        .order_by("volunteer_id", "pk")
        .values_list("volunteer__user_id", "pk")
    )
    posts: dict[int, list[int]] = {}
    for user_id, assignment_id in open_posts:
        if user_id in posts or len(posts) < VOLUNTEERS:
            posts.setdefault(user_id, []).append(assignment_id)
    draw = random.Random(1)
    volunteers = []
    for user in User.objects.filter(pk__in=posts).order_by("pk"):
        mine = posts[user.pk]
        accepted = [a for a in mine if draw.random() < 8 / 9]
        volunteers.append(
            {
                "token": api_token_create(user=user),
                "calendar": calendar_token_get_or_create(user=user).token,
                "accept": accepted,
                "decline": [a for a in mine if a not in accepted],
            }
        )
    review = []
    for run in runs:
        reviewer = User.objects.filter(role=User.Role.SUBDISTRICT, sub_district_id=run.sub_district_id, is_active=True)
        if reviewer.exists():
            review.append({"token": api_token_create(user=reviewer.order_by("pk").first()), "run": run.pk})
    print(json.dumps({"volunteers": volunteers, "review": review}))


main()
