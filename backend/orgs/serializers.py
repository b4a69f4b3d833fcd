"""Input and output shapes of units and co-building agreements."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.masking import mask_phone
from core.scoping import Role, Scope
from core.serializers import DomainSerializer, LineField, ModelSerializer
from geo.models import Community
from orgs.models import Agreement, AgreementItem, Unit


class UnitSerializer(DomainSerializer):
    """A unit's place and kind are kept by the coordinators of its community and the administrator; its
    representative edits only the contact details and the description (REPRESENTATIVE_FIELDS)."""

    REPRESENTATIVE_FIELDS = frozenset({"contact_name", "contact_phone", "description"})

    community_name = serializers.CharField(source="community.name", read_only=True)
    contact_phone = LineField(max_length=20, required=False, allow_blank=True)
    scoped_fields = {"community": (Community.objects, Scope(community="self"))}

    class Meta:
        model = Unit
        fields = [
            "id",
            "name",
            "kind",
            "party_organisation",
            "community",
            "community_name",
            "address",
            "lat",
            "lng",
            "contact_name",
            "contact_phone",
            "description",
        ]

    def _representative(self) -> bool:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        return getattr(user, "role", None) == Role.UNIT and not user.is_superuser

    def get_fields(self):
        fields = super().get_fields()
        if self._representative():
            for name, field in fields.items():
                if name not in self.REPRESENTATIVE_FIELDS:
                    field.read_only = True
        return fields

    def to_internal_value(self, data):
        # A representative who sends another value of a field they do not keep is told so, not silently ignored;
        # the same value (a whole object sent back) passes.
        if self._representative() and self.instance is not None and hasattr(data, "items"):
            stored = super().to_representation(self.instance)
            refused = {
                name: [_("Only the coordinators of the unit's community or the administrator change this.")]
                for name, value in data.items()
                if name not in self.REPRESENTATIVE_FIELDS and name in stored and str(value) != str(stored[name])
            }
            if refused:
                raise serializers.ValidationError(refused)
        return super().to_internal_value(data)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        own_unit = user is not None and user.role == user.Role.UNIT and user.unit_id == instance.pk
        if not (own_unit or (user is not None and user.role == user.Role.ADMIN)):
            data["contact_phone"] = mask_phone(instance.contact_phone)
        return data


class AgreementItemSerializer(ModelSerializer):
    class Meta:
        model = AgreementItem
        fields = ["id", "description", "quantity", "done"]


class AgreementSerializer(DomainSerializer):
    items = AgreementItemSerializer(many=True, required=False)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    community_name = serializers.CharField(source="community.name", read_only=True)
    scoped_fields = {"community": (Community.objects, Scope(community="self"))}
    unique_together = (
        ("unit", "community", "year"),
        "year",
        _("This unit already has an agreement with this community for that year."),
    )

    class Meta:
        model = Agreement
        fields = ["id", "unit", "unit_name", "community", "community_name", "year", "title", "signed_on", "items"]
        validators = []  # see unique_together

    @transaction.atomic
    def create(self, validated_data):
        items = validated_data.pop("items", [])
        agreement = Agreement.objects.create(**validated_data)
        AgreementItem.objects.bulk_create(AgreementItem(agreement=agreement, **item) for item in items)
        return agreement

    @transaction.atomic
    def update(self, instance, validated_data):
        items = validated_data.pop("items", None)
        instance = super().update(instance, validated_data)
        if items is not None:  # the list given replaces the stored one
            instance.items.all().delete()
            AgreementItem.objects.bulk_create(AgreementItem(agreement=instance, **item) for item in items)
        return instance
