"""Project configuration; exposes the Celery app so `@shared_task` binds to it.

The optimizer `matching/` is an installed package (pyproject.toml; `make venv` and the image install it).
"""

from .celery import app as celery_app

__all__ = ("celery_app",)
