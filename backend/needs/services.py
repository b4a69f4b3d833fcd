"""Writes on needs: the status flow allows only the transitions the model lists."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import IllegalTransition
from needs.models import Need


@transaction.atomic
def need_transition(*, need: Need, status: str) -> Need:
    need = Need.objects.select_for_update().get(pk=need.pk)
    if not need.can_move_to(status):
        raise IllegalTransition(
            _("A need that is %(current)s cannot become %(new)s.")
            % {"current": need.get_status_display(), "new": Need.Status(status).label},
            fields={"status": [_("Allowed next: %s") % (", ".join(sorted(Need.TRANSITIONS[Need.Status(need.status)])) or "-")]},
        )
    need.status = status
    need.status_changed_at = timezone.now()
    need.save(update_fields=["status", "status_changed_at", "updated_at"])
    return need
