"""服务菜单 (服务项目库): the standing services that teams and units offer, with their conditions; and which need each
order from the menu filed (an order from an offer becomes a need bound to it)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import TimeStamped
from needs.models import Need
from people.validators import validate_skill_levels


class ServiceOffer(TimeStamped):
    """A service a team (posts.Team) or a unit (orgs.Unit) stands ready to give, listed under the provider's
    community; ordering it files a need with the offer's title, category, type, skills and headcount."""

    community = models.ForeignKey(
        "geo.Community", verbose_name=_("community"), on_delete=models.PROTECT, related_name="offers"
    )
    team = models.ForeignKey(
        "posts.Team", verbose_name=_("team"), null=True, blank=True, on_delete=models.PROTECT, related_name="offers"
    )
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="offers"
    )
    title = models.CharField(_("title"), max_length=64)
    category = models.CharField(_("category"), max_length=16, choices=Need.Category.choices)
    type = models.CharField(_("type"), max_length=16, choices=Need.Type.choices, default=Need.Type.SERVICE)
    description = models.TextField(_("description"), blank=True)
    # 服务条件: who may order it and how (e.g. for elderly people living alone; three days ahead).
    conditions = models.TextField(_("conditions"), blank=True)
    # 服务时间, as the provider says it (e.g. every Saturday morning).
    schedule = models.CharField(_("when"), max_length=100, blank=True)
    required_skills = models.JSONField(
        _("required skills"), default=dict, blank=True, validators=[validate_skill_levels]
    )
    headcount = models.PositiveSmallIntegerField(
        _("headcount"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    # 接单上限: how many of its orders may be open at once (not yet done, rated or closed), for a provider that can
    # serve only so many; empty: no limit. At the limit the offer is full and takes no order until one is finished.
    open_orders_limit = models.PositiveSmallIntegerField(
        _("open orders at most"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    active = models.BooleanField(_("on the menu"), default=True)

    class Meta:
        verbose_name = _("service offer")
        verbose_name_plural = _("service menu")
        ordering = ["community_id", "title", "id"]
        constraints = [
            models.CheckConstraint(
                name="offer_one_provider",
                condition=Q(team__isnull=False, unit__isnull=True) | Q(team__isnull=True, unit__isnull=False),
            ),
            models.CheckConstraint(name="offer_headcount_valid", condition=Q(headcount__gte=1, headcount__lte=50)),
            models.CheckConstraint(
                name="offer_open_orders_limit_valid",
                condition=Q(open_orders_limit__isnull=True) | Q(open_orders_limit__gte=1),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def provider_name(self) -> str:
        """The team's or the unit's name (select_related them for a list)."""
        return self.team.name if self.team_id else self.unit.name  # type: ignore[union-attr]  # one of them: clean()

    def is_full(self, open_orders: int) -> bool:
        """Whether the offer, with this many of its orders open, takes no more (open_orders_limit)."""
        return self.open_orders_limit is not None and open_orders >= self.open_orders_limit

    def clean(self) -> None:
        """One provider, and the offer listed under its community (the admin's form; the API's serializer does the
        same)."""
        from django.core.exceptions import ValidationError

        if (self.team_id is None) == (self.unit_id is None):
            raise ValidationError({"team": _("Name the team or the unit that offers it, one of them.")})
        provider = self.team if self.team_id else self.unit
        assert provider is not None  # one of them, checked above
        self.community_id = provider.community_id


class OfferOrder(models.Model):
    """The need an order from the menu filed: the need follows its own flow; this keeps which offer it came from."""

    need = models.OneToOneField(
        "needs.Need", verbose_name=_("need"), on_delete=models.CASCADE, related_name="offer_order"
    )
    offer = models.ForeignKey(ServiceOffer, verbose_name=_("offer"), on_delete=models.PROTECT, related_name="orders")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("order from the menu")
        verbose_name_plural = _("orders from the menu")
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.offer_id} → {self.need_id}"
