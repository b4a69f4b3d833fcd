"""Sending Celery tasks without failing the request when the broker is down.

Callers send from transaction.on_commit, so the row a task works on is committed before a worker looks for
it. If the broker cannot be reached (Redis restarting), the request still succeeds: its data is stored, the
failure is logged, and a sweeper on beat finds the work still pending and sends it again (every task is safe
to run twice).
"""
import logging

log = logging.getLogger(__name__)


def send_or_log(task, *args, **options) -> bool:
    """task.apply_async(args, **options); False, logged, when the broker cannot be reached."""
    try:
        task.apply_async(args, **options)
    except Exception as exc:  # the broker is unreachable: the task's sweeper sends it later
        log.warning("could not queue %s%s (%s: %s); it stays pending for its sweeper", task.name, args,
                    type(exc).__name__, exc)
        return False
    return True
