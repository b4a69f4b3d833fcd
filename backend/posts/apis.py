"""Groups and teams, the post catalogue and post holdings (一编三定). Coordinators write teams (with their members)
and posts in their scope, each change in the audit history (audit.tracked); volunteers read the posts of their
community only. Holdings are written by the allocation (定岗) flow and by coordinators here."""

from core.api import ScopedViewSet
from core.scoping import COORDINATORS, Scope
from posts.filters import PostFilter, PostHoldingFilter, TeamFilter
from posts.models import Post, PostHolding, Team
from posts.serializers import PostHoldingSerializer, PostSerializer, TeamSerializer


class TeamViewSet(ScopedViewSet):
    queryset = Team.objects.select_related("community", "leader").prefetch_related("members")
    serializer_class = TeamSerializer
    scope = Scope(community="community")
    filterset_class = TeamFilter
    search_fields = ["name", "specialty"]
    ordering_fields = ["name", "id"]


class PostViewSet(ScopedViewSet):
    queryset = Post.objects.select_related("community__sub_district__district")
    serializer_class = PostSerializer
    # Volunteers read the posts of their home community (to see what they could hold).
    scope = Scope(community="community", volunteer="community__volunteers", write=COORDINATORS)
    filterset_class = PostFilter
    search_fields = ["name", "duties", "target"]
    ordering_fields = ["name", "category", "priority", "id"]


class PostHoldingViewSet(ScopedViewSet):
    queryset = PostHolding.objects.select_related("post", "volunteer")
    serializer_class = PostHoldingSerializer
    scope = Scope(community="post__community", volunteer="volunteer", write=COORDINATORS)
    filterset_class = PostHoldingFilter
    ordering_fields = ["year", "id"]
