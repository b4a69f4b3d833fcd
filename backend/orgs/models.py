"""Units stationed in the district (驻区单位) and their yearly co-building agreements (共建协议)."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import Located, TimeStamped


class Unit(Located, TimeStamped):
    class Kind(models.TextChoices):
        AGENCY = "agency", _("Government agency")
        STATE_FIRM = "state_firm", _("State-owned enterprise")
        SCHOOL = "school", _("School")
        HOSPITAL = "hospital", _("Hospital")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=128, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    party_organisation = models.CharField(_("party organisation"), max_length=128, blank=True)
    community = models.ForeignKey(
        "geo.Community", verbose_name=_("located in community"), on_delete=models.PROTECT, related_name="units"
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=64, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Agreement(TimeStamped):
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="agreements")
    community = models.ForeignKey(
        "geo.Community", verbose_name=_("community"), on_delete=models.CASCADE, related_name="agreements"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])
    title = models.CharField(_("title"), max_length=128)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("co-building agreement")
        verbose_name_plural = _("co-building agreements")
        ordering = ["-year", "id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "community", "year"], name="agreement_one_per_year"),
            models.CheckConstraint(condition=models.Q(year__gte=2000), name="agreement_year_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.unit.name} - {self.community.name}"


class AgreementItem(models.Model):
    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="items"
    )
    description = models.CharField(_("description"), max_length=200)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        verbose_name = _("agreement item")
        verbose_name_plural = _("agreement items")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description
