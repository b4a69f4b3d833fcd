"""The solver's killable child works when the caller is itself a daemonic process (a Celery prefork worker
child), and it never outlives the call: killed at the deadline, and with its caller."""

import multiprocessing
import os
import signal
import subprocess
import time

from matching import Status, parse_problem, solve
from matching.decompose import solve_decomposed
from matching.generate import generate
from matching.posts import allocate_posts, parse_post_problem
from matching.repair import repair
from matching.supervise import run_each, run_with_deadline
from matching_factories import at, problem, shift, volunteer


def in_daemonic_process(work):
    """work() run in a daemonic forked process, as Celery's prefork pool runs a task; its result or error."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def run():
        try:
            send.send(("ok", work()))
        except BaseException as exc:
            send.send(("error", f"{type(exc).__name__}: {exc}"))

    process = ctx.Process(target=run, daemon=True)
    process.start()
    send.close()  # so that a process that dies without an answer ends recv() with EOFError
    outcome, value = receive.recv()
    process.join()
    assert outcome == "ok", value
    return value


def gone(pid: int) -> bool:
    """True once pid has exited (a zombie not yet reaped by init counts as exited)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_solve_in_a_daemonic_process_returns_the_solvers_plan():
    # given
    p = parse_problem(generate("small", 1))

    # when
    def work():
        solution = solve(p, gap=0.0)
        return (
            solution.status,
            solution.metrics["phase"],
            solution.metrics.get("solver_failure"),
            solution.assignments,
            multiprocessing.current_process().daemon,
        )

    status, phase, failure, assignments, still_daemonic = in_daemonic_process(work)
    # then: the MIP's plan, the same as in an ordinary process, and the caller was left as it was
    assert (status, phase, failure, still_daemonic) == (Status.OPTIMAL, "full_mip", None, True)
    assert assignments == solve(p, gap=0.0).assignments


def test_allocate_posts_in_a_daemonic_process_returns_the_solvers_allocation():
    # given: the solver's result is proven optimal; the deadline fallback would say "time_limit"
    data = {
        "posts": [
            {
                "id": "mediation",
                "name": "mediation",
                "seats": 1,
                "priority": 5,
                "location": at(0),
                "required_skills": {"mediation": 3},
            }
        ],
        "members": [{"id": "m1", "location": at(0), "skills": {"mediation": 4}}],
    }

    # when
    def work():
        result = allocate_posts(parse_post_problem(data), time_limit=20)
        return result.status, result.assignments

    # then
    assert in_daemonic_process(work) == ("optimal", (("m1", "mediation"),))


def test_repair_in_a_daemonic_process_moves_the_one_person_who_can_take_the_freed_seat():
    # given: only v2 can take v1's seat; the deadline fallback keeps everyone and leaves s1 open
    p = problem(
        [
            volunteer("v1", skills={"legal_advice": 3}),
            volunteer("v2", skills={"legal_advice": 3}),
            volunteer("v3", km=4),
        ],
        [shift("s1", skills={"legal_advice": 3}), shift("s2", start="10:00", end="11:00")],
    )
    published = solve(p, gap=0.0)
    plan = type(published)(**{**published.__dict__, "assignments": (("v1", "s1"), ("v2", "s2"))})

    # when
    def work():
        result = repair(p, plan, [("v1", None)])
        return result.status, result.assignments

    # then
    assert in_daemonic_process(work) == (Status.OPTIMAL, (("v2", "s1"), ("v3", "s2")))


def test_solve_decomposed_in_a_daemonic_process_solves_every_piece():
    # given: two areas, two pieces, each solved in the pool
    p = problem(
        [volunteer("v1", area="A"), volunteer("v2", km=2, area="B")],
        [shift("s1", area="A"), shift("s2", km=2, area="B")],
    )

    # when
    def work():
        solution = solve_decomposed(p, time_limit=30, piece_shifts=0)
        return solution.metrics["piece_statuses"], solution.assignments

    # then
    assert in_daemonic_process(work) == ({"optimal": 2}, (("v1", "s1"), ("v2", "s2")))


def _hangs_with_a_helper(conn):
    helper = subprocess.Popen(["sleep", "600"])  # like CBC: a program the solver started
    conn.send(("pids", (os.getpid(), helper.pid)))
    while True:
        time.sleep(1)


def test_the_deadline_kills_the_solver_and_its_helpers_from_a_daemonic_process():
    # when
    def work():
        messages, finished = run_with_deadline(_hangs_with_a_helper, (), time.monotonic() + 2.0)
        return messages, finished

    messages, finished = in_daemonic_process(work)
    # then
    assert not finished
    [(kind, (solver_pid, helper_pid))] = messages
    assert kind == "pids"
    assert gone(solver_pid)
    for _ in range(100):  # init reaps the orphaned helper when it gets to it
        if gone(helper_pid):
            break
        time.sleep(0.1)
    assert gone(helper_pid)


def _hangs_reporting_its_pid(conn):
    conn.send(("progress", {"pid": os.getpid()}))
    while True:
        time.sleep(1)


def test_the_solver_dies_with_a_caller_that_is_killed():
    # given: a daemonic caller (a prefork worker child) waiting on a solver with a far deadline
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    caller = ctx.Process(
        target=run_with_deadline,
        args=(_hangs_reporting_its_pid, (), time.monotonic() + 600),
        kwargs={"progress": lambda report: send.send(report["pid"])},
        daemon=True,
    )
    caller.start()
    send.close()  # EOFError rather than a hang if the caller dies without starting a solver
    solver_pid = receive.recv()
    # when: the worker child is killed, as Celery's master does at a hard time limit
    os.kill(caller.pid, signal.SIGKILL)
    caller.join()
    # then
    for _ in range(100):
        if gone(solver_pid):
            break
        time.sleep(0.1)
    assert gone(solver_pid)


def _hangs_or_fails(conn, pid_file, fails):
    if not fails:
        pid_file.write_text(str(os.getpid()))
        while True:
            time.sleep(1)
    while not pid_file.exists():  # fail only once the other job is running
        time.sleep(0.01)
    raise ValueError("no such piece")


def test_a_failing_job_raises_and_the_jobs_still_running_are_killed(tmp_path):
    # given: two jobs side by side, one that hangs and one that fails
    pid_file = tmp_path / "pid"
    jobs = [(pid_file, False), (pid_file, True)]

    # when
    def work():
        try:
            list(run_each(_hangs_or_fails, jobs, workers=2))
        except RuntimeError as exc:
            return str(exc)
        return "no error"

    # then
    assert in_daemonic_process(work) == "job 1 failed: ValueError: no such piece"
    assert gone(int(pid_file.read_text()))
