"""The heartbeat of a working run: a thread that keeps `heartbeat` fresh while the worker builds, solves and saves
(the reaper and a redelivered task judge a run silent after three missed beats), and moves the progress along the
solver's time limit. Used by a matching run's execution (planning.services) and by each piece of a fanned-out solve
(planning.fanout)."""

from __future__ import annotations

import logging
import threading
import time

from django.db import connection
from django.utils import timezone

from runs.models import Run

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 5.0


class Heartbeat:
    """Keeps the heartbeat of a working run fresh while this thread builds, solves and saves, and moves the
    progress along the solver's time limit while it solves (the solver reports nothing until it returns).

    Writes from its own thread (and database connection); skipped inside an open transaction (tests in a
    transaction), where another connection could neither see the run nor write without waiting on it.
    """

    def __init__(self, run: Run, *, low: int = 25, high: int = 85):
        self.run, self.low, self.high = run, low, high
        self.solving_since: float | None = None
        self.solving_status = ""
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None

    def solving(self) -> None:
        """The run has just moved into the status in which it solves: the progress follows the time limit now."""
        self.solving_since, self.solving_status = time.monotonic(), self.run.status

    def __enter__(self):
        if not connection.in_atomic_block:
            self.thread = threading.Thread(target=self._beat, name=f"heartbeat-run-{self.run.pk}", daemon=True)
            self.thread.start()
        return self

    def _beat(self) -> None:
        from django.db import connection as own

        model = type(self.run)
        runs = model._default_manager.filter(pk=self.run.pk)
        try:
            while not self.stop.wait(HEARTBEAT_SECONDS):
                runs.filter(status__in=model.WORKING).update(heartbeat=timezone.now())
                if self.solving_since is not None:
                    share = min(1.0, (time.monotonic() - self.solving_since) / max(self.run.time_limit, 0.001))
                    progress = int(self.low + (self.high - self.low) * share)
                    runs.filter(status=self.solving_status).update(progress=progress)
        except Exception:  # a missed heartbeat is the reaper's business, never the run's
            log.exception("heartbeat of run %s failed", self.run.pk)
        finally:
            own.close()

    def __exit__(self, *exc):
        self.stop.set()
        if self.thread is not None:
            self.thread.join(timeout=30)
        return False
