"""Which models keep an audit history, how (fields left out, personal fields masked), and which of their
rows a coordinator may read the history of. Imported once the apps are loaded (audit.apps, audit.selectors).

The admin reads every history; a coordinator reads the history of rows their scope holds now (the same rules
as the rows themselves, core.scoping and the planning's run scope), so a deleted row's history is the admin's.

Bulk writes: auditlog sees save() and delete(), not QuerySet.update() or bulk_create(). The planning worker's
status moves of a run and its bulk_create of the plan, and the post holdings that publishing an allocation
activates, ends and creates, are recorded by audit.services.audit_record_change at the run level (one entry with
the counts), called from planning.services and allocation.services. Recorded per row: a run's creation (by its
coordinator), the plan's publication (by the publisher), every edit in the review (assignments added, pinned,
removed), volunteers' answers and the rows a backfill adds. The reapers' requeue or failure of a silent run is recorded
the same way (no actor: the beat did it), with the message the run shows. An import run's bulk writes are recorded per
row, by chunk (audit.services.audit_record_change_bulk, called from transfer.services): each volunteer, account, unit
and resource it made or changed, by its uploader, with the run's id.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models import Q

from accounts.models import Invitation, User
from allocation.models import AllocationPublication, AllocationRun
from attendance.models import Attendance
from core.scoping import COORDINATORS, Scope, scope_filter
from geo.models import District
from needs.models import Need
from offers.models import ServiceOffer
from orgs.models import Unit
from people.models import Blackout, SkillVerification, Volunteer
from planning.models import Assignment, MatchingRun, Publication, ResourceBooking
from posts.models import Post, PostHolding, Team
from records.models import PointsRule, ServiceRecord
from reports.models import ExportJob
from resources.models import Resource, ResourceSlot
from runs.selectors import run_scope
from shifts.models import Shift
from transfer.models import ImportRun
from volunteering.models import AssignmentResponse

Visible = Callable[[User], Q | None]  # the rows whose history the user reads; None: every row


def in_scope(scope: Scope) -> Visible:
    return lambda user: scope_filter(user, scope, write=False)


def own(path: str) -> Visible:
    """Rows the user made (`path` names the user), read by the administrator whoever made them."""
    return lambda user: None if user.is_superuser or user.role == User.Role.ADMIN else Q(**{path: user})


def of_run(path: str, runs: type[models.Model]) -> Visible:
    """Rows of a run the user sees (every kind of run shares one scope rule, runs.selectors.run_scope)."""

    def visible(user: User) -> Q | None:
        condition = run_scope(user)
        return None if condition is None else Q(**{f"{path}__in": runs._default_manager.filter(condition).values("pk")})

    return visible


@dataclass(frozen=True)
class Tracked:
    model: type[models.Model]
    visible: Visible
    exclude: tuple[str, ...] = ()
    mask: tuple[str, ...] = ()  # personal data: masked in the history itself (audit.masks)
    m2m: tuple[str, ...] = ()  # many-to-many fields whose additions and removals are entries too


# Stamped on every save: noise in a history.
EVERY_SAVE = ("created_at", "updated_at")

# The `model` filter of GET /api/audit/ names these keys.
TRACKED: dict[str, Tracked] = {
    "need": Tracked(Need, in_scope(Scope(community="community")), mask=("requester_name", "requester_phone")),
    "resource": Tracked(Resource, in_scope(Scope(community="community"))),
    # 驻区单位, read by every coordinator as the units themselves are (orgs.apis); the contact person's name and phone
    # masked.
    "unit": Tracked(
        Unit, in_scope(Scope(community="community", read_all=COORDINATORS)), mask=("contact_name", "contact_phone")
    ),
    # The service menu: offers added, changed, taken off the menu (an order from one is the need's own history).
    "service_offer": Tracked(ServiceOffer, in_scope(Scope(community="community"))),
    "resource_slot": Tracked(ResourceSlot, in_scope(Scope(community="resource__community"))),
    # Check-ins and check-outs, and what a coordinator's roster changed (times, absences) with the reason, which may
    # be about health, so masked; the nightly no-shows are a bulk write and have no entry.
    "attendance": Tracked(Attendance, in_scope(Scope(community="shift__community")), mask=("note",)),
    "service_record": Tracked(ServiceRecord, in_scope(Scope(community="community")), mask=("recipient",)),
    # The worker's progress reports (heartbeat, stage, progress, solver figures) are not changes anybody made.
    "matching_run": Tracked(
        MatchingRun, of_run("pk", MatchingRun), exclude=("heartbeat", "stage", "progress", "gap", "stats", "metrics")
    ),
    "publication": Tracked(Publication, of_run("run", MatchingRun)),
    "assignment": Tracked(Assignment, of_run("run", MatchingRun)),
    # A coordinator's pin or swap of a booking in the review (the solver's bookings are the run's bulk write).
    "resource_booking": Tracked(ResourceBooking, of_run("run", MatchingRun)),
    "assignment_response": Tracked(AssignmentResponse, of_run("assignment__run", MatchingRun), mask=("reason",)),
    "allocation_run": Tracked(
        AllocationRun, of_run("pk", AllocationRun), exclude=("heartbeat", "stage", "progress", "stats")
    ),
    "allocation_publication": Tracked(AllocationPublication, of_run("run", AllocationRun)),
    # 一编三定: groups and teams (who joins or leaves one), posts with their duties and schedules, and the holdings.
    "team": Tracked(Team, in_scope(Scope(community="community")), m2m=("members",)),
    "post": Tracked(Post, in_scope(Scope(community="community"))),
    "post_holding": Tracked(PostHolding, in_scope(Scope(community="post__community"))),
    # District-wide settings the administrators change on screen, read by every coordinator: the label of posts'
    # third 定 and the points table (党员积分).
    "district": Tracked(District, in_scope(Scope(community=None, read_all=COORDINATORS))),
    "points_rule": Tracked(PointsRule, in_scope(Scope(community=None, read_all=COORDINATORS))),
    # Edits and cancellations by coordinators; a generation's bulk creation is recorded per shift (shifts.services).
    "shift": Tracked(Shift, in_scope(Scope(community="community"))),
    # Who verified or revoked a volunteer's skill level, and when (the row itself keeps only the latest check).
    "skill_verification": Tracked(SkillVerification, in_scope(Scope(community="volunteer__home_community"))),
    # Accounts: made, changed (role, scope, contact), disabled, enabled, reset; never the password or a digest.
    "user": Tracked(
        User,
        in_scope(Scope(community="volunteer__home_community")),
        exclude=("password", "last_login", "credentials_version"),
        mask=("phone", "email", "display_name"),
    ),
    # A volunteer's absences, filed by themself or their coordinator; the reason may be about health, so masked.
    "blackout": Tracked(Blackout, in_scope(Scope(community="volunteer__home_community")), mask=("reason",)),
    "volunteer": Tracked(
        Volunteer, in_scope(Scope(community="home_community")), exclude=("lat", "lng"), mask=("name",)
    ),
    # An import: its upload, confirmation and end with the counts written (run_finish). Each row it created or changed
    # (volunteers and their accounts, units, resources) has its own entry too, written in bulk by chunk
    # (transfer.services), by the uploader, with the run's id (the `import_run` filter of GET /api/audit/). The
    # file's contents stay out of the run's own entries: the preview and the problems quote cells, which may hold
    # phones and names.
    "import_run": Tracked(
        ImportRun,
        of_run("pk", ImportRun),
        exclude=(
            "heartbeat",
            "stage",
            "progress",
            "rows_done",
            "preview",
            "problems",
            "headers",
            "created_users",
            "file",
        ),
    ),
    # An export: who asked for which rows (kind, format, filters), its end with the rows written (run_finish), its
    # failure or the reaper's requeue. Its requester's own, as the export itself is.
    "export_job": Tracked(ExportJob, own("created_by"), exclude=("heartbeat", "stage", "progress", "rows_done")),
    # Issued, replaced (re-sent, printed) and used; the digests of the token and code stay out.
    "invitation": Tracked(
        Invitation,
        in_scope(Scope(community="user__volunteer__home_community")),
        exclude=("token_digest", "code_digest", "failed_attempts"),
    ),
}


def tracked_register() -> None:
    from auditlog.registry import auditlog

    for tracked in TRACKED.values():
        # Reverse relations (a run's assignments, ...) are other rows with histories of their own; auditlog would
        # write them into a creation entry as "planning.Assignment.None".
        reverse = [
            field.name for field in tracked.model._meta.get_fields() if field.auto_created and not field.concrete
        ]
        auditlog.register(
            tracked.model,
            exclude_fields=[*EVERY_SAVE, *tracked.exclude, *reverse],
            mask_fields=list(tracked.mask),
            m2m_fields=set(tracked.m2m),
        )
