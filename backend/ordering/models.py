"""A resident's order (点单) as the resident follows it: the need it filed and the tracking number that finds it with
the phone it was confirmed from. The phone is kept as a keyed digest for the look-up only; the need holds the
requester's contact as every need does."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OrderTracking(models.Model):
    need = models.OneToOneField(
        "needs.Need", verbose_name=_("need"), on_delete=models.CASCADE, related_name="order_tracking"
    )
    # Short and unguessable (ordering.services.TRACKING_ALPHABET): read out over the phone, typed on a phone.
    tracking_no = models.CharField(_("tracking number"), max_length=16, unique=True)
    phone_digest = models.CharField(_("digest of the phone"), max_length=64)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("order tracking")
        verbose_name_plural = _("order trackings")

    def __str__(self) -> str:
        return self.tracking_no
