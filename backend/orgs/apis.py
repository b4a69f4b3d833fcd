"""Units and their co-building agreements."""

from core.api import ScopedViewSet
from core.scoping import COORDINATORS, Role, Scope
from orgs.filters import AgreementFilter, UnitFilter
from orgs.models import Agreement, Unit
from orgs.serializers import AgreementSerializer, UnitSerializer


class UnitViewSet(ScopedViewSet):
    queryset = Unit.objects.select_related("community")
    serializer_class = UnitSerializer
    # Units serve the whole district: every coordinator reads them. Coordinators keep the units located in their
    # scope (place, kind); a representative reads its own and edits its contact details (UnitSerializer).
    scope = Scope(community="community", unit="pk", read_all=COORDINATORS, write=COORDINATORS | {Role.UNIT})
    create_roles = delete_roles = frozenset({Role.ADMIN})
    filterset_class = UnitFilter
    search_fields = ["name", "party_organisation", "address"]
    ordering_fields = ["name", "kind", "id"]


class AgreementViewSet(ScopedViewSet):
    queryset = Agreement.objects.select_related("unit", "community").prefetch_related("items")
    serializer_class = AgreementSerializer
    scope = Scope(community="community", unit="unit")
    filterset_class = AgreementFilter
    search_fields = ["title", "unit__name"]
    ordering_fields = ["year", "signed_on", "id"]
