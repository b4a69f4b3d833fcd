"""The geography every record hangs on: district, sub-district (街道), community (社区), grid (网格), facilities."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import Located


class District(models.Model):
    class PostThirdLabel(models.TextChoices):
        """一编三定's third 定 differs by city: a post fixes its time (定时) or its target (定目标)."""

        TIME = "time", _("Fixed time (定时)")
        TARGET = "target", _("Fixed target (定目标)")

    name = models.CharField(_("name"), max_length=64, unique=True)
    city = models.CharField(_("city"), max_length=64)
    code = models.CharField(_("code"), max_length=16, unique=True)
    post_third_label = models.CharField(
        _("third label of posts"), max_length=8, choices=PostThirdLabel.choices, default=PostThirdLabel.TIME
    )

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class SubDistrict(models.Model):
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="sub_districts"
    )
    name = models.CharField(_("name"), max_length=64)
    code = models.CharField(_("code"), max_length=16, unique=True)

    class Meta:
        verbose_name = _("sub-district")
        verbose_name_plural = _("sub-districts")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["district", "name"], name="subdistrict_unique_name")]

    def __str__(self) -> str:
        return self.name


class Community(Located):
    sub_district = models.ForeignKey(
        SubDistrict, verbose_name=_("sub-district"), on_delete=models.PROTECT, related_name="communities"
    )
    name = models.CharField(_("name"), max_length=64)
    code = models.CharField(_("code"), max_length=16, unique=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    population = models.PositiveIntegerField(_("residents"), default=0)

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["sub_district", "name"], name="community_unique_name")]

    def __str__(self) -> str:
        return self.name


class Grid(models.Model):
    community = models.ForeignKey(
        Community, verbose_name=_("community"), on_delete=models.CASCADE, related_name="grids"
    )
    name = models.CharField(_("name"), max_length=64)
    code = models.CharField(_("code"), max_length=24, unique=True)

    class Meta:
        verbose_name = _("grid")
        verbose_name_plural = _("grids")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["community", "name"], name="grid_unique_name")]

    def __str__(self) -> str:
        return f"{self.community.name} {self.name}"


class Facility(models.Model):
    """One of the community's standard facilities (六室四站二栏一厅一场所)."""

    class Kind(models.TextChoices):
        ROOM = "room", _("Room")
        STATION = "station", _("Station")
        BOARD = "board", _("Notice board")
        HALL = "hall", _("Hall")
        SPORTS = "sports", _("Sports ground")

    community = models.ForeignKey(
        Community, verbose_name=_("community"), on_delete=models.CASCADE, related_name="facilities"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=64)
    capacity = models.PositiveIntegerField(_("capacity"), default=0)
    # Listed among the bookable resources (a venue the weekly matching may book), without entering it twice.
    bookable = models.BooleanField(
        _("bookable"), default=False, help_text=_("Listed as a bookable venue among the community's resources.")
    )

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["community_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["community", "name"], name="facility_unique_name"),
            # A notice board (栏) is read, not booked.
            models.CheckConstraint(name="facility_board_not_bookable", condition=~Q(kind="board", bookable=True)),
        ]

    def __str__(self) -> str:
        return f"{self.community.name} {self.name}"
