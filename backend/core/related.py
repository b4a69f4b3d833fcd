"""Related objects named in input: a client may name only rows it may see, through any field, single or many.

Each entity's API registers the scope of its rows (`ScopedViewSet` does it for its model). Every related field
of every serializer is a `ScopedRelatedField` (by id or by code), which looks ids up only among the rows the caller may
see: an id outside their scope "does not exist" (400 naming the field), as a GET of it is a 404. A model
nobody registered offers nothing but to the administrator, so a new relation fails closed.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, QuerySet
from rest_framework import serializers

from core.scoping import Scope, scope_queryset

_VISIBLE: dict[type[Model], Scope] = {}


def register_scope(model: type[Model], scope: Scope) -> None:
    """Who sees which rows of `model`; one scope per model, so that every field naming it agrees."""
    known = _VISIBLE.get(model)
    if known is not None and known != scope:
        raise ImproperlyConfigured(f"{model.__name__} is registered with two scopes: {known} and {scope}")
    _VISIBLE[model] = scope


def registered_scope(model: type[Model]) -> Scope | None:
    return _VISIBLE.get(model)


def visible_rows(queryset: QuerySet, user) -> QuerySet:
    """The rows of `queryset` that `user` may read."""
    scope = _VISIBLE.get(queryset.model)
    if scope is None:
        administrator = user.is_authenticated and (user.is_superuser or user.role == user.Role.ADMIN)
        return queryset if administrator else queryset.none()
    return scope_queryset(queryset, user, scope, write=False)


class ScopedRelatedField(serializers.RelatedField):
    """A related field that must name a row the caller may see (and, within it, the field's own queryset).

    Without a request in the context (the server's own use of a serializer) the field's queryset is used as is.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        request = self.context.get("request")
        if queryset is None or request is None:
            return queryset
        return visible_rows(queryset, request.user)


class ScopedPrimaryKeyRelatedField(ScopedRelatedField, serializers.PrimaryKeyRelatedField):
    """A row named by its id."""


class ScopedSlugRelatedField(ScopedRelatedField, serializers.SlugRelatedField):
    """A row named by a unique code (a skill by its code)."""
