"""PostgreSQL restarts in the middle of a batch of accepts: every request gets a success or a 503 in the error
shape (never a 500), clients retry the 503s, and in the end every assignment has exactly one answer."""

import json
import threading
import time
import urllib.error
import urllib.request

import pytest

import factories as f
from accounts.services import api_token_create
from planning.models import Assignment
from volunteering.models import AssignmentResponse

from ..volunteering.volunteering_world import assign, make_run, make_shift

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = 24


def _post(url: str, token: str) -> tuple[int, dict]:
    request = urllib.request.Request(
        url,
        data=b"{}",
        method="POST",
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json", "Accept-Language": "en"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        body = error.read()
        try:
            return error.code, json.loads(body)
        except ValueError:
            return error.code, {"raw": body[:200].decode(errors="replace")}
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return 0, {"error": str(error)}


def test_accepts_across_a_database_restart_lose_nothing_and_double_nothing(world, live_server, postgres_server):
    # given a published plan with one post for each of many volunteers, each with an API token
    run = make_run(world.a1)
    shift = make_shift(world.a1, seats=PEOPLE)
    people = [f.VolunteerFactory(home_community=world.a1) for _ in range(PEOPLE)]
    jobs = [(assign(run, shift, person).pk, api_token_create(user=person.user)) for person in people]
    before = postgres_server.started_at()
    seen: list[tuple[int, dict]] = []
    accepted: set[int] = set()
    lock = threading.Lock()

    def answer(assignment_id: int, token: str) -> None:
        url = f"{live_server.url}/api/me/posts/{assignment_id}/accept/"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            status, body = _post(url, token)
            with lock:
                seen.append((status, body))
            if status == 200:
                with lock:
                    accepted.add(assignment_id)
                return
            time.sleep(0.5)  # 503 or no connection: the client retries, as the web app does

    # when the volunteers accept, a few at a time, while the database server restarts
    threads = [threading.Thread(target=answer, args=job) for job in jobs]
    for i, thread in enumerate(threads):
        thread.start()
        if i == PEOPLE // 3:
            postgres_server.restart()
        time.sleep(0.05)
    for thread in threads:
        thread.join(timeout=150)
    # then the server did restart, nothing answered 500, refusals were 503s in the error shape
    assert postgres_server.started_at() > before
    statuses = {status for status, _ in seen}
    assert statuses <= {0, 200, 503}, [s for s in seen if s[0] not in (0, 200, 503)][:3]
    for status, body in seen:
        if status == 503:
            assert body["extra"]["code"] == "service_unavailable"
    # and every assignment has exactly one accepted answer, none lost, none doubled
    assert accepted == {assignment_id for assignment_id, _ in jobs}
    assert AssignmentResponse.objects.filter(assignment__run=run).count() == PEOPLE
    assert set(AssignmentResponse.objects.values_list("status", flat=True)) == {"accepted"}
    assert Assignment.objects.filter(run=run).count() == PEOPLE
