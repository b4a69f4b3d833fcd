"""Endpoints of the volunteer's side: my posts (list), accept, decline, the calendar token (get, rotate), the
calendar feed itself (no login: the token in the URL is the key), and what is open to take: open seats of published
plans and micro-wishes (list, claim). Volunteers only, except the feed."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import generics, permissions, renderers, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from core import permissions as permissions_
from needs.models import Need
from planning.models import Assignment
from volunteering import eligibility, ical, selectors, services
from volunteering.models import AssignmentResponse, CalendarToken


class VolunteersOnly(permissions_.VolunteersOnly):
    """My posts belong to volunteers; coordinators and unit representatives get 403."""

    message = _("Only volunteers have posts to answer.")

    def has_permission(self, request, view) -> bool:
        # The same gate, but it loads the profile the view reads next (cached on the user) instead of asking
        # whether it exists first: one query less on every call of the volunteer's side.
        user = request.user
        return bool(
            user
            and user.is_authenticated
            and user.role == User.Role.VOLUNTEER
            and selectors.volunteer_of(user) is not None
        )


class PlaceSerializer(serializers.Serializer):
    community = serializers.CharField()
    address = serializers.CharField()
    lat = serializers.FloatField()
    lng = serializers.FloatField()


class PostInfoSerializer(serializers.Serializer):
    name = serializers.CharField()
    duties = serializers.CharField()


def _answer(assignment: Assignment) -> AssignmentResponse | None:
    try:
        return assignment.response
    except AssignmentResponse.DoesNotExist:
        return None


@extend_schema_serializer(component_name="MyPost")
class MyPostOutputSerializer(serializers.ModelSerializer):
    shift_title = serializers.CharField(source="shift.title")
    start = serializers.DateTimeField(source="shift.start")
    end = serializers.DateTimeField(source="shift.end")
    place = serializers.SerializerMethodField()
    post = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField(help_text=_("pending, accepted, declined, moved or cancelled."))
    reason = serializers.SerializerMethodField()
    answered_at = serializers.SerializerMethodField()
    deadline = serializers.SerializerMethodField(help_text=_("Answers are taken until this time."))
    others = serializers.SerializerMethodField(help_text=_("Names of the others on this shift."))

    class Meta:
        model = Assignment
        fields = [
            "id",
            "run",
            "shift",
            "shift_title",
            "start",
            "end",
            "place",
            "post",
            "status",
            "reason",
            "answered_at",
            "deadline",
            "others",
        ]
        read_only_fields = fields

    @extend_schema_field(PlaceSerializer)
    def get_place(self, assignment) -> dict:
        shift = assignment.shift
        return {
            "community": shift.community.name,
            "address": shift.address or shift.community.address,
            "lat": shift.lat,
            "lng": shift.lng,
        }

    @extend_schema_field(PostInfoSerializer(allow_null=True))
    def get_post(self, assignment) -> dict | None:
        post = assignment.shift.post
        return None if post is None else {"name": post.name, "duties": post.duties}

    @extend_schema_field(serializers.ChoiceField(choices=["pending", *AssignmentResponse.Status.values]))
    def get_status(self, assignment) -> str:
        answer = _answer(assignment)
        return "pending" if answer is None else answer.status

    def get_reason(self, assignment) -> str:
        answer = _answer(assignment)
        return "" if answer is None else answer.reason

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_answered_at(self, assignment):
        answer = _answer(assignment)
        return None if answer is None else serializers.DateTimeField().to_representation(answer.answered_at)

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_deadline(self, assignment):
        return serializers.DateTimeField().to_representation(services.answer_deadline(assignment.shift))

    def get_others(self, assignment) -> list[str]:
        return self.context.get("others", {}).get(assignment.pk, [])


def _post_body(request, assignment_id: int) -> dict:
    volunteer = selectors.volunteer_of(request.user)
    assignment = selectors.published_assignment_list(volunteer=volunteer).get(pk=assignment_id)
    others = selectors.colleague_names(assignments=[assignment])
    return MyPostOutputSerializer(assignment, context={"request": request, "others": others}).data


class MyPostListApi(generics.ListAPIView):
    """The caller's posts in published plans, this week's and upcoming (or the days asked for)."""

    class FilterSerializer(serializers.Serializer):
        # "from" is a Python keyword: the field is declared under its wire name below.
        to = serializers.DateField(required=False, help_text=_("Last day (inclusive)."))

        def get_fields(self):
            fields = super().get_fields()
            fields["from"] = serializers.DateField(
                required=False, help_text=_("First day (default: Monday of this week).")
            )
            return fields

        def validate(self, attrs):
            if attrs.get("from") and attrs.get("to") and attrs["to"] < attrs["from"]:
                raise serializers.ValidationError({"to": [_("Must not be before from.")]})
            return attrs

    permission_classes = [VolunteersOnly]
    serializer_class = MyPostOutputSerializer
    filter_backends = []

    def get_queryset(self):
        filters = self.FilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return selectors.my_post_list(
            volunteer=selectors.volunteer_of(self.request.user),
            start=filters.validated_data.get("from"),
            end=filters.validated_data.get("to"),
        )

    @extend_schema(parameters=[FilterSerializer])
    def get(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        others = selectors.colleague_names(assignments=page)
        data = MyPostOutputSerializer(page, many=True, context={"request": request, "others": others}).data
        return self.get_paginated_response(data)


class MyPostAcceptApi(APIView):
    """Accept one's post before the deadline; accepting again answers the same."""

    permission_classes = [VolunteersOnly]

    @extend_schema(
        request=None,
        responses={
            200: MyPostOutputSerializer,
            404: OpenApiResponse(description="No such post of yours."),
            409: OpenApiResponse(description="The deadline has passed, or the post was declined."),
        },
    )
    def post(self, request, assignment_id: int):
        services.assignment_accept(user=request.user, assignment_id=assignment_id)
        return Response(_post_body(request, assignment_id))


class MyPostDeclineApi(APIView):
    """Decline one's post (also after accepting it) before the deadline, with a reason; a backfill starts."""

    class InputSerializer(serializers.Serializer):
        reason = serializers.CharField(max_length=500, allow_blank=True, required=False, default="")

    permission_classes = [VolunteersOnly]

    @extend_schema(
        request=InputSerializer,
        responses={
            200: MyPostOutputSerializer,
            404: OpenApiResponse(description="No such post of yours."),
            409: OpenApiResponse(description="The deadline has passed."),
        },
    )
    def post(self, request, assignment_id: int):
        payload = self.InputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.assignment_decline(user=request.user, assignment_id=assignment_id, **payload.validated_data)
        return Response(_post_body(request, assignment_id))


class CalendarTokenOutputSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text=_("The feed's address; anyone holding it reads the feed."))

    class Meta:
        model = CalendarToken
        fields = ["url", "created_at", "rotated_at"]
        read_only_fields = fields

    def get_url(self, token) -> str:
        path = reverse("volunteering-calendar-feed", kwargs={"token": token.token})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class CalendarTokenDetailApi(APIView):
    """The caller's calendar feed URL, made on first request."""

    permission_classes = [VolunteersOnly]

    @extend_schema(responses={200: CalendarTokenOutputSerializer})
    def get(self, request):
        token = services.calendar_token_get_or_create(user=request.user)
        return Response(CalendarTokenOutputSerializer(token, context={"request": request}).data)


class CalendarTokenRotateApi(APIView):
    """A new feed URL; the old one stops working."""

    permission_classes = [VolunteersOnly]

    @extend_schema(request=None, responses={200: CalendarTokenOutputSerializer})
    def post(self, request):
        token = services.calendar_token_rotate(user=request.user)
        return Response(CalendarTokenOutputSerializer(token, context={"request": request}).data)


class ICalendarRenderer(renderers.BaseRenderer):
    """Lets calendar clients ask for text/calendar; errors go out as JSON (CalendarFeedApi.handle_exception)."""

    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, (bytes, str)):
            return data
        return renderers.JSONRenderer().render(data)


class CalendarFeedApi(APIView):
    """The volunteer's published posts as an iCalendar feed; the token is the key (unknown or rotated: 404)."""

    authentication_classes = []
    renderer_classes = [renderers.JSONRenderer, ICalendarRenderer]
    permission_classes = [permissions.AllowAny]
    throttle_scope = "public"

    def handle_exception(self, exc):
        # An error is the one JSON error shape, whatever the calendar client asked for.
        self.request.accepted_renderer = renderers.JSONRenderer()
        self.request.accepted_media_type = self.request.accepted_renderer.media_type
        return super().handle_exception(exc)

    @extend_schema(
        responses={(200, "text/calendar"): OpenApiTypes.STR, 404: OpenApiResponse(description="No such calendar.")},
    )
    def get(self, request, token: str):
        volunteer = selectors.calendar_token_owner(token=token)
        posts = selectors.published_assignment_list(volunteer=volunteer).exclude(
            response__status__in=AssignmentResponse.OFF
        )
        body = ical.render(posts)
        response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="my-posts.ics"'
        response["Cache-Control"] = "private, max-age=300"
        return response


# ---------------------------------------------------------------- open seats and micro-wishes


@extend_schema_serializer(component_name="OpenSeat")
class OpenSeatOutputSerializer(serializers.Serializer):
    shift = serializers.IntegerField(source="seat.shift_id")
    run = serializers.IntegerField(source="seat.run_id")
    title = serializers.CharField(source="seat.shift.title")
    start = serializers.DateTimeField(source="seat.shift.start")
    end = serializers.DateTimeField(source="seat.shift.end")
    place = serializers.SerializerMethodField()
    post = serializers.SerializerMethodField()
    required_skills = serializers.DictField(
        source="seat.shift.required_skills", child=serializers.IntegerField(), help_text=_("Skill code -> level.")
    )
    open_seats = serializers.IntegerField(help_text=_("Seats still open on the shift."))

    @extend_schema_field(PlaceSerializer)
    def get_place(self, item) -> dict:
        shift = item["seat"].shift
        return {
            "community": shift.community.name,
            "address": ical.scrub(shift.address or shift.community.address),
            "lat": shift.lat,
            "lng": shift.lng,
        }

    @extend_schema_field(PostInfoSerializer(allow_null=True))
    def get_post(self, item) -> dict | None:
        post = item["seat"].shift.post
        return None if post is None else {"name": post.name, "duties": ical.scrub(post.duties)}


class OpenSeatListApi(APIView):
    """Seats of published plans still open that the caller may take: shifts not started, whose hard rules (skills,
    availability, overlap, hours, distance) the caller keeps, as the optimizer's check says."""

    permission_classes = [VolunteersOnly]

    @extend_schema(responses=OpenSeatOutputSerializer(many=True))
    def get(self, request):
        volunteer = selectors.volunteer_of(request.user)
        items = [{"seat": seat, "open_seats": free} for seat, free in selectors.open_seat_list(volunteer=volunteer)]
        eligible = eligibility.eligible_seats(volunteer=volunteer, seats=[item["seat"] for item in items])
        data = [item for item in items if (item["seat"].run_id, item["seat"].shift_id) in eligible]
        return Response(OpenSeatOutputSerializer(data, many=True).data)


class OpenSeatClaimApi(APIView):
    """Take an open seat (accepted at once): first come, first served. It shows in the plan, my posts and the
    calendar feed."""

    permission_classes = [VolunteersOnly]

    @extend_schema(
        request=None,
        responses={
            201: MyPostOutputSerializer,
            404: OpenApiResponse(description="No such shift in a published plan of yours."),
            409: OpenApiResponse(
                description="seat_taken, not_eligible (the rule broken is named), already_on_shift, shift_cancelled "
                "or shift_started."
            ),
        },
    )
    def post(self, request, shift_id: int):
        assignment = services.seat_claim(user=request.user, shift_id=shift_id)
        return Response(_post_body(request, assignment.pk), status=201)


@extend_schema_serializer(component_name="MicroWish")
class WishOutputSerializer(serializers.ModelSerializer):
    community_name = serializers.CharField(source="community.name")
    summary = serializers.SerializerMethodField(help_text=_("The wish's description, cut short; no contact data."))

    class Meta:
        model = Need
        fields = [
            "id",
            "title",
            "summary",
            "category",
            "type",
            "community",
            "community_name",
            "wanted_start",
            "wanted_end",
            "deadline",
            "status",
        ]
        read_only_fields = fields

    def get_summary(self, need) -> str:
        text = ical.scrub(need.description).strip()
        return text if len(text) <= 120 else text[:119] + "…"


class WishListApi(generics.ListAPIView):
    """Open micro-wishes (微心愿) of the district, with their community; never the requester's name or phone."""

    class FilterSerializer(serializers.Serializer):
        community = serializers.IntegerField(required=False, min_value=1)

    permission_classes = [VolunteersOnly]
    serializer_class = WishOutputSerializer
    filter_backends = []

    def get_queryset(self):
        filters = self.FilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return selectors.wish_list(community_id=filters.validated_data.get("community"))

    @extend_schema(parameters=[FilterSerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class WishClaimApi(APIView):
    """Take a micro-wish (接单): it becomes claimed, with the caller as its taker."""

    permission_classes = [VolunteersOnly]

    @extend_schema(
        request=None,
        responses={
            200: WishOutputSerializer,
            404: OpenApiResponse(description="No such open micro-wish."),
            409: OpenApiResponse(description="already_taken: somebody took it first."),
        },
    )
    def post(self, request, need_id: int):
        need = services.wish_claim(user=request.user, need_id=need_id)
        return Response(WishOutputSerializer(need).data)
