"""Writes of API tokens: made at sign-in, their use recorded (sliding the idle expiry), ended at logout.

The end of every credential on a change of password, role or active flag is the account's own (User.save).
"""
import datetime as dt
import secrets

from django.utils import timezone

from accounts.models import ApiToken, User

# A token's use slides its expiry, but is written at most this often: not a write on every request of a script.
API_TOKEN_TOUCH_INTERVAL = dt.timedelta(minutes=1)


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
