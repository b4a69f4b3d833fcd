"""prometheus_client's multiprocess folders (PROMETHEUS_MULTIPROC_DIR), kept as its docs ask: emptied when a service
starts, before any of its processes writes there, and a dead process's live gauges dropped.

Each service has a folder of its own (docker-compose.yml: the web server's, the workers'). The files are named by
process id, and ids of processes in different containers repeat: two services sharing one folder would write the
same file. /metrics reads its own folder and those of METRICS_READ_DIRS (core.metrics). No Django here: gunicorn's
hooks import this before Django is set up.
"""

import os
from pathlib import Path

from prometheus_client import multiprocess


def own_folder() -> str | None:
    """This service's folder (PROMETHEUS_MULTIPROC_DIR, read by prometheus_client itself too); None without one."""
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


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


def service_starts() -> list[str]:
    """This service's folder emptied (see multiprocess_folder_reset), when it has one."""
    return multiprocess_folder_reset(own_folder())


def process_ended(pid: int) -> None:
    """A process of this service ended: its live gauges are dropped, its counters kept."""
    if own_folder():
        multiprocess.mark_process_dead(pid)


def files_of(folders: list[str]) -> list[str]:
    """The counters' files in these folders (a missing folder has none)."""
    return sorted(str(path) for folder in folders if folder for path in Path(folder).glob("*.db"))
