from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Weekly planning")

    def ready(self):
        from core.metrics import register_collector
        from planning.metrics import matching_runs_collect

        register_collector(matching_runs_collect)
