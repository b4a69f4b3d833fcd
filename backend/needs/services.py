"""Writes on needs: filing a need with its owner (首问, the coordinator who takes the order) and its default deadline
(限时办结); handing it over to a colleague; the status flow allows only the transitions the model lists; dispatching
needs (派单) by merging them into a project or turning one into dated shifts; who took a need (接单) and the taker's
service record once it is completed; residents' rating (评单) of a completed need; and telling owners about their
overdue needs."""

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import status as http

from accounts.models import User
from core.errors import ApplicationError, Conflict, IllegalTransition
from needs import selectors
from needs.models import Need, NeedDeadlineRule, NeedOwnership
from notifications.models import Notification
from notifications.services import notification_need_handed_over, notification_send
from orgs.models import Unit
from people.models import Volunteer
from posts.models import Team
from projects.models import Project
from records import selectors as records_selectors
from records.models import ServiceRecord
from records.services import record_approve, record_create_manual
from shifts.models import Shift
from shifts.services import shift_save

log = logging.getLogger(__name__)

# Closest existing kind until notifications get a "need overdue" kind of their own.
OVERDUE_KIND = Notification.Kind.NEED_OVERDUE


class AlreadyRated(Conflict):
    """A need is rated once; a second rating would overwrite the resident's word."""

    code = "already_rated"


class NotRateable(Conflict):
    """Only a completed need can be rated."""

    code = "not_rateable"


class NotDispatchable(Conflict):
    """Only a need still waiting for its service (pending or published) is merged into a project or turned into
    shifts."""

    code = "not_dispatchable"


class ShiftAlreadyExists(Conflict):
    """The need already has a shift at that date and time."""

    code = "shift_exists"


class OtherCommunity(ApplicationError):
    """A project binds the needs of its own community only."""

    code = "other_community"


class NotOwner(ApplicationError):
    """A need is handed over by its owner, or by a sub-district coordinator or administrator who oversees it."""

    code = "not_owner"
    status_code = http.HTTP_403_FORBIDDEN


class NotAColleague(ApplicationError):
    """A need is handed to an active coordinator whose scope covers its community, other than its owner."""

    code = "not_a_colleague"


class NotOpen(Conflict):
    """A finished need (completed, rated, closed) keeps the owner it was finished by."""

    code = "not_open"


class AlreadyTaken(Conflict):
    """A need has one taker (接单); somebody took this one first."""

    code = "already_taken"


class NotTakeable(Conflict):
    """A need is taken while it is published (or claimed without a taker yet); later it keeps its taker."""

    code = "not_takeable"


class MinutesNeeded(ApplicationError):
    """A volunteer's service time goes into their record: it is given at completion, or read from the need's window."""

    code = "minutes_needed"


# A pending need is approved (published) when a coordinator dispatches it; a published one stays published.
DISPATCHABLE = (Need.Status.PENDING, Need.Status.PUBLISHED)


def _lock_dispatchable(needs) -> list[Need]:
    locked = list(Need.objects.select_for_update().filter(pk__in=[need.pk for need in needs]).order_by("pk"))
    refused = [need for need in locked if need.status not in DISPATCHABLE]
    if refused:
        raise NotDispatchable(
            _("Only pending or published needs can be dispatched; %(titles)s cannot.")
            % {"titles": ", ".join(f"「{need.title}」({need.get_status_display()})" for need in refused)},
            fields={"needs": [str(need.pk) for need in refused]},
        )
    return locked


def _publish(need: Need) -> Need:
    return need_transition(need=need, status=Need.Status.PUBLISHED) if need.status == Need.Status.PENDING else need


@transaction.atomic
def need_merge_into_project(
    *, needs, user: User, project: Project | None = None, new_project: dict | None = None
) -> Project:
    """Bind the needs to an existing project of their community, or to a new one made from `new_project`
    (name, start_date, end_date, goals); pending needs are approved on the way. One transaction: all or none."""
    locked = _lock_dispatchable(needs)
    communities = {need.community_id for need in locked}
    if project is None:
        if len(communities) != 1:
            raise OtherCommunity(
                _("A project belongs to one community; these needs come from %(count)d.") % {"count": len(communities)},
                fields={"needs": [_("Choose needs of one community.")]},
            )
        if new_project is None:
            raise TypeError("need_merge_into_project takes a project or a new_project")
        project = Project.objects.create(
            community_id=communities.pop(), frequency=Project.Frequency.ONCE, **new_project
        )
    else:
        project = Project.objects.select_for_update().get(pk=project.pk)
        others = [need for need in locked if need.community_id != project.community_id]
        if others:
            raise OtherCommunity(
                _("The project belongs to another community than %(titles)s.")
                % {"titles": ", ".join(f"「{need.title}」" for need in others)},
                fields={"needs": [str(need.pk) for need in others]},
            )
    for need in locked:
        _publish(need)
    project.needs.add(*locked)
    log.info("user %s merged %d needs into project %s", user.pk, len(locked), project.pk)
    return project


@transaction.atomic
def need_to_shifts(
    *,
    need: Need,
    dates: list[dt.date],
    start_time: dt.time,
    end_time: dt.time,
    seats: int,
    user: User,
    required_skills: dict | None = None,
    address: str = "",
) -> list[Shift]:
    """Turn a need into one shift per date (a time, seats, skills; the need's urgency is the shift's priority);
    a pending need is approved on the way. A date and time the need already has a shift at is refused."""
    (need,) = _lock_dispatchable([need])
    community = need.community
    skills = need.required_skills if required_skills is None else required_skills
    # The week's generation names a need's own shift `need:<id>`: holding that key keeps it from adding another.
    own_key_free = not Shift.objects.filter(generation_key=f"need:{need.pk}").exists()
    shifts = []
    for day in sorted(set(dates)):
        start = timezone.make_aware(dt.datetime.combine(day, start_time))
        if Shift.objects.filter(need=need, start=start).exists():
            raise ShiftAlreadyExists(
                _("This need already has a shift on %(day)s at %(time)s.")
                % {"day": day.isoformat(), "time": start_time.strftime("%H:%M")},
                fields={"dates": [day.isoformat()]},
            )
        shift = shift_save(
            shift=None,
            resource_request=None,
            community=community,
            title=need.title,
            origin=Shift.Origin.NEED,
            need=need,
            start=start,
            end=timezone.make_aware(dt.datetime.combine(day, end_time)),
            seats=seats,
            priority=need.urgency,
            required_skills=skills,
            address=address,
            lat=community.lat,
            lng=community.lng,
            generation_key=f"need:{need.pk}" if own_key_free else f"need:{need.pk}:{start.isoformat()}",
        )
        own_key_free = False
        shifts.append(shift)
    _publish(need)
    log.info("user %s turned need %s into %d shifts", user.pk, need.pk, len(shifts))
    return shifts


@transaction.atomic
def need_create(*, user: User, **fields) -> Need:
    """File a need: the coordinator who takes the order owns it (首问) from now, and its deadline defaults from the
    district's table by category and urgency (限时办结) when none is given."""
    need = Need(**fields, owner=user)
    if need.deadline is None:
        need.deadline = selectors.need_deadline_default(
            category=need.category, urgency=need.urgency, filed_on=timezone.localdate()
        )
    need.save()
    NeedOwnership.objects.create(need=need, owner=user, since=need.created_at, assigned_by=user)
    return need


@transaction.atomic
def need_deadline_rules_set(*, rules: list[dict], user: User) -> None:
    """Set the days to finish of the named categories and urgencies (限时办结); needs filed from now follow them,
    needs already filed keep their deadlines."""
    for row in rules:
        NeedDeadlineRule.objects.update_or_create(
            category=row["category"], urgency=row["urgency"], defaults={"days": row["days"]}
        )
    log.info("user %s set %d deadline rules", user.pk, len(rules))


def _may_hand_over(user: User, need: Need) -> bool:
    # Its owner; or whoever oversees more than one community (the need is in their scope: the API found it there),
    # so that a need whose owner is away or gone can be given to somebody; or anyone in scope when it has no owner.
    return (
        need.owner_id is None
        or need.owner_id == user.pk
        or user.is_superuser
        or user.role in (User.Role.SUBDISTRICT, User.Role.ADMIN)
    )


def need_hand_over(*, need: Need, to_user_id: int, reason: str, user: User) -> Need:
    """Hand the need over to a colleague whose scope covers its community (首问责任 moves with a reason); the new
    owner's row goes into the need's owner history. The row lock orders two hand-overs at once."""
    with transaction.atomic():
        locked = Need.objects.select_for_update(of=("self",)).select_related("community").get(pk=need.pk)
        if locked.status not in Need.OPEN:
            raise NotOpen(
                _("Only an open need can be handed over; this one is %(current)s.")
                % {"current": locked.get_status_display()},
                fields={"status": [locked.status]},
            )
        if not _may_hand_over(user, locked):
            raise NotOwner(_("Only the need's owner, or a coordinator overseeing it, can hand it over."))
        to_user = selectors.need_owner_candidates(community=locked.community).filter(pk=to_user_id).first()
        if to_user is None or to_user.pk == locked.owner_id:
            message = (
                _("This colleague already owns the need.")
                if to_user is not None
                else _("Choose an active coordinator whose scope covers %(community)s.")
                % {"community": locked.community.name}
            )
            raise NotAColleague(message, fields={"to_user": [message]})
        before = locked.owner_id
        if before is not None and not locked.ownerships.exists():
            NeedOwnership.since_filed(locked).save()  # the owner it had before its history began
        locked.owner = to_user
        locked.save(update_fields=["owner", "updated_at"])
        NeedOwnership.objects.create(
            need=locked, owner=to_user, since=locked.updated_at, assigned_by=user, reason=reason
        )
        notification_need_handed_over(need=locked, by=user, reason=reason)
    log.info("user %s handed need %s over from user %s to user %s", user.pk, locked.pk, before, to_user.pk)
    return locked


@transaction.atomic
def need_transition(*, need: Need, status: str) -> Need:
    need = Need.objects.select_for_update().get(pk=need.pk)
    if not need.can_move_to(status):
        raise IllegalTransition(
            _("A need that is %(current)s cannot become %(new)s.")
            % {"current": need.get_status_display(), "new": Need.Status(status).label},
            fields={
                "status": [
                    _("Allowed next: %s") % (", ".join(sorted(Need.TRANSITIONS[Need.Status(need.status)])) or "-")
                ]
            },
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


TAKEABLE = (Need.Status.PUBLISHED, Need.Status.CLAIMED)


def need_take(
    *,
    need: Need,
    user: User,
    volunteer: Volunteer | None = None,
    team: Team | None = None,
    unit: Unit | None = None,
    now: dt.datetime | None = None,
) -> Need:
    """Record who took the need (接单): exactly one of a volunteer, a team or a unit; a published need becomes claimed.
    The row lock orders two takers at once: the first takes it, the second is refused."""
    if [volunteer, team, unit].count(None) != 2:
        raise TypeError("need_take takes exactly one of volunteer, team and unit")
    with transaction.atomic():
        locked = Need.objects.select_for_update(of=("self",)).get(pk=need.pk)
        if locked.taken_by_volunteer_id or locked.taken_by_team_id or locked.taken_by_unit_id:
            raise AlreadyTaken(_("This need has already been taken."))
        if locked.status not in TAKEABLE:
            raise NotTakeable(
                _("Only a published need can be taken; this one is %(current)s.")
                % {"current": locked.get_status_display()},
                fields={"status": [locked.status]},
            )
        if locked.status == Need.Status.PUBLISHED:
            locked = need_transition(need=locked, status=Need.Status.CLAIMED)
        locked.taken_by_volunteer, locked.taken_by_team, locked.taken_by_unit = volunteer, team, unit
        locked.taken_at = now or timezone.now()
        # one save: the audit history has one entry with the taker and the time
        locked.save(update_fields=["taken_by_volunteer", "taken_by_team", "taken_by_unit", "taken_at", "updated_at"])
    log.info(
        "user %s recorded need %s taken by volunteer %s, team %s, unit %s",
        user.pk,
        locked.pk,
        getattr(volunteer, "pk", None),
        getattr(team, "pk", None),
        getattr(unit, "pk", None),
    )
    return locked


def _window_minutes(need: Need) -> int | None:
    if need.wanted_start is None or need.wanted_end is None:
        return None
    minutes = int((need.wanted_end - need.wanted_start).total_seconds() // 60)
    return minutes if 0 < minutes <= 24 * 60 else None


def need_complete(*, need: Need, user: User, minutes: int | None = None) -> tuple[Need, ServiceRecord | None]:
    """Complete a need in service; a volunteer who took it gets its service time in their records, as a shift's
    attendance would (`minutes`, else the need's wanted window). Filed and approved by the completing coordinator
    when the volunteer is in their scope; otherwise filed as the volunteer's own entry, for their community to
    review. One transaction: no completion without its record."""
    with transaction.atomic():
        locked = (
            Need.objects.select_for_update(of=("self",))
            .select_related("community", "taken_by_volunteer")
            .get(pk=need.pk)
        )
        volunteer = locked.taken_by_volunteer
        served = minutes if minutes is not None else _window_minutes(locked)
        if volunteer is not None and locked.can_move_to(Need.Status.COMPLETED) and served is None:
            message = _("Say how many minutes the volunteer served.")
            raise MinutesNeeded(message, fields={"minutes": [message]})
        locked = need_transition(need=locked, status=Need.Status.COMPLETED)
        if volunteer is None or served is None:
            return locked, None
        return locked, _record_taker_service(locked, volunteer=volunteer, user=user, minutes=served)


def _record_taker_service(need: Need, *, volunteer: Volunteer, user: User, minutes: int) -> ServiceRecord:
    def file_as(filer: User) -> ServiceRecord:
        return record_create_manual(
            user=filer,
            volunteer_id=volunteer.pk,
            date=timezone.localdate(),
            title=need.title,
            minutes=minutes,
            evidence=_("Need %(id)s (%(title)s) completed, confirmed by %(by)s.")
            % {"id": need.pk, "title": need.title, "by": user.display_name or user.username},
            place=need.community.name,
            recipient=need.requester_name,
            content=need.description or need.title,
        )

    if records_selectors.volunteer_in_scope(user=user, volunteer_id=volunteer.pk) is not None:
        record = file_as(user)
        return record_approve(user=user, record_id=record.pk, note=_("The need it served was completed."))
    return file_as(volunteer.user)


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
                _("Only a completed need can be rated; this one is %(current)s.")
                % {"current": locked.get_status_display()},
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
        if need.owner_id is None or need.deadline is None:  # never: an overdue need with an owner, as filtered
            continue
        overdue += 1
        created = notification_send(
            recipients=[need.owner_id],
            kind=OVERDUE_KIND,
            event_key=f"need_overdue:need:{need.pk}",
            title=_("Need past its deadline: %(title)s") % {"title": need.title},
            body=_('The need "%(title)s" (%(community)s) was due on %(deadline)s and is still %(status)s.')
            % {
                "title": need.title,
                "community": need.community.name,
                "deadline": need.deadline.isoformat(),
                "status": need.get_status_display(),
            },
            payload={"need": need.pk, "deadline": need.deadline.isoformat()},
        )
        notified += len(created)
    log.info("overdue needs: %d with an owner, %d owners notified now", overdue, notified)
    return {"overdue": overdue, "notified": notified}
