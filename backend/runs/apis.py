"""The endpoints every kind of run has, written once: the run's body, its list filters, and list (with the start of
a new run), detail, cancel and publish; the review of its plan by hand (the pairs: list, add, pin, remove) and its
unfilled seats. An app subclasses them with its model, serializers, permission and services, and `documented`
writes each view's schema from them; the app says in its schema only what is its own (descriptions)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import django_filters
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from core.filters import StrictOrderingFilter
from runs.lifecycle import MAX_TIME_LIMIT
from runs.models import Run, RunPublication
from runs.selectors import run_get, run_list


def _publication(run: Run) -> RunPublication | None:
    try:
        return run.publication
    except ObjectDoesNotExist:  # the kind's Publication.DoesNotExist: the run is not published
        return None


# The fields of a run's body that every kind shares; the subclass declares `published` with its help text and lists
# the fields of its model. (A comment, not a docstring: the schema would show a docstring as each run's description.)
class RunOutputSerializer(serializers.ModelSerializer):
    community_name = serializers.CharField(source="community.name", read_only=True, default=None, allow_null=True)
    created_by = serializers.CharField(source="created_by.username", read_only=True, default=None, allow_null=True)
    published_at = serializers.DateTimeField(
        source="publication.published_at", read_only=True, default=None, allow_null=True
    )

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


# The scope filters of every kind of run and whether it is published; the subclass adds its period, status and level.
class RunFilter(django_filters.FilterSet):
    community = django_filters.NumberFilter(field_name="community_id")
    sub_district = django_filters.NumberFilter(field_name="sub_district_id")
    published = django_filters.BooleanFilter(
        field_name="publication",
        lookup_expr="isnull",
        exclude=True,
        help_text=_("true: only the published runs; false: only runs not published."),
    )


# What every kind of run is started with besides its period; the subclass adds the period and checks the scope.
class RunStartInput(serializers.Serializer):
    community = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    sub_district = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    time_limit = serializers.FloatField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=MAX_TIME_LIMIT,
        help_text=_("Seconds the optimizer may take; the server's default when omitted."),
    )


class RunApi(generics.GenericAPIView):
    """A view of one kind of run (`run_model`), read through the caller's scope, answered with `serializer_class`."""

    run_model: type[Run]
    serializer_class: type[serializers.ModelSerializer[Any]]

    def run(self, run_id: int | None = None) -> Run:
        return run_get(self.run_model, user=self.request.user, run_id=self.kwargs["pk"] if run_id is None else run_id)

    def body(self, run_id: int) -> dict:
        return self.serializer_class(self.run(run_id)).data


class RunListApi(RunApi, generics.ListAPIView):
    """The runs in the caller's scope, newest first (GET), and the start of a new one (POST, answered 202 with the
    queued run): the subclass's `InputSerializer` is validated and handed to `start(user=, **data)`."""

    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    InputSerializer: type[serializers.Serializer]
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


class RunRowsApi(RunApi, generics.ListAPIView):
    """Rows of one run in the caller's scope, as `rows(run=)` lists them: its unfilled seats, or its plan's pairs."""

    filter_backends = []
    rows: Callable[..., QuerySet]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no run id
            model: type[Model] = self.serializer_class.Meta.model
            return model._default_manager.none()
        return type(self).rows(run=self.run())


class PinInputSerializer(serializers.Serializer):
    pinned = serializers.BooleanField()


class RunPairListApi(RunRowsApi):
    """The run's plan (GET); POST adds a pair by hand, pinned, through `add(run=, **AddInputSerializer's data)`,
    which checks every hard rule."""

    AddInputSerializer: type[serializers.Serializer]
    add: Callable[..., Model]

    def post(self, request, pk: int):
        run = self.run()  # out of scope is a 404 whatever the body
        payload = self.AddInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        pair = type(self).add(run=run, **payload.validated_data)
        return Response(self.serializer_class(pair).data, status=status.HTTP_201_CREATED)


class RunPairDetailApi(RunApi):
    """One pair of a run under review, named by `lookup_url_kwarg` among `rows(run=)`: pin or unpin it (PATCH), or
    take it out of the plan (DELETE). The app says how, in `pin` and `remove`."""

    rows: Callable[..., QuerySet]

    def pin(self, run: Run, pair: Model, pinned: bool) -> Model:
        raise NotImplementedError

    def remove(self, run: Run, pair: Model) -> None:
        raise NotImplementedError

    def pair(self) -> tuple[Run, Model]:
        run = self.run()
        pair = type(self).rows(run=run).filter(pk=self.kwargs[self.lookup_url_kwarg]).first()
        if pair is None:
            raise Http404
        return run, pair

    def patch(self, request, pk: int, **pair_id):
        run, pair = self.pair()
        payload = PinInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        return Response(self.serializer_class(self.pin(run, pair, payload.validated_data["pinned"])).data)

    def delete(self, request, pk: int, **pair_id):
        run, pair = self.pair()
        self.remove(run, pair)
        return Response(status=status.HTTP_204_NO_CONTENT)


NOT_FOUND = OpenApiResponse(description="No such run in your scope.")
ACTIVE = OpenApiResponse(description="A run of this scope and period is already active.")
NOT_EDITABLE = OpenApiResponse(description="The run is not done, or its period is published for its scope.")


def _schema_of(view: type[RunApi]) -> dict:
    output = view.serializer_class
    if issubclass(view, RunListApi):
        return {
            "post": extend_schema(
                request=view.InputSerializer,
                responses={202: output, 404: OpenApiResponse(description="Scope not yours."), 409: ACTIVE},
            )
        }
    if issubclass(view, RunCancelApi):
        return {
            "post": extend_schema(
                request=None,
                responses={200: output, 404: NOT_FOUND, 409: OpenApiResponse(description="The run has already ended.")},
            )
        }
    if issubclass(view, RunPublishApi):
        return {"post": extend_schema(request=None, responses={200: output, 404: NOT_FOUND, 409: NOT_EDITABLE})}
    if issubclass(view, RunPairListApi):
        return {
            "post": extend_schema(
                request=view.AddInputSerializer,
                responses={
                    201: output,
                    400: OpenApiResponse(description="A hard rule would break."),
                    404: NOT_FOUND,
                    409: NOT_EDITABLE,
                },
            )
        }
    if issubclass(view, RunPairDetailApi):
        return {
            "patch": extend_schema(
                request=PinInputSerializer, responses={200: output, 404: NOT_FOUND, 409: NOT_EDITABLE}
            ),
            "delete": extend_schema(request=None, responses={204: None, 404: NOT_FOUND, 409: NOT_EDITABLE}),
        }
    return {}


def documented(view: type[RunApi]) -> type[RunApi]:
    """A kind's run view with its schema written from its serializers: what each kind of view takes and answers
    (the run's body, the start input, a pair), and its refusals (404 out of scope, 409 not editable, ...)."""
    return extend_schema_view(**_schema_of(view))(view)


@dataclass(frozen=True)
class RunApis:
    """The views every kind of run has (`run_apis`); `run_paths` routes them."""

    list: type[RunListApi]
    detail: type[RunDetailApi]
    cancel: type[RunCancelApi]
    publish: type[RunPublishApi]


def run_apis(
    base: type[RunApi],
    *,
    start_input: type[serializers.Serializer],
    filterset: type[RunFilter],
    ordering: list[str],
    start: Callable[..., Run],
    cancel: Callable[..., Run],
    publish: Callable[..., RunPublication],
    describe: dict[str, str],
) -> RunApis:
    """The list (GET, and POST to start a run), detail, cancel and publish views of one kind of run.

    `base` gives the kind's `run_model`, output `serializer_class` and `permission_classes`; the services start,
    cancel and publish; `describe` says in the schema what each view is for this kind: `list` (GET), `start`
    (POST), `detail`, `cancel`, `publish`.
    """

    def view(kind: type[RunApi], name: str, doc: str, **attributes) -> type:
        attributes = {"__doc__": doc, "__module__": base.__module__, **attributes}
        return documented(type(f"{base.run_model.__name__}{name}Api", (base, kind), attributes))

    listing = view(
        RunListApi,
        "List",
        describe["list"],
        InputSerializer=start_input,
        filterset_class=filterset,
        ordering_fields=ordering,
        start=staticmethod(start),
    )
    return RunApis(
        list=extend_schema_view(
            get=extend_schema(description=describe["list"]), post=extend_schema(description=describe["start"])
        )(listing),
        detail=view(RunDetailApi, "Detail", describe["detail"]),
        cancel=view(RunCancelApi, "Cancel", describe["cancel"], cancel=staticmethod(cancel)),
        publish=view(RunPublishApi, "Publish", describe["publish"], publish=staticmethod(publish)),
    )


def run_paths(prefix: str, apis: RunApis) -> list:
    """The URLs every kind of run has, under `<prefix>/runs/`, named `<prefix>-run-<action>`."""
    return [
        path(f"{prefix}/runs/", apis.list.as_view(), name=f"{prefix}-run-list"),
        path(f"{prefix}/runs/<int:pk>/", apis.detail.as_view(), name=f"{prefix}-run-detail"),
        path(f"{prefix}/runs/<int:pk>/cancel/", apis.cancel.as_view(), name=f"{prefix}-run-cancel"),
        path(f"{prefix}/runs/<int:pk>/publish/", apis.publish.as_view(), name=f"{prefix}-run-publish"),
    ]
