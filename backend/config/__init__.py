"""Project configuration; exposes the Celery app so `@shared_task` binds to it.

The optimizer package `matching/` sits beside `backend/`; every entry point (manage.py, celery -A config,
gunicorn config.wsgi) imports this package first, so the repository root is made importable here once.
"""
import sys
from pathlib import Path

_REPO_DIR = str(Path(__file__).resolve().parents[2])
if _REPO_DIR not in sys.path:
    sys.path.append(_REPO_DIR)

from .celery import app as celery_app  # noqa: E402

__all__ = ("celery_app",)
