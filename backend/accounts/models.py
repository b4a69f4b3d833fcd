"""User accounts: one per person, with the role and the scope (sub-district, community or unit) it acts in."""
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class User(AbstractUser):
    class Role(models.TextChoices):
        ADMIN = "admin", _("District administrator")
        SUBDISTRICT = "subdistrict_coordinator", _("Sub-district coordinator")
        COMMUNITY = "community_coordinator", _("Community coordinator")
        UNIT = "unit_representative", _("Unit representative")
        VOLUNTEER = "volunteer", _("Volunteer")

    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.VOLUNTEER)
    display_name = models.CharField(pgettext_lazy("person", "name"), max_length=64, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    sub_district = models.ForeignKey(
        "geo.SubDistrict", verbose_name=_("sub-district"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="coordinators",
    )
    community = models.ForeignKey(
        "geo.Community", verbose_name=_("community"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="coordinators",
    )
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="representatives",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # A coordinator or unit representative without their scope could see nothing, or worse, everything.
            models.CheckConstraint(
                name="user_role_has_scope",
                condition=~Q(role="subdistrict_coordinator", sub_district__isnull=True)
                & ~Q(role="community_coordinator", community__isnull=True)
                & ~Q(role="unit_representative", unit__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def is_coordinator(self) -> bool:
        return self.role in (self.Role.ADMIN, self.Role.SUBDISTRICT, self.Role.COMMUNITY)
