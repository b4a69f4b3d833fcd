"""The caller's notification inbox: list (newest first, optionally unread only), mark one read, mark all read;
and the caller's channels outside the app (SMS, e-mail) to read and change. Everyone signed in has an inbox;
nobody sees another's (404)."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import generics, serializers
from rest_framework.response import Response

from core.json_fields import ObjectField
from notifications import selectors, services
from notifications.models import Notification


class NotificationOutputSerializer(serializers.ModelSerializer):
    read = serializers.BooleanField(source="is_read", read_only=True)
    payload = ObjectField(read_only=True, help_text=_("What the notification is about (ids), by its kind."))

    class Meta:
        model = Notification
        fields = ["id", "kind", "title", "body", "payload", "created_at", "read_at", "read"]
        read_only_fields = fields


class NotificationListApi(generics.ListAPIView):
    """The caller's notifications, newest first."""

    class FilterSerializer(serializers.Serializer):
        unread = serializers.BooleanField(
            required=False, allow_null=True, default=None, help_text=_("true: only unread; false: only read.")
        )

    serializer_class = NotificationOutputSerializer
    filter_backends = []

    def get_queryset(self):
        filters = self.FilterSerializer(data=self.request.query_params.dict())  # a dict: an absent boolean stays None
        filters.is_valid(raise_exception=True)
        return selectors.notification_list(user=self.request.user, **filters.validated_data)

    @extend_schema(parameters=[FilterSerializer])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class NotificationReadApi(generics.GenericAPIView):
    """Mark one of the caller's notifications read (again: no change)."""

    serializer_class = NotificationOutputSerializer

    @extend_schema(
        request=None,
        responses={
            200: NotificationOutputSerializer,
            404: OpenApiResponse(description="Not one of your notifications."),
        },
    )
    def post(self, request, pk: int):
        notification = selectors.notification_get(user=request.user, notification_id=pk)
        notification = services.notification_read(user=request.user, notification=notification)
        return Response(NotificationOutputSerializer(notification).data)


class NotificationReadAllApi(generics.GenericAPIView):
    """Mark all of the caller's unread notifications read."""

    class OutputSerializer(serializers.Serializer):
        marked = serializers.IntegerField(help_text=_("How many notifications were unread."))

    serializer_class = OutputSerializer

    @extend_schema(request=None, responses={200: OutputSerializer})
    def post(self, request):
        marked = services.notification_read_all(user=request.user)
        return Response(self.OutputSerializer({"marked": marked}).data)


class NotificationChannelsApi(generics.GenericAPIView):
    """The caller's channels: the in-app inbox is always on; SMS and e-mail can be turned off (on by default,
    sent wherever there is a phone number or an address)."""

    @extend_schema_serializer(component_name="NotificationChannelsInput")
    class InputSerializer(serializers.Serializer):
        sms = serializers.BooleanField(required=False, help_text=_("Notices by SMS."))
        email = serializers.BooleanField(required=False, help_text=_("Notices by e-mail."))

    @extend_schema_serializer(component_name="NotificationChannels")
    class OutputSerializer(serializers.Serializer):
        in_app = serializers.BooleanField(help_text=_("The in-app inbox: always on."))
        sms = serializers.BooleanField()
        email = serializers.BooleanField()
        sms_reachable = serializers.BooleanField(help_text=_("A phone number is known."))
        email_reachable = serializers.BooleanField(help_text=_("An e-mail address is known."))

    serializer_class = OutputSerializer

    @extend_schema(responses={200: OutputSerializer})
    def get(self, request):
        return Response(self.OutputSerializer(selectors.channel_preference_get(user=request.user)).data)

    @extend_schema(request=InputSerializer, responses={200: OutputSerializer})
    def patch(self, request):
        given = self.InputSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        services.channel_preference_update(user=request.user, **given.validated_data)
        return Response(self.OutputSerializer(selectors.channel_preference_get(user=request.user)).data)
