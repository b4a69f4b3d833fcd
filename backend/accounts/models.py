"""User accounts: one per person, with the role and the scope (sub-district, community or unit) it acts in, and
the API tokens scripts sign in with. A change of password, role or active flag ends every credential of the
account: its sessions, its tokens and its calendar feed (User.save)."""

import datetime as dt
import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.phones import validate_phone
from core.scoping import Role


class PhoneProblem(models.TextChoices):
    NONE = "", _("none")
    INVALID = "invalid", _("not a mainland mobile number")
    DUPLICATE = "duplicate", _("another active account has it")


class User(AbstractUser):
    Role = Role  # its home is core.scoping, whose scopes are written in roles

    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.VOLUNTEER)
    display_name = models.CharField(pgettext_lazy("person", "name"), max_length=64, blank=True)
    # E.164 (+8613812345678, core.phones), one per active account: the login by SMS code finds the account by it.
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone])
    # Numbers stored before phones were checked (migration 0004) that are no mobile number, or that another active
    # account holds: kept as they were, out of the uniqueness rule, until somebody corrects them.
    phone_problem = models.CharField(_("phone problem"), max_length=16, choices=PhoneProblem.choices, blank=True)
    # Set when the person opens their invitation: a password of their own, the phone confirmed, the privacy
    # notice accepted (its version and time).
    activated_at = models.DateTimeField(_("activated at"), null=True, blank=True)
    phone_confirmed_at = models.DateTimeField(_("phone confirmed at"), null=True, blank=True)
    privacy_version = models.CharField(_("privacy notice version"), max_length=32, blank=True)
    privacy_accepted_at = models.DateTimeField(_("privacy notice accepted at"), null=True, blank=True)
    sub_district = models.ForeignKey(
        "geo.SubDistrict",
        verbose_name=_("sub-district"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="coordinators",
    )
    community = models.ForeignKey(
        "geo.Community",
        verbose_name=_("community"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="coordinators",
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="representatives",
    )
    # Raised by every change that ends the account's credentials (User.save). Sessions carry it in their auth hash
    # and calendar tokens record the value they were made under, so neither outlives a change, nor comes back
    # when a role or the active flag is set back.
    credentials_version = models.PositiveIntegerField(_("credentials version"), default=0, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # A coordinator or unit representative without their scope could see nothing, or worse, everything.
            models.CheckConstraint(
                name="user_role_has_scope",
                condition=~Q(role="subdistrict_coordinator", sub_district__isnull=True)
                & ~Q(role="community_coordinator", community__isnull=True)
                & ~Q(role="unit_representative", unit__isnull=True),
            ),
            # The login by SMS code and the invitation by phone find one account per number.
            models.UniqueConstraint(
                fields=["phone"],
                name="user_phone_unique_active",
                condition=Q(is_active=True, phone_problem="") & ~Q(phone=""),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def is_coordinator(self) -> bool:
        return self.role in (self.Role.ADMIN, self.Role.SUBDISTRICT, self.Role.COMMUNITY)

    def save(self, *args, **kwargs):
        # Here rather than in a view or a signal receiver, so that every path that saves an account ends its
        # credentials: the admin's forms, Django's password views, `changepassword`, services, the shell.
        ends_credentials = self._ends_credentials(kwargs.get("update_fields"))
        if ends_credentials:
            self.credentials_version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "credentials_version"}
        super().save(*args, **kwargs)
        if ends_credentials:
            self.api_tokens.all().delete()

    def _ends_credentials(self, update_fields) -> bool:
        """Whether this save changes the password, the role or the active flag of a stored account.

        A password change is a call of set_password (Django's own sign: the sign-in that rehashes a password with
        a newer hasher clears it before saving the same password again) or a password made unusable.
        """
        if self._state.adding:
            return False
        if self._password is not None:  # type: ignore[attr-defined]  # AbstractBaseUser's; missing from its stubs
            return True
        watched = {"password", "role", "is_active"}
        if update_fields is not None and not watched.intersection(update_fields):
            return False
        stored = type(self)._base_manager.filter(pk=self.pk).values(*watched).first()
        if stored is None:
            return False
        return (
            stored["role"] != self.role
            or stored["is_active"] != self.is_active
            or (not self.has_usable_password() and stored["password"] != self.password)
        )

    def _get_session_auth_hash(self, secret=None):
        # Django's hash of the password, with the credentials version: a session ends with any change that ends
        # the account's credentials, not only with a password change. (The one method behind both
        # get_session_auth_hash and the SECRET_KEY_FALLBACKS hashes.)
        return salted_hmac(
            "accounts.User.get_session_auth_hash",
            f"{self.password}:{self.credentials_version}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


class ApiToken(models.Model):
    """A script's key to the API (`Authorization: Token …`, accounts.authentication).

    Only a digest of the key is stored; the key is shown once, when made. A token ends at logout, when idle
    longer than API_TOKEN_IDLE_DAYS, when older than API_TOKEN_MAX_AGE_DAYS, and with its account's credentials.
    """

    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(_("digest of the key"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"))

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"API token of {self.user_id}"

    @staticmethod
    def digest_of(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    def expires_at(self) -> dt.datetime:
        return min(
            self.last_used_at + dt.timedelta(days=settings.API_TOKEN_IDLE_DAYS),
            self.created_at + dt.timedelta(days=settings.API_TOKEN_MAX_AGE_DAYS),
        )


def code_digest(purpose: str, value: str) -> str:
    """A keyed digest of a one-time code or link token: a stolen table does not give the codes back, and a
    six-digit code cannot be found by hashing every code without the key."""
    return salted_hmac(f"accounts.{purpose}", value, algorithm="sha256").hexdigest()


class Invitation(models.Model):
    """A person's way in to an account made for them: a link token and a short code (both stored as digests),
    until it expires, is used, or is replaced by a new one (re-sending; the printed sheet re-issues too)."""

    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="invitations")
    token_digest = models.CharField(_("digest of the link token"), max_length=64, unique=True)
    code_digest = models.CharField(_("digest of the code"), max_length=64)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    created_by = models.ForeignKey(
        User, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    failed_attempts = models.PositiveSmallIntegerField(_("wrong codes"), default=0)
    # The link token in clear, on the object invitation_create returns only (never stored).
    token: str

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            # Re-sending revokes the old one first: a person has at most one invitation that still opens.
            models.UniqueConstraint(
                fields=["user"],
                name="invitation_one_open_per_user",
                condition=Q(used_at__isnull=True, revoked_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"invitation of {self.user_id}"


class PhoneCode(models.Model):
    """A one-time code sent by SMS to sign in, to set a new password or to confirm a resident's order (点单); its
    digest only. The rows also count the codes asked for per phone and per address, whatever their purpose
    (accounts.services.phone_code_request)."""

    class Purpose(models.TextChoices):
        LOGIN = "login", _("sign in")
        RESET = "reset", _("password reset")
        ORDER = "order", _("resident order")

    # Purposes that prove only that the caller holds the number, for people without an account (a resident's order,
    # ordering.services): every number gets its code.
    WITHOUT_ACCOUNT = frozenset({Purpose.ORDER})

    phone = models.CharField(_("phone"), max_length=20, db_index=True)
    purpose = models.CharField(_("purpose"), max_length=8, choices=Purpose.choices)
    user = models.ForeignKey(
        User, verbose_name=_("user"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    code_digest = models.CharField(_("digest of the code"), max_length=64, blank=True)
    ip = models.GenericIPAddressField(_("address"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(_("wrong codes"), default=0)

    class Meta:
        verbose_name = _("phone code")
        verbose_name_plural = _("phone codes")

    def __str__(self) -> str:
        return f"{self.purpose} code {self.pk}"
