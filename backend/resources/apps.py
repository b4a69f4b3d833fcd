from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resources")

    def ready(self):
        # A facility saved anywhere (its API, the admin) keeps its listing in step; geo knows nothing of resources.
        from django.db.models.signals import post_save

        from geo.models import Facility
        from resources.services import resource_sync_facility

        def facility_saved(sender, instance, raw=False, **kwargs):
            if not raw:  # fixtures load rows as they are
                resource_sync_facility(facility=instance)

        post_save.connect(facility_saved, sender=Facility, dispatch_uid="resources_facility_listing", weak=False)
