"""Writes of accounts: API tokens (made at sign-in, their use recorded, ended at logout); accounts made by the
administrator (role and scope), disabled, enabled and reset; invitations (issued for every account made by hand
or by import, re-sent, accepted); one-time SMS codes for signing in, for a new password and for a resident's order
(点单, no account), limited per number and per address.

The end of every credential on a change of password, role or active flag is the account's own (User.save).
Codes and link tokens are random, stored as keyed digests (accounts.models.code_digest) and never logged.
"""

import datetime as dt
import secrets
import uuid

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import delivery, selectors
from accounts.models import ApiToken, Invitation, PhoneCode, User, code_digest
from core.errors import ApplicationError
from core.phones import phone_normalize
from core.scoping import Role

# A token's use slides its expiry, but is written at most this often: not a write on every request of a script.
API_TOKEN_TOUCH_INTERVAL = dt.timedelta(minutes=1)
CODE_DIGITS = 6
# The fields of each role's scope: the one it needs is required, the others are cleared.
SCOPE_FIELDS = {Role.SUBDISTRICT: "sub_district", Role.COMMUNITY: "community", Role.UNIT: "unit"}


class PhoneTaken(ApplicationError):
    """Another active account has this phone number: the number signs in, so it names one account."""

    code = "phone_taken"


class InvitationInvalid(ApplicationError):
    """The invitation is unknown, used, replaced by a newer one or expired."""

    code = "invitation_invalid"
    rollback = False  # keep the count of wrong codes


class CodeWrong(ApplicationError):
    """The one-time code does not match, has expired or was used."""

    code = "wrong_code"
    rollback = False  # keep the count of wrong codes


class TooManyCodes(ApplicationError):
    """Too many codes were asked for this number or from this address within the window."""

    code = "too_many_codes"
    status_code = 429


class NotActivated(ApplicationError):
    """The account has not been activated from its invitation: it has no password to reset yet."""

    code = "not_activated"


# -- API tokens ----------------------------------------------------------------------------------------------


def api_token_create(*, user: User) -> str:
    """A new token for the account (the key, shown only now); the account's expired tokens are cleared away."""
    now = timezone.now()
    expired = [token.pk for token in user.api_tokens.all() if token.expires_at() <= now]
    ApiToken.objects.filter(pk__in=expired).delete()
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, digest=ApiToken.digest_of(key), last_used_at=now)
    return key


def api_token_touch(*, token: ApiToken, now: dt.datetime) -> None:
    if now - token.last_used_at >= API_TOKEN_TOUCH_INTERVAL:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def api_token_delete(*, token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk).delete()


# -- accounts ------------------------------------------------------------------------------------------------


def phone_claim(*, phone: str, user: User | None = None) -> str:
    """The number in its stored form (E.164; the API's fields give it so already, the shell and the admin may
    not), refused when another active account holds it."""
    try:
        phone = phone_normalize(phone)
    except DjangoValidationError as exc:
        raise ApplicationError(exc.messages[0], fields={"phone": exc.messages}) from None
    if selectors.phone_taken(phone=phone, except_user=getattr(user, "pk", None)):
        raise PhoneTaken(
            _("Another active account has this phone number."),
            fields={"phone": [_("Another active account has this phone number.")]},
        )
    return phone


def _scope_set(user: User, role: str, scope: dict) -> None:
    user.role = role
    for field_role, name in SCOPE_FIELDS.items():
        setattr(user, name, scope.get(name) if field_role == role else None)


@transaction.atomic
def user_create(
    *,
    role: str,
    display_name: str,
    phone: str = "",
    email: str = "",
    username: str = "",
    created_by: User | None = None,
    **scope,
) -> User:
    """A coordinator's or unit representative's account, made by the administrator: no password until the person
    opens the invitation sent now."""
    phone = phone_claim(phone=phone)
    user = User(username=username or f"u{uuid.uuid4().hex[:12]}", display_name=display_name, phone=phone, email=email)
    _scope_set(user, role, scope)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    invitation_issue(user=user, created_by=created_by)
    return user


@transaction.atomic
def user_update(*, user: User, **fields) -> User:
    """Change an account's name, phone, e-mail, role or scope (a new role or scope ends its credentials)."""
    if "phone" in fields:
        fields["phone"] = phone_claim(phone=fields["phone"], user=user)
        if fields["phone"] != user.phone:
            user.phone_problem, user.phone_confirmed_at = "", None
    role = fields.pop("role", user.role)
    scope = {name: fields.pop(name) if name in fields else getattr(user, name) for name in SCOPE_FIELDS.values()}
    for name, value in fields.items():
        setattr(user, name, value)
    _scope_set(user, role, scope)
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def user_active_set(*, user: User, active: bool) -> User:
    """Disable an account (every credential ends, its open invitation too) or enable it again."""
    if active and user.phone and not user.phone_problem:
        phone_claim(phone=user.phone, user=user)
    user.is_active = active
    user.save()
    if not active:
        Invitation.objects.filter(user=user, used_at__isnull=True, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    return user


@transaction.atomic
def user_login_reset(*, user: User, reset_by: User | None = None) -> Invitation:
    """The account's password stops working (every credential ends) and a new invitation goes out: the person
    sets a new password from it."""
    user.set_unusable_password()
    user.activated_at = None
    user.save()
    return invitation_issue(user=user, created_by=reset_by)


# -- invitations ---------------------------------------------------------------------------------------------


def _code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def invitation_link(token: str) -> str:
    return f"{settings.INVITATION_URL}{token}"


@transaction.atomic
def invitation_issue(*, user: User, created_by: User | None = None, send: bool = True) -> Invitation:
    """A new invitation for the account (any open one stops working), sent by SMS and e-mail after commit
    (accounts.delivery) unless `send` is False (the printed sheet carries the link instead). The token is on the
    returned row as `token` (never stored)."""
    now = timezone.now()
    for old in Invitation.objects.select_for_update().filter(user=user, used_at__isnull=True, revoked_at__isnull=True):
        old.revoked_at = now
        old.save(update_fields=["revoked_at"])
    token, code = secrets.token_urlsafe(24), _code()
    invitation = Invitation.objects.create(
        user=user,
        token_digest=code_digest("invitation.token", token),
        code_digest=code_digest("invitation.code", code),
        created_at=now,
        expires_at=now + dt.timedelta(days=settings.INVITATION_DAYS),
        created_by=created_by,
    )
    invitation.token = token
    if send:  # written with the invitation, sent once it commits
        delivery.invitation_deliver(
            user=user, link=invitation_link(token), code=code, event_key=f"invitation:{invitation.pk}"
        )
    return invitation


def invitation_by_code(*, phone: str, code: str) -> Invitation:
    """The open invitation of the account that holds the number, if the code is its code; wrong codes count, and
    after PHONE_CODE_MAX_ATTEMPTS of them the invitation stops working (a new one must be sent)."""
    user = selectors.user_by_phone(phone=phone)
    invitation = selectors.invitation_open_of(user=user) if user is not None else None
    refused = InvitationInvalid(
        _("The phone number and code do not match an open invitation."), fields={"code": [_("Wrong or expired code.")]}
    )
    if invitation is None:
        raise refused
    if not secrets.compare_digest(invitation.code_digest, code_digest("invitation.code", code)):
        Invitation.objects.filter(pk=invitation.pk).update(failed_attempts=F("failed_attempts") + 1)
        if invitation.failed_attempts + 1 >= settings.PHONE_CODE_MAX_ATTEMPTS:
            Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())
        raise refused
    return invitation


def _password_check(password: str, user: User) -> None:
    try:
        password_validation.validate_password(password, user)
    except DjangoValidationError as exc:
        raise ApplicationError(_("Choose a stronger password."), fields={"password": exc.messages}) from None


@transaction.atomic
def invitation_accept(*, invitation: Invitation, password: str, phone: str, privacy_accepted: bool) -> User:
    """The person opens their invitation: their own password (Django's validators), their phone confirmed (the
    number the invitation went to, or a first one), the privacy notice accepted (version and time recorded)."""
    invitation = Invitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
    user = invitation.user
    if invitation.used_at is not None or invitation.revoked_at is not None:
        raise InvitationInvalid(_("This invitation has been used or replaced; ask your community for a new one."))
    errors = {}
    if not privacy_accepted:
        errors["privacy_accepted"] = [_("Accept the privacy notice to use your account.")]
    if user.phone and phone != user.phone:
        errors["phone"] = [_("This is not the phone number of the invitation.")]
    if errors:
        raise ApplicationError(_("Check the marked fields."), fields=errors)
    if not user.phone:
        user.phone = phone_claim(phone=phone, user=user)
    _password_check(password, user)
    now = timezone.now()
    user.set_password(password)
    user.activated_at = user.phone_confirmed_at = user.privacy_accepted_at = now
    user.privacy_version = settings.PRIVACY_NOTICE_VERSION
    user.save()
    invitation.used_at = now
    invitation.save(update_fields=["used_at"])
    return user


# -- one-time SMS codes --------------------------------------------------------------------------------------


def _limit(rows, limit: int, now: dt.datetime, window: dt.timedelta) -> int | None:
    """Seconds until the oldest of `limit` rows in the window leaves it, or None while under the limit."""
    times = list(
        rows.filter(created_at__gt=now - window).order_by("-created_at").values_list("created_at", flat=True)[:limit]
    )
    if len(times) < limit:
        return None
    return max(1, int((times[-1] + window - now).total_seconds()) + 1)


@transaction.atomic
def phone_code_request(*, phone: str, purpose: str, ip: str | None) -> None:
    """Send a one-time code to the number, if an active account holds it (the answer is the same either way, so
    nobody learns which numbers have accounts) or the purpose needs none (PhoneCode.WITHOUT_ACCOUNT); at most
    PHONE_CODE_PER_PHONE per number and PHONE_CODE_PER_IP per address in the window, whatever the purpose, else
    TooManyCodes with the seconds to wait."""
    now = timezone.now()
    window = dt.timedelta(minutes=settings.PHONE_CODE_WINDOW_MINUTES)
    waits = [
        _limit(PhoneCode.objects.filter(phone=phone), settings.PHONE_CODE_PER_PHONE, now, window),
        _limit(PhoneCode.objects.filter(ip=ip), settings.PHONE_CODE_PER_IP, now, window) if ip else None,
    ]
    wait = max((w for w in waits if w is not None), default=None)
    if wait is not None:
        raise TooManyCodes(
            ngettext(
                "Too many codes asked for; try again in %(seconds)d second.",
                "Too many codes asked for; try again in %(seconds)d seconds.",
                wait,
            )
            % {"seconds": wait},
            retry_after=wait,
        )
    user = selectors.user_by_phone(phone=phone)
    if purpose == PhoneCode.Purpose.RESET and user is not None and not user.has_usable_password():
        user = None  # nothing to reset: the invitation sets the first password
    if purpose in PhoneCode.WITHOUT_ACCOUNT:
        user = None  # the code proves the number only; it names no account
    sent = user is not None or purpose in PhoneCode.WITHOUT_ACCOUNT
    code = _code() if sent else ""
    row = PhoneCode.objects.create(
        phone=phone,
        purpose=purpose,
        user=user,
        ip=ip,
        created_at=now,
        code_digest=code_digest(f"phone_code.{purpose}", code) if code else "",
        expires_at=now + dt.timedelta(minutes=settings.PHONE_CODE_MINUTES),
    )
    if sent:  # written with the code's row, sent once it commits
        delivery.phone_code_deliver(
            user=user, phone=phone, purpose=purpose, code=code, event_key=f"phone_code:{row.pk}"
        )


def _phone_code_take(*, phone: str, purpose: str, code: str, with_account: bool) -> PhoneCode | None:
    """The number's newest open code of the purpose, used up now if `code` is it; else None. Each wrong code counts
    against that newest open code, which stops working after PHONE_CODE_MAX_ATTEMPTS."""
    now = timezone.now()
    row = (
        PhoneCode.objects.select_related("user")
        .filter(
            phone=phone,
            purpose=purpose,
            used_at__isnull=True,
            expires_at__gt=now,
            user__isnull=not with_account,
            failed_attempts__lt=settings.PHONE_CODE_MAX_ATTEMPTS,
        )
        .order_by("-created_at")
        .first()
    )
    if row is None:
        return None
    if not secrets.compare_digest(row.code_digest, code_digest(f"phone_code.{purpose}", code)):
        PhoneCode.objects.filter(pk=row.pk).update(failed_attempts=F("failed_attempts") + 1)
        return None
    if PhoneCode.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=now) != 1:
        return None  # used by a concurrent request
    return row


def phone_code_use(*, phone: str, purpose: str, code: str) -> User | None:
    """The account the code signs in (the code is used up), or None: no open code of that number matches."""
    row = _phone_code_take(phone=phone, purpose=purpose, code=code, with_account=True)
    user = row.user if row is not None else None  # not null: filtered
    return user if user is not None and user.is_active else None


def phone_code_confirm(*, phone: str, purpose: str, code: str) -> bool:
    """Whether the code is the open one sent to the number for a purpose without an account (used up if so), for a
    caller who only proves they hold the number (PhoneCode.WITHOUT_ACCOUNT)."""
    if purpose not in PhoneCode.WITHOUT_ACCOUNT:
        raise ValueError(f"phone code purpose {purpose!r} names an account: use phone_code_use")
    return _phone_code_take(phone=phone, purpose=purpose, code=code, with_account=False) is not None


def password_reset_by_code(*, phone: str, code: str, password: str) -> User:
    """A new password for the account of the number, proven by the code sent to it. Not atomic of its own: a
    wrong code's count must outlive the refusal (CodeWrong keeps the request's transaction); a refused password
    rolls the request back, so the code may be tried again with a better one."""
    user = phone_code_use(phone=phone, purpose=PhoneCode.Purpose.RESET, code=code)
    if user is None:
        raise CodeWrong(
            _("The code is wrong or has expired; ask for a new one."), fields={"code": [_("Wrong or expired code.")]}
        )
    _password_check(password, user)
    user.set_password(password)
    user.save()
    return user
