"""Sending Celery tasks without failing the request when the broker is down, and finding a task by its name.

Callers send from transaction.on_commit, so the row a task works on is committed before a worker looks for
it. If the broker cannot be reached (Redis restarting), the request still succeeds: its data is stored, the
failure is logged, and a sweeper on beat finds the work still pending and sends it again (every task is safe
to run twice). Services name the task they queue (`task_named("planning.run_matching")`) instead of importing
their tasks module, which imports them: the flow stays one-way, tasks → services.
"""

import logging

from celery import Task, current_app

log = logging.getLogger(__name__)


def task_named(name: str) -> Task:
    """The registered task called `name` (its `@shared_task(name=...)`). Queued through it, a task honours
    task_always_eager like any other, which `send_task` would not. A process that has not imported the tasks
    modules (the web server: Celery discovers them only in workers) imports them on the first look-up."""
    if name not in current_app.tasks:
        current_app.autodiscover_tasks(force=True)
    return current_app.tasks[name]


def send_or_log(task: Task, *args, **options) -> bool:
    """task.apply_async(args, **options); False, logged, when the broker cannot be reached."""
    try:
        task.apply_async(args, **options)
    except Exception as exc:  # the broker is unreachable: the task's sweeper sends it later
        log.warning(
            "could not queue %s%s (%s: %s); it stays pending for its sweeper", task.name, args, type(exc).__name__, exc
        )
        return False
    return True
