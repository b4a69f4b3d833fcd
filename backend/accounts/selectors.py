"""Reads of API tokens: the token a request's key names."""
from accounts.models import ApiToken


def api_token_find(*, key: str) -> ApiToken | None:
    return ApiToken.objects.select_related("user").filter(digest=ApiToken.digest_of(key)).first()
