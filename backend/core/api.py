"""The base API view for the domain's entities: scoped querysets, role checks, and one place for writes.

Every entity is a list/detail/create/update/delete resource with the same permission rules, so they share
this viewset instead of five API classes each (STYLE.md's one-class-per-action shape); domain actions
(status changes, generation) are explicit @action methods that call services.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions, relations, serializers, viewsets

from core.related import register_scope
from core.scoping import Scope, scope_queryset

SAFE_ACTIONS = frozenset({"list", "retrieve", "metadata"})


class RolePermission(permissions.BasePermission):
    """Writes only for the roles the view's scope names; reads for anyone signed in (rows are scoped)."""

    message = _("Your role may not change this.")

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if request.method in permissions.SAFE_METHODS:
            return True
        user = request.user
        return user.is_superuser or user.role in view.get_write_roles()


class ScopedViewSet(viewsets.ModelViewSet):
    scope: Scope = Scope()
    permission_classes = [RolePermission]
    # Roles that may create (defaults to the scope's writers; e.g. volunteers edit but do not create profiles).
    create_roles: frozenset | None = None
    delete_roles: frozenset | None = None

    # What a client may read here is also what it may name in any other entity's related fields; False for a
    # view that is not the model's one home (the administrator's accounts: fields naming a person keep theirs).
    registers_related_scope = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("queryset") is not None and cls.registers_related_scope:
            register_scope(cls.queryset.model, cls.scope)

    def get_write_roles(self) -> frozenset:
        if self.action == "create" and self.create_roles is not None:
            return self.create_roles
        if self.action == "destroy" and self.delete_roles is not None:
            return self.delete_roles
        return self.scope.write

    def base_queryset(self):
        return self.queryset.all()

    def get_queryset(self):
        write = self.request.method not in permissions.SAFE_METHODS
        return scope_queryset(self.base_queryset(), self.request.user, self.scope, write=write)

    def perform_destroy(self, instance):
        with transaction.atomic():
            instance.delete()


class ScopedRelatedMixin:
    """The fields in `scoped_fields` name only rows the caller may write, so nobody files into another scope,
    through a single field or a list of ids (every related field already names only rows the caller may see:
    core.related, through core.serializers.ModelSerializer).

    `scoped_fields = {"community": (Community.objects, Scope(community="self"))}`
    """

    scoped_fields: dict = {}

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is None:
            return fields
        for name, (queryset, scope) in self.scoped_fields.items():
            field = fields.get(name)
            if field is None or field.read_only:
                continue
            if isinstance(field, relations.ManyRelatedField):
                field = field.child_relation
            field.queryset = scope_queryset(queryset.all(), request.user, scope, write=True)
        return fields


class ModelCleanMixin:
    """Runs the model's field validators (skills catalogue, weekdays) so input errors name the field."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        from django.core.exceptions import ValidationError as DjangoValidationError

        model = self.Meta.model
        errors = {}
        for name, value in attrs.items():
            try:
                field = model._meta.get_field(name)
            except Exception:
                continue
            if getattr(field, "many_to_many", False) or getattr(field, "is_relation", False):
                continue
            try:
                for validator in field.validators:
                    validator(value)
            except DjangoValidationError as exc:
                errors[name] = exc.messages
        if errors:
            raise serializers.ValidationError(errors)
        return attrs
