"""An open-loop load: requests sent at a fixed arrival rate whatever the answers, as wrk2 does; prints JSON.

    var/bench-venv/bin/python benchmarks/load/openloop.py --url http://127.0.0.1:PORT --targets T.json
        --mix friday|trivial --rate 30 --seconds 30 [--seed 1] [--connections 100]

Run by friday.py, in a process of its own (gevent, from the benchmark's venv), apart from the server's. Request n
is due at start + n / rate; each is its own greenlet, so a slow answer delays no other request. Latency is counted
from when the request was due, not from when it was sent: a request that waits for a free connection (all of
them busy with slow answers) or for the generator itself has that wait in its latency (no coordinated omission).
`lag_ms_p99` is how late the generator sent (its 99th percentile), its own share.

Mixes: `trivial` is GET /api/auth/me/ alone. `friday`, the hour after publication (weights in MIX): volunteers
reading their posts, accepting or declining one of them, their calendar feed and their notices; coordinators
reviewing their published run. Answers walk through each volunteer's open posts (friday_prepare.py): an accept or
decline is a first answer until every post was answered once, then the walk starts again and the answers are
repeats (the same answer again, which the API answers 200 without a change); both are counted.
"""

import argparse
import itertools
import json
import random
import time

import gevent
from gevent import monkey

monkey.patch_all()

from geventhttpclient import URL, HTTPClient  # noqa: E402

# (kind, weight): most volunteers look at their posts and answer; a few coordinators review.
MIX = [
    ("my_posts", 40),
    ("accept", 16),
    ("decline", 2),
    ("calendar", 17),
    ("notices", 17),
    ("review", 8),
]


class Requests:
    """What each kind asks, from the prepared targets; the volunteers and posts taken in turn."""

    def __init__(self, targets: dict, mix: str, seed: int):
        self.draw = random.Random(seed)
        self.mix = MIX if mix == "friday" else [("trivial", 1)]
        self.volunteers = itertools.cycle(targets["volunteers"])
        self.reviews = itertools.cycle(targets["review"])
        self.answers = {kind: self._posts(targets, kind) for kind in ("accept", "decline")}
        self.first_answers = {kind: sum(len(v[kind]) for v in targets["volunteers"]) for kind in ("accept", "decline")}
        self.answered = {"accept": 0, "decline": 0}

    @staticmethod
    def _posts(targets: dict, kind: str):
        return itertools.cycle([(v["token"], a) for v in targets["volunteers"] for a in v[kind]])

    def next(self) -> tuple[str, str, str, bytes | None, str | None, bool]:
        """kind, method, path, body, token, repeat (an answer given before)"""
        kind = self.draw.choices([k for k, _ in self.mix], [w for _, w in self.mix])[0]
        if kind in ("accept", "decline"):
            token, assignment = next(self.answers[kind])
            repeat = self.answered[kind] >= self.first_answers[kind]
            self.answered[kind] += 1
            body = b'{"reason": "\xe4\xb8\xb4\xe6\x97\xb6\xe6\x9c\x89\xe4\xba\x8b"}' if kind == "decline" else None
            return kind, "POST", f"/api/me/posts/{assignment}/{kind}/", body, token, repeat
        if kind == "review":
            run = next(self.reviews)
            return kind, "GET", f"/api/planning/runs/{run['run']}/assignments/?page_size=50", None, run["token"], False
        volunteer = next(self.volunteers)
        if kind == "calendar":
            return kind, "GET", f"/api/calendar/{volunteer['calendar']}.ics", None, None, False
        path = {"my_posts": "/api/me/posts/", "notices": "/api/notifications/", "trivial": "/api/auth/me/"}[kind]
        return kind, "GET", path, None, volunteer["token"], False


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))], 1)


def summary(rows: list[tuple]) -> dict:
    latency = [r[1] for r in rows]
    statuses: dict[str, int] = {}
    for r in rows:
        statuses[str(r[2])] = statuses.get(str(r[2]), 0) + 1
    return {
        "requests": len(rows),
        "errors": sum(1 for r in rows if not (200 <= r[2] < 300)),
        "statuses": statuses,
        "p50_ms": percentile(latency, 0.50),
        "p90_ms": percentile(latency, 0.90),
        "p99_ms": percentile(latency, 0.99),
        "max_ms": round(max(latency), 1) if latency else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True)
    parser.add_argument("--targets", required=True)
    parser.add_argument("--mix", choices=["friday", "trivial"], default="friday")
    parser.add_argument("--rate", type=float, required=True, help="requests per second")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--connections", type=int, default=100, help="at most this many requests in flight")
    args = parser.parse_args()
    with open(args.targets, encoding="utf-8") as targets:
        requests = Requests(json.load(targets), args.mix, args.seed)
    client = HTTPClient.from_url(URL(args.url), concurrency=args.connections, network_timeout=30, connection_timeout=10)
    rows: list[tuple] = []  # (kind, latency ms, status, repeat, lag ms)

    def one(due: float, kind, method, path, body, token, repeat) -> None:
        lag = (time.monotonic() - due) * 1000
        headers = {"Accept-Language": "zh-hans"}
        if token:
            headers["Authorization"] = f"Token {token}"
        if body is not None:
            headers["Content-Type"] = "application/json"
        try:
            response = client.request(method, path, body=body or b"", headers=headers)
            response.read()
            status = response.status_code
        except Exception:  # noqa: BLE001  # a refused or dropped connection is an error of the run, not a crash
            status = 599
        rows.append((kind, (time.monotonic() - due) * 1000, status, repeat, lag))

    total = int(args.rate * args.seconds)
    start = time.monotonic() + 0.2
    greenlets = []
    for n in range(total):
        due = start + n / args.rate
        pause = due - time.monotonic()
        if pause > 0:
            gevent.sleep(pause)
        greenlets.append(gevent.spawn(one, due, *requests.next()))
    gevent.joinall(greenlets, timeout=120)
    sent_for = max(time.monotonic() - start, 1e-9)
    kinds = sorted({r[0] for r in rows})
    print(
        json.dumps(
            {
                "mix": args.mix,
                "rate": args.rate,
                "seconds": args.seconds,
                "unanswered": total - len(rows),
                "lag_ms_p99": percentile([r[4] for r in rows], 0.99),
                "answers": {
                    "first": sum(1 for r in rows if r[0] in ("accept", "decline") and not r[3]),
                    "repeat": sum(1 for r in rows if r[3]),
                },
                "elapsed_s": round(sent_for, 1),
                "all": summary(rows),
                "kinds": {kind: summary([r for r in rows if r[0] == kind]) for kind in kinds},
            }
        )
    )


if __name__ == "__main__":
    main()
