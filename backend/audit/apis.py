"""The audit history endpoint: who changed a plan, an assignment, a need, a resource or a record, what, when."""

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import generics, serializers

from audit import selectors
from audit.tracked import TRACKED
from core import permissions as permissions_

ACTIONS = {
    LogEntry.Action.CREATE: "create",
    LogEntry.Action.UPDATE: "update",
    LogEntry.Action.DELETE: "delete",
    LogEntry.Action.ACCESS: "access",
}


class CoordinatorsOnly(permissions_.CoordinatorsOnly):
    message = _("Only coordinators read the audit history.")


@extend_schema_serializer(component_name="AuditChange")
class ChangeOutputSerializer(serializers.Serializer):
    field = serializers.CharField(help_text=_("The field's name."))
    label = serializers.CharField(help_text=_("The field's name as the forms show it."))
    old = serializers.CharField(allow_null=True, help_text=_("Personal data is masked."))
    new = serializers.CharField(allow_null=True, help_text=_("Personal data is masked."))


@extend_schema_serializer(component_name="AuditEntry")
class EntryOutputSerializer(serializers.ModelSerializer):
    action = serializers.SerializerMethodField()
    actor_name = serializers.SerializerMethodField(help_text=_("The system when a background task made the change."))
    changes = serializers.SerializerMethodField()
    import_run = serializers.SerializerMethodField(help_text=_("The import run that made the change, if any."))

    class Meta:
        model = LogEntry
        fields = [
            "id",
            "timestamp",
            "action",
            "object_id",
            "object_repr",
            "actor",
            "actor_name",
            "changes",
            "import_run",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=sorted(ACTIONS.values())))
    def get_action(self, entry: LogEntry) -> str:
        return ACTIONS[entry.action]

    def get_actor_name(self, entry: LogEntry) -> str:
        if entry.actor is None:
            return str(_("System"))
        return entry.actor.display_name or entry.actor.username

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_import_run(self, entry: LogEntry) -> int | None:
        data = entry.additional_data
        found = data.get("import_run") if isinstance(data, dict) else None
        return found if isinstance(found, int) else None

    @extend_schema_field(ChangeOutputSerializer(many=True))
    def get_changes(self, entry: LogEntry) -> list[dict]:
        model = entry.content_type.model_class()
        rows = []
        for name, values in sorted((entry.changes_dict or {}).items()):
            old, new = values if isinstance(values, list) and len(values) == 2 else (None, None)
            try:
                label = str(model._meta.get_field(name).verbose_name)
            except (FieldDoesNotExist, AttributeError):
                label = name
            rows.append({"field": name, "label": label, "old": old, "new": new})
        return rows


class AuditEntryListApi(generics.ListAPIView):
    """The audit history of one kind of object (and one object): who changed what, old and new values, when.
    Coordinators read the history of objects in their scope, the administrator every history."""

    @extend_schema_serializer(component_name="AuditFilter")
    class FilterSerializer(serializers.Serializer):
        model = serializers.ChoiceField(choices=sorted(TRACKED), help_text=_("The kind of object."))
        object_id = serializers.IntegerField(required=False, min_value=1)
        actor = serializers.IntegerField(required=False, min_value=1, help_text=_("The user who made the changes."))
        import_run = serializers.IntegerField(
            required=False, min_value=1, help_text=_("Only the rows this import run created or changed.")
        )
        date_from = serializers.DateField(required=False)
        date_to = serializers.DateField(required=False)

        def validate(self, attrs):
            if "date_from" in attrs and "date_to" in attrs and attrs["date_to"] < attrs["date_from"]:
                raise serializers.ValidationError({"date_to": [_("The end of the range comes before its start.")]})
            return attrs

    permission_classes = [CoordinatorsOnly]
    serializer_class = EntryOutputSerializer
    filter_backends = []

    def get_queryset(self):
        filters = self.FilterSerializer(data=self.request.query_params.dict())
        filters.is_valid(raise_exception=True)
        return selectors.audit_entry_list(user=self.request.user, **filters.validated_data).select_related(
            "content_type"
        )

    @extend_schema(
        parameters=[FilterSerializer],
        responses={
            200: EntryOutputSerializer(many=True),
            400: OpenApiResponse(description="Unknown model or bad filter."),
            403: OpenApiResponse(description="Coordinators only."),
            404: OpenApiResponse(description="The object, or the import run, is not in your scope."),
        },
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
