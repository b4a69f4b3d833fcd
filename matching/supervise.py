"""Supervision of the solver's child processes: a worker runs in a forked child in its own process group and
sends its messages up a pipe; the parent collects them until the child ends or the deadline passes, then kills
the whole group (HiGHS and CBC both overrun their own limits). A child dies with its parent.

Children are forked with `os.fork`, not started as `multiprocessing.Process`: multiprocessing refuses children to
a daemonic process, and the callers include Celery prefork worker children, which are daemonic. Its rule is there
so that no child outlives a terminated daemonic parent; these cannot: every call kills and reaps its children
before it returns, and each child dies with its parent (`_die_with_parent`).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing as mp
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, NoReturn

from .solution import Progress

log = logging.getLogger(__name__)


def _die_with_parent(parent_pid: int) -> None:
    """Have the kernel kill this child if its parent dies (Linux; elsewhere nothing happens).

    The parent kills the child at its deadline, but cannot if it is killed first (a Celery worker child
    terminated by its master): then the solver would run on, orphaned, until its own limit.
    """
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(1)


def _forget_parents_threads() -> None:
    """HiGHS keeps one pool of worker threads per process; a fork copies the pool's state but not its threads, so a
    child of a process that had used HiGHS waited for workers that do not exist (its MIP stalled until the deadline).
    The child drops the copied pool (without waiting for the threads that are not there) and HiGHS makes its own."""
    highspy = sys.modules.get("highspy")
    if highspy is not None:
        highspy.Highs.resetGlobalScheduler(False)


def _child_main(target: Callable[..., None], conn: Connection, parent_pid: int, args: tuple) -> NoReturn:
    """The forked child's whole life: run target(conn, *args), then exit without returning into the caller's code
    (its stack, its atexit handlers and its open files belong to the parent)."""
    code = 1
    try:
        os.setpgrp()  # own process group: the parent kills CBC's process together with this one
        _die_with_parent(parent_pid)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)  # solvers print banners; the package never prints
        _forget_parents_threads()
        try:
            target(conn, *args)
        except Exception as exc:  # reported to the parent, which falls back to the greedy plan
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        finally:
            conn.close()
        code = 0
    finally:
        os._exit(code)


class Child:
    """target(conn, *args) running in a forked child in a process group of its own; `conn` here is the end the
    parent reads its messages from."""

    def __init__(self, target: Callable[..., None], args: tuple):
        self.conn, send = mp.Pipe(duplex=False)
        parent_pid = os.getpid()
        pid = os.fork()
        if pid == 0:
            self.conn.close()
            _child_main(target, send, parent_pid, args)
        send.close()
        self.pid = pid
        self.exitcode: int | None = None
        with contextlib.suppress(OSError):  # the child does it too; here as well so that a kill at once reaches it
            os.setpgid(pid, pid)

    def alive(self) -> bool:
        if self.exitcode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped by someone else (SIGCHLD ignored): it has ended
                pid, status = self.pid, 0
            if pid:
                self.exitcode = os.waitstatus_to_exitcode(status)
        return self.exitcode is None

    def kill(self) -> None:
        """Kill the child's whole process group: the child and the programs it started (CBC)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, signal.SIGKILL)

    def close(self, grace: float = 1.0) -> None:
        """Reap the child, killing its group if it is still running after `grace` seconds."""
        until = time.monotonic() + grace
        while self.alive() and time.monotonic() < until:
            time.sleep(0.01)
        if self.exitcode is None:
            self.kill()
            with contextlib.suppress(ChildProcessError):
                self.exitcode = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        self.conn.close()


def notify_progress(progress: Callable[[Progress], None] | None, report: Progress) -> None:
    """Give a report to the caller's callback; its failures are logged and never stop a solve."""
    if progress is None:
        return
    try:
        progress(report)
    except Exception:
        log.exception("the progress callback failed; solving goes on")


def run_with_deadline(
    target, args: tuple, deadline: float, *, progress: Callable[[Progress], None] | None = None
) -> tuple[list[tuple[str, Any]], bool]:
    """Run target(conn, *args) in a forked child; collect its messages until it ends or the deadline passes.

    Returns (messages, finished). On the deadline the child's whole process group is killed. ("progress",
    payload) messages are not collected: each payload goes to `progress` as it arrives. Works from a
    daemonic caller (a Celery prefork worker child).
    """
    child = Child(target, args)
    messages: list[tuple[str, Any]] = []
    finished = False
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                if child.conn.poll(min(remaining, 0.5)):
                    message = child.conn.recv()
                    if message[0] == "progress":
                        notify_progress(progress, message[1])
                    else:
                        messages.append(message)
                elif not child.alive() and not child.conn.poll(0):
                    finished = True
                    break
            except (EOFError, OSError):
                finished = True
                break
    finally:  # also when the caller is interrupted: the child never outlives the call
        if not finished:
            log.warning("solver passed the deadline: killing process group %d", child.pid)
            child.kill()
        child.close()
    return messages, finished


def run_each(target: Callable[..., None], jobs: Sequence[tuple], *, workers: int) -> Iterator[tuple[int, Any]]:
    """target(conn, *job) for every job, each in a child of its own, `workers` at a time; yields (index of the job,
    payload) as each child sends its ("result", payload). Jobs reach the children by fork, unpickled.

    A child that fails or ends without a result raises RuntimeError naming its job; on that, or when the caller
    stops early, the children still running are killed. All are reaped before this ends.
    """
    waiting = list(enumerate(jobs))[::-1]
    running: list[tuple[int, Child]] = []
    try:
        while waiting or running:
            while waiting and len(running) < workers:
                i, job = waiting.pop()
                running.append((i, Child(target, job)))
            ready = wait([child.conn for _, child in running])
            for i, child in [entry for entry in running if entry[1].conn in ready]:
                running.remove((i, child))
                try:
                    kind, payload = child.conn.recv()
                except EOFError:
                    kind, payload = "failed", "it ended without a result"
                child.close()
                if kind != "result":
                    raise RuntimeError(f"job {i} failed: {payload}")
                yield i, payload
    finally:
        for _, child in running:
            child.kill()
            child.close()
