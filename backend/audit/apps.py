"""Audit history (who changed what, when) of plans, assignments, needs, resources, records and post holdings."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Audit history")

    def ready(self):
        # Registered here rather than in each app, so that the audited apps know nothing of their auditing.
        from audit.tracked import tracked_register

        tracked_register()
