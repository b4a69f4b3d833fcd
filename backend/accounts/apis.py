"""Sign-in for the browser (session with CSRF) and for scripts (token), and who am I; getting in (invitations,
one-time SMS codes to sign in or reset a password); the administrator's accounts with their roles and scopes.

Sign-ins are throttled per address (scope "login") and locked per username and address after repeated wrong
passwords (django-axes, see accounts.lockout). A refused sign-in commits its request's transaction, unlike
other refusals: it holds the failure axes counted, and a rolled-back count would never lock anybody out.
"""

import copy
import functools

import django_filters
from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect, ensure_csrf_cookie
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import selectors, services
from accounts.lockout import LOCKED_OUT, client_ip, lockout_message, lockout_minutes
from accounts.models import ApiToken, Invitation, PhoneCode, PhoneProblem, User
from config.version import VERSION
from core.api import ScopedViewSet
from core.errors import ApplicationError
from core.masking import mask_phone
from core.scoping import Role, Scope
from core.serializers import DomainSerializer, PhoneField


class WrongCredentials(ApplicationError):
    """The username and password do not match an active account."""

    code = "wrong_credentials"
    rollback = False  # keep axes' count of the failure


class SignInLockedOut(ApplicationError):
    """Too many wrong passwords for this username from this address: sign-in is refused until the cool-off ends."""

    code = LOCKED_OUT
    status_code = 429
    rollback = False  # keep axes' count of the failure


class CredentialsSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, style={"input_type": "password"}, trim_whitespace=False)


class MeSerializer(serializers.ModelSerializer):
    volunteer = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    # The platform's version (config/version.py): the web app shows it in its footer, from the call it makes anyway.
    version = serializers.SerializerMethodField()
    time_zone = serializers.SerializerMethodField(
        help_text="The district's zone (IANA name, settings.TIME_ZONE): the web app shows and takes every time in it, "
        "whatever the browser's zone."
    )

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "display_name",
            "role",
            "sub_district",
            "community",
            "unit",
            "volunteer",
            "version",
            "time_zone",
        ]
        read_only_fields = fields

    def get_fields(self):
        # Built from the model once per process and copied for each response: building them was a third of the
        # cost of this call, which the web app makes on every page load (the fields depend on nothing per call).
        cls = type(self)
        if "_built_fields" not in cls.__dict__:
            cls._built_fields = super().get_fields()
        return copy.deepcopy(cls._built_fields)

    def get_version(self, user: User) -> str:
        return VERSION

    def get_time_zone(self, user) -> str:
        return settings.TIME_ZONE


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()


def _authenticate(request, data) -> User:
    payload = CredentialsSerializer(data=data)
    payload.is_valid(raise_exception=True)
    user = authenticate(request, **payload.validated_data)  # the request: axes counts per username and address
    if user is None and getattr(request, "axes_locked_out", False):
        raise SignInLockedOut(lockout_message())
    if user is None or not user.is_active:
        raise WrongCredentials(_("Wrong username or password."))
    return user


SIGN_IN_REFUSALS = {
    400: OpenApiResponse(description="Wrong username or password (`wrong_credentials`), or invalid input."),
    429: OpenApiResponse(
        description="Locked out after repeated wrong passwords (`locked_out`), or too many "
        "sign-ins from this address (`throttled`); see Retry-After."
    ),
}


class _SignInApi(APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes = []
    throttle_scope = "login"

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        if isinstance(exc, SignInLockedOut):
            response["Retry-After"] = str(lockout_minutes() * 60)
        return response


@method_decorator(csrf_protect, name="dispatch")  # DRF skips CSRF for anonymous callers; a login must not
class LoginApi(_SignInApi):
    @extend_schema(
        request=CredentialsSerializer,
        responses={
            200: MeSerializer,
            403: OpenApiResponse(description="The CSRF token is missing or wrong (`csrf_failed`)."),
            **SIGN_IN_REFUSALS,
        },
    )
    def post(self, request):
        user = _authenticate(request._request, request.data)
        login(request._request, user)
        return Response(MeSerializer(user).data)


class LogoutApi(APIView):
    """Ends the credential the request came with: the session, or the API token (the account's others live on)."""

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        if isinstance(request.auth, ApiToken):
            services.api_token_delete(token=request.auth)
        logout(request._request)
        return Response(status=204)


def _csrf_cookie_for_browsers(view):
    """ensure_csrf_cookie, but for calls with an API token: a script has no cookie to keep, and making a CSRF secret
    for each of its calls cost a tenth of this call. Browsers (signed in or not yet) still get the cookie here."""
    browser_view = ensure_csrf_cookie(view)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.META.get("HTTP_AUTHORIZATION", "").startswith("Token "):
            return view(request, *args, **kwargs)
        return browser_view(request, *args, **kwargs)

    return wrapper


@method_decorator(_csrf_cookie_for_browsers, name="dispatch")
class MeApi(APIView):
    @extend_schema(responses=MeSerializer)
    def get(self, request):
        return Response(MeSerializer(request.user).data)


class TokenApi(_SignInApi):
    """Exchange a username and password for a new API token (for scripts; send `Authorization: Token …`).

    It ends at logout, after API_TOKEN_IDLE_DAYS unused or API_TOKEN_MAX_AGE_DAYS in all, and when the account's
    password, role or active flag changes.
    """

    @extend_schema(request=CredentialsSerializer, responses={200: TokenSerializer, **SIGN_IN_REFUSALS})
    def post(self, request):
        user = _authenticate(request._request, request.data)
        return Response({"token": services.api_token_create(user=user)})


# -- getting in: invitations, one-time SMS codes ----------------------------------------------------------------


class InvitationInputSerializer(serializers.Serializer):
    """The invitation is named by its link's token, or by the phone number and the code of the SMS."""

    token = serializers.CharField(max_length=64, required=False)
    phone = PhoneField(required=False)
    code = serializers.RegexField(r"^[0-9]{6}$", required=False)

    def validate(self, attrs):
        if not attrs.get("token") and not (attrs.get("phone") and attrs.get("code")):
            raise serializers.ValidationError(_("Give the link's token, or the phone number and the code."))
        return attrs


class InvitationAcceptInputSerializer(InvitationInputSerializer):
    password = serializers.CharField(max_length=128, trim_whitespace=False, style={"input_type": "password"})
    confirm_phone = PhoneField(help_text=_("The person's mobile number, confirmed (the one the invitation went to)."))
    privacy_accepted = serializers.BooleanField()


class InvitationOutputSerializer(serializers.Serializer):
    username = serializers.CharField(help_text=_("The login name of the account."))
    display_name = serializers.CharField()
    phone = serializers.CharField(help_text=_("The number the invitation went to, masked; empty: give one."))
    expires_at = serializers.DateTimeField()
    privacy_version = serializers.CharField(help_text=_("The version of the privacy notice to accept."))


def _invitation(data) -> Invitation:
    if data.get("token"):
        invitation = selectors.invitation_open_by_token(token=data["token"])
        if invitation is None:
            raise services.InvitationInvalid(
                _("This invitation link is no longer valid; ask your community for a new one."),
                fields={"token": [_("Unknown, used or expired.")]},
            )
        return invitation
    return services.invitation_by_code(phone=data["phone"], code=data["code"])


class _PublicApi(APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes = []
    throttle_scope = "login"


class InvitationLookupApi(_PublicApi):
    """Whose invitation this is (by the link's token, or the phone number and code of the SMS), before the person
    sets their password. Wrong codes count: after PHONE_CODE_MAX_ATTEMPTS the invitation stops working."""

    @extend_schema(
        request=InvitationInputSerializer,
        responses={
            200: InvitationOutputSerializer,
            400: OpenApiResponse(description="Unknown, used, replaced or expired (`invitation_invalid`)."),
        },
    )
    def post(self, request):
        payload = InvitationInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        invitation = _invitation(payload.validated_data)
        user = invitation.user
        return Response(
            InvitationOutputSerializer(
                {
                    "username": user.username,
                    "display_name": user.display_name,
                    "phone": mask_phone(user.phone),
                    "expires_at": invitation.expires_at,
                    "privacy_version": settings.PRIVACY_NOTICE_VERSION,
                }
            ).data
        )


class PrivacyNoticeOutputSerializer(serializers.Serializer):
    version = serializers.CharField(help_text="The version people accept (settings.PRIVACY_NOTICE_VERSION).")
    controller = serializers.CharField(
        help_text="Who is responsible for the personal data (settings.PRIVACY_CONTROLLER); empty when not set."
    )
    contact = serializers.CharField(
        help_text="Where people ask about, correct or delete their data (settings.PRIVACY_CONTACT); empty when not set."
    )


class PrivacyNoticeApi(APIView):
    """The privacy notice's version and the installation's data controller and contact, for the notice's public page
    (the text itself is the web app's, in the reader's language). Public: it names no person."""

    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    @extend_schema(responses={200: PrivacyNoticeOutputSerializer})
    def get(self, request):
        return Response(
            PrivacyNoticeOutputSerializer(
                {
                    "version": settings.PRIVACY_NOTICE_VERSION,
                    "controller": settings.PRIVACY_CONTROLLER,
                    "contact": settings.PRIVACY_CONTACT,
                }
            ).data
        )


class InvitationAcceptApi(_PublicApi):
    """Open the invitation: set a password (Django's validators), confirm the phone number, accept the privacy
    notice. The account is then activated; the person signs in with their login name (or phone) and password."""

    @extend_schema(
        request=InvitationAcceptInputSerializer,
        responses={
            200: MeSerializer,
            400: OpenApiResponse(
                description="Invalid invitation (`invitation_invalid`), a weak password, another "
                "phone number, or the privacy notice not accepted."
            ),
        },
    )
    def post(self, request):
        payload = InvitationAcceptInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        invitation = _invitation(data)
        user = services.invitation_accept(
            invitation=invitation,
            password=data["password"],
            phone=data["confirm_phone"],
            privacy_accepted=data["privacy_accepted"],
        )
        return Response(MeSerializer(user).data)


class PhoneCodeInputSerializer(serializers.Serializer):
    phone = PhoneField()
    # An order's code is asked for on the order form (ordering.apis), for the community it goes to.
    purpose = serializers.ChoiceField(
        choices=[(value, label) for value, label in PhoneCode.Purpose.choices if value not in PhoneCode.WITHOUT_ACCOUNT]
    )


class PhoneCodeRequestApi(_PublicApi):
    """Send a one-time code by SMS to sign in (`login`) or to set a new password (`reset`). The answer is the
    same whether or not an account holds the number."""

    @extend_schema(
        request=PhoneCodeInputSerializer,
        responses={
            202: None,
            429: OpenApiResponse(
                description="Too many codes for this number or from this address (`too_many_codes`); see Retry-After."
            ),
        },
    )
    def post(self, request):
        payload = PhoneCodeInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.phone_code_request(**payload.validated_data, ip=client_ip(request._request))
        return Response(status=202)


class CodeLoginInputSerializer(serializers.Serializer):
    phone = PhoneField()
    code = serializers.RegexField(r"^[0-9]{6}$")


@method_decorator(csrf_protect, name="dispatch")
class CodeLoginApi(_SignInApi):
    """Sign in with the phone number and the code of the SMS (a session, as the password login). Wrong codes
    count towards the same lockout as wrong passwords, the number standing for the username."""

    @extend_schema(request=CodeLoginInputSerializer, responses={200: MeSerializer, **SIGN_IN_REFUSALS})
    def post(self, request):
        payload = CodeLoginInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        phone, code = payload.validated_data["phone"], payload.validated_data["code"]
        user = authenticate(request._request, username=phone, phone=phone, code=code)
        if user is None and getattr(request._request, "axes_locked_out", False):
            raise SignInLockedOut(lockout_message())
        if user is None or not user.is_active:
            raise WrongCredentials(_("Wrong or expired code."), fields={"code": [_("Wrong or expired code.")]})
        login(request._request, user)
        return Response(MeSerializer(user).data)


class PasswordResetInputSerializer(CodeLoginInputSerializer):
    password = serializers.CharField(max_length=128, trim_whitespace=False, style={"input_type": "password"})


class PasswordResetApi(_PublicApi):
    """Set a new password with the code of a `reset` SMS; every session and token of the account ends."""

    @extend_schema(
        request=PasswordResetInputSerializer,
        responses={
            204: None,
            400: OpenApiResponse(description="Wrong or expired code (`wrong_code`), or a weak password."),
        },
    )
    def post(self, request):
        payload = PasswordResetInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.password_reset_by_code(**payload.validated_data)
        return Response(status=204)


# -- the administrator's accounts ---------------------------------------------------------------------------------


class AccountsNotDeleted(ApplicationError):
    """An account keeps its history (records, audit, plans): it is disabled, never deleted."""

    code = "not_deleted"
    status_code = 409


class UserFilter(django_filters.FilterSet):
    activated = django_filters.BooleanFilter(field_name="activated_at", lookup_expr="isnull", exclude=True)
    phone_problem = django_filters.ChoiceFilter(choices=PhoneProblem.choices)

    class Meta:
        model = User
        fields = ["role", "is_active", "sub_district", "community", "unit"]


class UserSerializer(DomainSerializer):
    """An account as the administrator keeps it: role and scope (the one field the role needs), contact, state."""

    phone = PhoneField(required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True, max_length=254)
    activated = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = [
            "id",
            "username",
            "display_name",
            "role",
            "sub_district",
            "community",
            "unit",
            "phone",
            "email",
            "phone_problem",
            "is_active",
            "activated",
            "activated_at",
            "privacy_version",
            "privacy_accepted_at",
            "last_login",
            "date_joined",
        ]
        read_only_fields = [
            "username",
            "phone_problem",
            "is_active",
            "activated_at",
            "privacy_version",
            "privacy_accepted_at",
            "last_login",
            "date_joined",
        ]
        extra_kwargs = {"display_name": {"required": True, "allow_blank": False}, "role": {"required": True}}
        validators = []  # the phone's uniqueness among active accounts is the service's (phone_taken, on the field)

    def get_activated(self, obj) -> bool:
        return obj.activated_at is not None

    def validate(self, attrs):
        attrs = super().validate(attrs)
        role = self.merged(attrs, "role")
        if role == Role.VOLUNTEER and (self.instance is None or self.instance.role != Role.VOLUNTEER):
            raise serializers.ValidationError({"role": [_("Volunteers are added through their profile.")]})
        needed = services.SCOPE_FIELDS.get(role)
        if needed and self.merged(attrs, needed) is None:
            raise serializers.ValidationError({needed: [_("This role needs its scope.")]})
        return attrs

    def create(self, validated_data):
        return services.user_create(created_by=self.context["request"].user, **validated_data)

    def update(self, instance, validated_data):
        return services.user_update(user=instance, **validated_data)


class UserViewSet(ScopedViewSet):
    """The district administrator's accounts: coordinators and unit representatives made with their role and scope
    (each gets an invitation), changed, disabled and enabled again, their login reset (a new invitation)."""

    queryset = User.objects.select_related("sub_district", "community", "unit").order_by("id")
    serializer_class = UserSerializer
    scope = Scope(community=None, write=frozenset({Role.ADMIN}))
    # Only the administrator writes (the scope's writers); anybody else signed in lists nothing and finds nothing.
    registers_related_scope = False  # fields naming a person elsewhere (a need's owner) keep their own rules
    filterset_class = UserFilter
    search_fields = ["username", "display_name", "phone", "email"]
    ordering_fields = ["id", "username", "display_name", "date_joined", "last_login"]

    def perform_destroy(self, instance):
        raise AccountsNotDeleted(_("Accounts are disabled, not deleted: their history stays."))

    def _act(self, request, change) -> Response:
        user = self.get_object()
        change(user)
        user.refresh_from_db()
        return Response(self.get_serializer(user).data)

    @extend_schema(request=None, responses={200: UserSerializer})
    @action(detail=True, methods=["post"])
    def disable(self, request, pk=None):
        """Disable the account: every session, token and open invitation ends."""
        if self.get_object().pk == request.user.pk:
            raise ApplicationError(_("You cannot disable your own account."))
        return self._act(request, lambda user: services.user_active_set(user=user, active=False))

    @extend_schema(
        request=None,
        responses={
            200: UserSerializer,
            400: OpenApiResponse(description="Another active account has its phone number (`phone_taken`)."),
        },
    )
    @action(detail=True, methods=["post"])
    def enable(self, request, pk=None):
        """Enable the account again."""
        return self._act(request, lambda user: services.user_active_set(user=user, active=True))

    @extend_schema(request=None, responses={200: UserSerializer})
    @action(detail=True, methods=["post"], url_path="reset-login")
    def reset_login(self, request, pk=None):
        """The account's password stops working and a new invitation goes out to set another."""
        return self._act(request, lambda user: services.user_login_reset(user=user, reset_by=request.user))
