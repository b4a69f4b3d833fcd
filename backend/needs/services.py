"""Writes on needs: the status flow allows only the transitions the model lists; residents' rating (评单) of a
completed need; and telling owners about their overdue needs (限时办结)."""
import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import Conflict, IllegalTransition
from needs import selectors
from needs.models import Need
from notifications.models import Notification
from notifications.services import notification_send

log = logging.getLogger(__name__)

# Closest existing kind until notifications get a "need overdue" kind of their own.
OVERDUE_KIND = Notification.Kind.NEED_OVERDUE


class AlreadyRated(Conflict):
    """A need is rated once; a second rating would overwrite the resident's word."""

    code = "already_rated"


class NotRateable(Conflict):
    """Only a completed need can be rated."""

    code = "not_rateable"


@transaction.atomic
def need_transition(*, need: Need, status: str) -> Need:
    need = Need.objects.select_for_update().get(pk=need.pk)
    if not need.can_move_to(status):
        raise IllegalTransition(
            _("A need that is %(current)s cannot become %(new)s.")
            % {"current": need.get_status_display(), "new": Need.Status(status).label},
            fields={"status": [_("Allowed next: %s") % (", ".join(sorted(Need.TRANSITIONS[Need.Status(need.status)])) or "-")]},
        )
    now = timezone.now()
    need.status = status
    need.status_changed_at = now
    fields = ["status", "status_changed_at", "updated_at"]
    if status not in Need.OPEN and need.finished_at is None:
        need.finished_at = now
        fields.append("finished_at")
    need.save(update_fields=fields)
    return need


def need_rate(*, need: Need, score: int, comment: str = "", entered_by: User | None) -> Need:
    """Record the resident's rating of a completed need and move it to rated, in one transaction.

    The need's row lock orders two coordinators rating at once: the second finds the rating and is refused.
    """
    with transaction.atomic():
        locked = Need.objects.select_for_update().get(pk=need.pk)
        if locked.rating_score is not None:
            raise AlreadyRated(_("This need has already been rated."))
        if locked.status != Need.RATEABLE:
            raise NotRateable(
                _("Only a completed need can be rated; this one is %(current)s.") % {"current": locked.get_status_display()},
                fields={"status": [locked.status]},
            )
        locked = need_transition(need=locked, status=Need.Status.RATED)
        locked.rating_score, locked.rating_comment = score, comment
        locked.rated_by, locked.rated_at = entered_by, timezone.now()
        locked.save(update_fields=["rating_score", "rating_comment", "rated_by", "rated_at", "updated_at"])
    return locked


def need_notify_overdue(*, today: dt.date | None = None) -> dict:
    """Tell each overdue need's owner once (the event key is the need's: running twice sends nothing new)."""
    today = today or timezone.localdate()
    overdue, notified = 0, 0
    for need in selectors.need_list_overdue(today=today).filter(owner__isnull=False).select_related("community"):
        overdue += 1
        created = notification_send(
            recipients=[need.owner_id], kind=OVERDUE_KIND, event_key=f"need_overdue:need:{need.pk}",
            title=_("Need past its deadline: %(title)s") % {"title": need.title},
            body=_("The need \"%(title)s\" (%(community)s) was due on %(deadline)s and is still %(status)s.")
            % {"title": need.title, "community": need.community.name, "deadline": need.deadline.isoformat(),
               "status": need.get_status_display()},
            payload={"need": need.pk, "deadline": need.deadline.isoformat()},
        )
        notified += len(created)
    log.info("overdue needs: %d with an owner, %d owners notified now", overdue, notified)
    return {"overdue": overdue, "notified": notified}
