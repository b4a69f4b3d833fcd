import importlib.util
import sys
from pathlib import Path

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

REPO_DIR = Path(__file__).resolve().parents[2]   # holds backend/ and matching/


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Weekly planning")

    def ready(self) -> None:
        # The optimizer package sits beside backend/. Docker sets PYTHONPATH=/app and pytest names the
        # repository root; `manage.py` and `celery -A config` run from backend/ do not, so add it here.
        if importlib.util.find_spec("matching") is None:
            sys.path.append(str(REPO_DIR))
