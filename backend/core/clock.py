"""The one clock every part of the backend reads: `now()`. Normally Django's own `timezone.now`; when the setting
SIMULATED_CLOCK_FILE names a file (never in production), the time written there, so that a simulator can move the
time of every process at once (its own and the Celery workers') without sleeping through real weeks.

The file holds two ISO instants with their zones on one line: the simulated instant, and the real instant at which
it was set. Simulated time runs on with real time from there (heartbeats, deadlines and leases keep being measured
in real seconds), and the file is read again whenever it is replaced. `clock_set` writes it atomically.
"""

import datetime as dt
import os
import threading
from pathlib import Path

from django.utils import timezone

# Django's own, kept before `install` routes django.utils.timezone.now through `now`.
real_now = timezone.now

_path: Path | None = None
_lock = threading.Lock()
# (st_ino, st_mtime_ns, st_size) of the file last read, and what it said
_seen: tuple[int, int, int] | None = None
_offset = dt.timedelta(0)


class ClockFileError(RuntimeError):
    """The clock file is missing or does not hold two ISO instants with their zones."""


def _parse(text: str, path: Path) -> dt.timedelta:
    parts = text.split()
    try:
        simulated, set_at = (dt.datetime.fromisoformat(part) for part in parts)
    except ValueError as error:
        raise ClockFileError(f"{path}: expected '<simulated ISO instant> <real ISO instant>', got {text!r}") from error
    if simulated.tzinfo is None or set_at.tzinfo is None:
        raise ClockFileError(f"{path}: both instants need a zone, got {text!r}")
    return simulated - set_at


def _offset_now() -> dt.timedelta:
    """The simulated time's distance from real time, read again when the file has been replaced or rewritten."""
    global _seen, _offset
    try:
        stat = os.stat(_path)
    except FileNotFoundError as error:
        raise ClockFileError(f"the clock file {_path} (SIMULATED_CLOCK_FILE) does not exist") from error
    key = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    if key != _seen:
        with _lock:
            if key != _seen:
                _offset = _parse(_path.read_text(), _path)
                _seen = key
    return _offset


def now() -> dt.datetime:
    """The current instant (aware, UTC): the simulated one when a clock file is installed, otherwise the real one."""
    if _path is None:
        return real_now()
    return real_now() + _offset_now()


def install(path: str | os.PathLike | None) -> None:
    """Makes `now` read the clock file at `path` and routes django.utils.timezone.now through it, so that
    auto_now fields, timezone.localdate() and every timezone.now() call follow; None puts the real clock back."""
    global _path, _seen
    _path, _seen = (Path(path) if path else None), None
    if _path is not None:
        _offset_now()  # a missing or unreadable file stops the process as it starts, not at its first task
    timezone.now = now if _path is not None else real_now
    # fields declared with default=timezone.now hold the function itself, taken when their model was imported
    from django.apps import apps

    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.default in (real_now, now):
                field.default = timezone.now
                # Django caches the default's callable once a row of the model has been made: forget it
                field.__dict__.pop("_get_default", None)


def clock_set(path: str | os.PathLike, instant: dt.datetime) -> None:
    """Sets the clock of every process reading the file at `path` to `instant` (aware), from this real moment on."""
    if instant.tzinfo is None:
        raise ValueError("the simulated instant needs a zone")
    path = Path(path)
    draft = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    draft.write_text(f"{instant.isoformat()} {real_now().isoformat()}\n")
    os.replace(draft, path)  # a new inode: readers see the change even within one mtime tick
