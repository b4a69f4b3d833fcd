"""Reads of accounts: the API token a request's key names, the account a phone number names, open invitations."""

from django.db import connections, router
from django.utils import timezone

from accounts.models import ApiToken, Invitation, User, code_digest


class _TokenQuery:
    """The token, its account and the account's volunteer (or none) in one query whose SQL and value converters are
    made once per process and database: compiling the ORM's query for every request took most of what a
    token-authenticated request pays before its view. The rows are turned into models as the ORM's select_related
    turns them (the same converters, `from_db`, the relations cached both ways)."""

    def __init__(self, alias: str):
        connection = connections[alias]
        q = connection.ops.quote_name
        self.alias = alias
        self.volunteer = User.volunteer.related  # people.Volunteer.user, seen from the account (no import of people)
        volunteer_model = self.volunteer.related_model
        self.parts = [(model, list(model._meta.concrete_fields)) for model in (ApiToken, User, volunteer_model)]
        columns = []
        self.converters = []
        for (model, fields), table in zip(self.parts, ("t", "u", "v"), strict=True):
            for field in fields:
                columns.append(f"{table}.{q(str(field.column))}")
                col = field.get_col(model._meta.db_table)
                converters = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
                self.converters.append((col, converters))
        user_pk, volunteer_table = q(str(User._meta.pk.column)), q(volunteer_model._meta.db_table)
        token_user = q(str(ApiToken._meta.get_field("user").column))
        volunteer_user = q(str(self.volunteer.field.column))
        digest = q(str(ApiToken._meta.get_field("digest").column))
        self.sql = (
            f"SELECT {', '.join(columns)} FROM {q(ApiToken._meta.db_table)} t"
            f" INNER JOIN {q(User._meta.db_table)} u ON u.{user_pk} = t.{token_user}"
            f" LEFT OUTER JOIN {volunteer_table} v ON v.{volunteer_user} = u.{user_pk}"
            f" WHERE t.{digest} = %s"
        )

    def run(self, digest: str) -> ApiToken | None:
        connection = connections[self.alias]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, [digest])
            row = cursor.fetchone()
        if row is None:
            return None
        values = []
        for value, (col, converters) in zip(row, self.converters, strict=True):
            for converter in converters:
                value = converter(value, col, connection)
            values.append(value)
        instances, start = [], 0
        for model, fields in self.parts:
            chunk = values[start : start + len(fields)]
            start += len(fields)
            instances.append(model.from_db(self.alias, [f.attname for f in fields], chunk) if chunk[0] else None)
        token, user, volunteer = instances
        assert isinstance(token, ApiToken) and user is not None  # the joins are inner: both exist
        ApiToken.user.field.set_cached_value(token, user)
        self.volunteer.set_cached_value(user, volunteer)  # None: the account has no volunteer, known without a query
        if volunteer is not None:
            self.volunteer.field.set_cached_value(volunteer, user)
        return token


_token_queries: dict[str, _TokenQuery] = {}


def api_token_find(*, key: str) -> ApiToken | None:
    """The token the key names, with its account and the account's volunteer (None when none), in one query."""
    alias = router.db_for_read(ApiToken)
    if alias not in _token_queries:
        _token_queries[alias] = _TokenQuery(alias)
    return _token_queries[alias].run(ApiToken.digest_of(key))


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
