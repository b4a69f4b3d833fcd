"""Reads of accounts: the API token a request's key names, the account a phone number names, open invitations."""

from django.utils import timezone

from accounts.models import ApiToken, Invitation, User, code_digest


def api_token_find(*, key: str) -> ApiToken | None:
    return ApiToken.objects.select_related("user").filter(digest=ApiToken.digest_of(key)).first()


def phone_taken(*, phone: str, except_user: int | None = None) -> bool:
    """Whether another active account holds this number (E.164) under the uniqueness rule."""
    holders = User.objects.filter(phone=phone, is_active=True, phone_problem="")
    if except_user is not None:
        holders = holders.exclude(pk=except_user)
    return bool(phone) and holders.exists()


def user_by_phone(*, phone: str) -> User | None:
    """The active account that holds the number (one at most: user_phone_unique_active)."""
    if not phone:
        return None
    return User.objects.filter(phone=phone, is_active=True, phone_problem="").first()


def invitation_open_by_token(*, token: str) -> Invitation | None:
    """The open invitation the link's token names (unused, not replaced, not expired)."""
    return _open_invitations().filter(token_digest=code_digest("invitation.token", token)).first()


def invitation_open_of(*, user: User) -> Invitation | None:
    return _open_invitations().filter(user=user).first()


def _open_invitations():
    return Invitation.objects.select_related("user").filter(
        used_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
        user__is_active=True,
    )
