"""Abstract bases shared by the domain apps: timestamps and a geographic point; the id of a row given as either."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class Located(models.Model):
    """A point on the map (WGS84); distances are great-circle."""

    lat = models.FloatField(_("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)])
    lng = models.FloatField(_("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)])

    class Meta:
        abstract = True


def pk_of(row: models.Model | int | None) -> int | None:
    """The id of a row, for services that take a row or its id."""
    return row.pk if isinstance(row, models.Model) else row
