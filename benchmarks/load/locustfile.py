"""One endpoint per locust run (BENCH_ENDPOINT), read by 50 users with no think time (closed loop) or BENCH_THINK
seconds between requests.

Targets (tokens, the community, the run) come from BENCH_TARGETS, the JSON that run.py's preparation step
wrote. Each simulated user signs in with an API token: a volunteer of its own for `me` and `my_posts`, a
community's coordinator for `shifts` (their own community), a sub-district's coordinator for `review` (their
published run); there are fewer coordinators than users, so coordinators' tokens repeat.
"""

import itertools
import json
import os

from locust import FastHttpUser, between, constant, task

TARGETS = json.loads(open(os.environ["BENCH_TARGETS"], encoding="utf-8").read())
ENDPOINT = os.environ["BENCH_ENDPOINT"]
VOLUNTEERS = itertools.cycle(TARGETS["volunteer_tokens"])
COMMUNITIES = itertools.cycle(TARGETS["shifts"])
RUNS = itertools.cycle(TARGETS["review"])
# Seconds a user waits between requests (BENCH_THINK, on average): 0 is the closed loop, a user asks again as
# soon as it is answered; people clicking through the app wait seconds.
THINK = float(os.environ.get("BENCH_THINK", "0"))


def _request(endpoint: str) -> tuple[str, str]:
    """(token, path) of one user's requests: each user has an account of its own (coordinators may repeat)."""
    if endpoint == "me":
        return next(VOLUNTEERS), "/api/auth/me/"
    if endpoint == "my_posts":
        return next(VOLUNTEERS), "/api/me/posts/"
    if endpoint == "shifts":
        community = next(COMMUNITIES)
        return community["token"], (
            f"/api/shifts/?start_from={TARGETS['start_from']}&community={community['community']}&page_size=50"
        )
    if endpoint == "review":
        run = next(RUNS)
        return run["token"], f"/api/planning/runs/{run['run']}/assignments/?page_size=50"
    raise SystemExit(f"unknown BENCH_ENDPOINT {endpoint!r}")


class Reader(FastHttpUser):
    wait_time = between(THINK / 2, THINK * 1.5) if THINK else constant(0)

    def on_start(self):
        self.token, self.path = _request(ENDPOINT)

    @task
    def read(self):
        self.client.get(
            self.path, headers={"Authorization": f"Token {self.token}", "Accept-Language": "zh-hans"}, name=ENDPOINT
        )
