"""Writes on volunteers: creating a profile creates the person's account and its invitation too; consents change
only by the volunteer's own act, each change kept with its time; coordinators verify or revoke a claimed skill
level; an in-office member reports (报到) to a community, and that community's coordinator confirms it. The
volunteer's preferred kinds of service and communities are part of the profile."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import services as accounts_services
from core.errors import ApplicationError
from people.models import ConsentChange, Skill, SkillVerification, Volunteer

User = get_user_model()
CONSENTS = tuple(ConsentChange.Consent.values)


class ConsentNotYours(ApplicationError):
    """Consent is the volunteer's own act: nobody else may give or withdraw it for them."""

    code = "consent_not_yours"


class SkillNotVerified(ApplicationError):
    """There is no verification of this skill to revoke."""

    code = "not_verified"


def volunteer_number_next() -> str:
    """The next internal number after the highest one given (ZY + 7 digits, so text order is number order)."""
    last = Volunteer.objects.filter(number__regex=r"^ZY[0-9]{7}$").aggregate(last=Max("number"))["last"]
    return f"ZY{int(last[2:]) + 1 if last else 1:07d}"


@transaction.atomic
def volunteer_create(*, phone: str = "", email: str = "", created_by=None, **fields) -> Volunteer:
    """A profile and its account (phone in E.164, free among active accounts), with the invitation that lets the
    person in: sent by SMS and e-mail once committed."""
    phone = accounts_services.phone_claim(phone=phone)
    number = volunteer_number_next()
    user = User(
        username=number, display_name=fields.get("name", ""), phone=phone, email=email, role=User.Role.VOLUNTEER
    )
    user.set_unusable_password()
    user.save()
    communities = fields.pop("preferred_communities", None)
    volunteer = Volunteer.objects.create(user=user, number=number, **fields)
    if communities:
        volunteer.preferred_communities.set(communities)
    accounts_services.invitation_issue(user=user, created_by=created_by)
    return volunteer


@transaction.atomic
def volunteer_update(
    *, volunteer: Volunteer, phone: str | None = None, email: str | None = None, changed_by=None, **fields
) -> Volunteer:
    """Change a profile; consents among the fields go through `volunteer_consent_set` (the volunteer's own)."""
    consents = {name: fields.pop(name) for name in CONSENTS if name in fields}
    communities = fields.pop("preferred_communities", None)
    if communities is not None:
        volunteer.preferred_communities.set(communities)
    if phone:
        phone = accounts_services.phone_claim(phone=phone, user=volunteer.user)
    for name, value in fields.items():
        setattr(volunteer, name, value)
    volunteer.save()
    if phone is not None or email is not None or "name" in fields:
        user = volunteer.user
        if phone is not None and phone != user.phone:
            user.phone, user.phone_problem, user.phone_confirmed_at = phone, "", None
        if email is not None:
            user.email = email
        user.display_name = volunteer.name
        user.save(update_fields=["phone", "phone_problem", "phone_confirmed_at", "email", "display_name"])
    if consents:
        volunteer_consent_set(volunteer=volunteer, changed_by=changed_by, **consents)
    return volunteer


@transaction.atomic
def volunteer_consent_set(*, volunteer: Volunteer, changed_by, **consents: bool) -> list[ConsentChange]:
    """Give or withdraw the volunteer's consents (`consent_rank_name`, `consent_share_with_unit`) as they ask on
    their own profile; each value that changes is recorded with its time. Anyone else is refused."""
    if changed_by is None or changed_by.pk != volunteer.user_id:
        raise ConsentNotYours(
            _("Only the volunteer can give or withdraw their consent, on their own profile."),
            fields={name: [_("Only the volunteer can change this, on their own profile.")] for name in consents},
        )
    now = timezone.now()
    changes = [
        ConsentChange(
            volunteer=volunteer,
            consent=name,
            old_value=getattr(volunteer, name),
            new_value=value,
            changed_at=now,
            changed_by=changed_by,
        )
        for name, value in consents.items()
        if getattr(volunteer, name) != value
    ]
    if changes:
        for change in changes:
            setattr(volunteer, change.consent, change.new_value)
        volunteer.save(update_fields=[change.consent for change in changes] + ["updated_at"])
        ConsentChange.objects.bulk_create(changes)
    return changes


@transaction.atomic
def skill_verify(*, volunteer: Volunteer, skill: Skill, level: int, note: str = "", verified_by) -> SkillVerification:
    """Record that a coordinator has checked the volunteer's level in a skill (a new check replaces the last)."""
    verification, _created = SkillVerification.objects.select_for_update().get_or_create(
        volunteer=volunteer,
        skill=skill,
        defaults={"level": level, "note": note, "verified_by": verified_by, "verified_at": timezone.now()},
    )
    if not _created:
        verification.level, verification.note = level, note
        verification.verified_by, verification.verified_at = verified_by, timezone.now()
        verification.save()
    return verification


@transaction.atomic
def skill_verification_revoke(*, volunteer: Volunteer, skill: Skill) -> None:
    """Withdraw a verification: the volunteer's level in that skill is a claim again."""
    verification = SkillVerification.objects.select_for_update().filter(volunteer=volunteer, skill=skill).first()
    if verification is None:
        raise SkillNotVerified(
            _("This skill of the volunteer is not verified."), fields={"skill": [_("Not verified.")]}
        )
    verification.delete()  # one by one (not a queryset delete) so that the audit trail records it


class NotInOffice(ApplicationError):
    """Reporting (报到) to a community is for in-office party members."""

    code = "not_in_office"


class NotReported(ApplicationError):
    """There is no report to confirm."""

    code = "not_reported"


@transaction.atomic
def volunteer_report(*, volunteer: Volunteer, community, reported_by, confirmed: bool) -> Volunteer:
    """An in-office member reports to the community where they live (by their own act, or a coordinator records
    it). `confirmed`: recorded by a coordinator of that community, so confirmed at once; otherwise the report waits
    for the community's confirmation."""
    if volunteer.kind != Volunteer.Kind.IN_OFFICE:
        raise NotInOffice(_("Only in-office party members report to a community."))
    now = timezone.now()
    volunteer.reported_community, volunteer.reported_at = community, timezone.localdate(now)
    confirms = confirmed and reported_by.pk != volunteer.user_id
    volunteer.report_confirmed_at = now if confirms else None
    volunteer.report_confirmed_by = reported_by if confirms else None
    volunteer.save(
        update_fields=["reported_community", "reported_at", "report_confirmed_at", "report_confirmed_by", "updated_at"]
    )
    return volunteer


@transaction.atomic
def volunteer_report_confirm(*, volunteer: Volunteer, confirmed_by) -> Volunteer:
    """The community reported to confirms the member's report."""
    if volunteer.reported_community_id is None:
        raise NotReported(_("The volunteer has not reported to a community."))
    volunteer.report_confirmed_at, volunteer.report_confirmed_by = timezone.now(), confirmed_by
    volunteer.save(update_fields=["report_confirmed_at", "report_confirmed_by", "updated_at"])
    return volunteer
