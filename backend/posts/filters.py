"""Filters of groups, posts and holdings."""

import django_filters

from people.filters import SkillCodeFilter
from posts.models import Post, PostHolding, Team


class TeamFilter(django_filters.FilterSet):
    sub_district = django_filters.NumberFilter(field_name="community__sub_district")

    class Meta:
        model = Team
        fields = ["community", "kind"]


class PostFilter(django_filters.FilterSet):
    sub_district = django_filters.NumberFilter(field_name="community__sub_district")
    skill = SkillCodeFilter()

    class Meta:
        model = Post
        fields = ["community", "team", "category", "active"]


class PostHoldingFilter(django_filters.FilterSet):
    community = django_filters.NumberFilter(field_name="post__community")

    class Meta:
        model = PostHolding
        fields = ["post", "volunteer", "year", "status"]
