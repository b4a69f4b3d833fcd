from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("Volunteers")

    def ready(self):
        from people import openapi  # noqa: F401  (registers the schema extension of volunteer profiles)
