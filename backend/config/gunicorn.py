"""gunicorn's hooks for the web processes: `gunicorn -c config/gunicorn.py config.wsgi:application ...` (the image,
docker-compose.yml). They keep prometheus_client's multiprocess folder (PROMETHEUS_MULTIPROC_DIR) as its docs ask:
emptied when the server starts, before any process writes there, and a dead worker's live gauges dropped.
"""
import os
from pathlib import Path

from prometheus_client import multiprocess


def multiprocess_folder_reset(folder: str | None) -> list[str]:
    """Empty the folder the processes keep their counters in (created when missing); returns the files removed.

    Files of an earlier run would otherwise be summed with this run's, and their process ids may be reused."""
    if not folder:
        return []
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    removed = sorted(child.name for child in path.glob("*.db"))
    for name in removed:
        (path / name).unlink(missing_ok=True)
    return removed


def on_starting(server) -> None:
    removed = multiprocess_folder_reset(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))
    if removed:
        server.log.info("metrics: %d files of an earlier run removed from PROMETHEUS_MULTIPROC_DIR", len(removed))


def child_exit(server, worker) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)
