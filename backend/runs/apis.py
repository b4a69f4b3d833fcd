"""The endpoints every kind of run has, written once: the run's body, its list filters, and list (with the start of
a new run), detail, cancel and publish. An app subclasses them with its model, output serializer, permission and
services, and says in its schema what is its own (descriptions, start input)."""
from collections.abc import Callable

import django_filters
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from core.filters import StrictOrderingFilter
from runs.models import Run, RunPublication
from runs.selectors import run_get, run_list


def _publication(run: Run) -> RunPublication | None:
    try:
        return run.publication
    except run.publication_model().DoesNotExist:
        return None


# The fields of a run's body that every kind shares; the subclass declares `published` with its help text and lists
# the fields of its model. (A comment, not a docstring: the schema would show a docstring as each run's description.)
class RunOutputSerializer(serializers.ModelSerializer):

    community_name = serializers.CharField(source="community.name", read_only=True, default=None, allow_null=True)
    created_by = serializers.CharField(source="created_by.username", read_only=True, default=None, allow_null=True)
    published_at = serializers.DateTimeField(source="publication.published_at", read_only=True, default=None,
                                             allow_null=True)

    def get_published(self, run: Run) -> bool:
        return _publication(run) is not None


class RunSolverStatsSerializer(serializers.Serializer):
    """The optimizer's figures every kind of run keeps in its stats once its result is saved (null where not
    finite); the subclass adds the size of its problem and its status."""

    objective = serializers.FloatField(required=False, allow_null=True)
    bound = serializers.FloatField(required=False, allow_null=True)
    gap = serializers.FloatField(required=False, allow_null=True)
    seconds = serializers.FloatField(required=False)


class RunMetricsSerializer(serializers.Serializer):
    """The seats every kind of run fills, once its result is saved; the subclass adds the figures of its kind."""

    filled_seats = serializers.IntegerField(required=False)
    total_seats = serializers.IntegerField(required=False)
    weighted_filled = serializers.FloatField(required=False)


class RunUnfilledReasonSerializer(serializers.Serializer):
    """Why seats stayed unfilled (`RunUnfilled.reasons`); the subclass adds the details of its kind."""

    code = serializers.CharField()
    message = serializers.CharField()
    count = serializers.IntegerField(required=False, help_text=_("How many people the reason is about."))


# The scope filters of every kind of run; the subclass adds its period, status and level.
class RunFilter(django_filters.FilterSet):

    community = django_filters.NumberFilter(field_name="community_id")
    sub_district = django_filters.NumberFilter(field_name="sub_district_id")


class RunApi(generics.GenericAPIView):
    """A view of one kind of run (`run_model`), read through the caller's scope, answered with `serializer_class`."""

    run_model: type[Run]

    def run(self, run_id: int | None = None) -> Run:
        return run_get(self.run_model, user=self.request.user, run_id=self.kwargs["pk"] if run_id is None else run_id)

    def body(self, run_id: int) -> dict:
        return self.serializer_class(self.run(run_id)).data


class RunListApi(RunApi, generics.ListAPIView):
    """The runs in the caller's scope, newest first (GET), and the start of a new one (POST, answered 202 with the
    queued run): the subclass's `InputSerializer` is validated and handed to `start(user=, **data)`."""

    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    start: Callable[..., Run]

    def get_queryset(self):
        return run_list(self.run_model, user=self.request.user)

    def post(self, request):
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        run = type(self).start(user=request.user, **payload.validated_data)
        return Response(self.body(run.pk), status=status.HTTP_202_ACCEPTED)


class RunDetailApi(RunApi, generics.RetrieveAPIView):
    """A run's status, progress and message (the browser polls this)."""

    def get_object(self):
        return self.run()


class RunCancelApi(RunApi):
    """Cancel a queued or working run through `cancel(user=, run=)`; a run that has ended answers 409."""

    cancel: Callable[..., Run]

    def post(self, request, pk: int):
        run = type(self).cancel(user=request.user, run=self.run())
        return Response(self.body(run.pk))


class RunPublishApi(RunApi):
    """Publish a done run through `publish(user=, run=)`; answered with the run as published."""

    publish: Callable[..., RunPublication]

    def post(self, request, pk: int):
        type(self).publish(user=request.user, run=self.run())
        return Response(self.body(pk))


def run_paths(prefix: str, *, list_api, detail_api, cancel_api, publish_api) -> list:
    """The URLs every kind of run has, under `<prefix>/runs/`, named `<prefix>-run-<action>`."""
    return [
        path(f"{prefix}/runs/", list_api.as_view(), name=f"{prefix}-run-list"),
        path(f"{prefix}/runs/<int:pk>/", detail_api.as_view(), name=f"{prefix}-run-detail"),
        path(f"{prefix}/runs/<int:pk>/cancel/", cancel_api.as_view(), name=f"{prefix}-run-cancel"),
        path(f"{prefix}/runs/<int:pk>/publish/", publish_api.as_view(), name=f"{prefix}-run-publish"),
    ]
