"""Sign-in for the browser (session with CSRF) and for scripts (token), and who am I.

Sign-ins are throttled per address (scope "login") and locked per username and address after repeated wrong
passwords (django-axes, see accounts.lockout). A refused sign-in commits its request's transaction, unlike
other refusals: it holds the failure axes counted, and a rolled-back count would never lock anybody out.
"""
from django.contrib.auth import authenticate, login, logout
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect, ensure_csrf_cookie
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services
from accounts.lockout import LOCKED_OUT, lockout_message, lockout_minutes
from accounts.models import ApiToken, User
from core.errors import ApplicationError


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

    class Meta:
        model = User
        fields = ["id", "username", "display_name", "role", "sub_district", "community", "unit", "volunteer"]
        read_only_fields = fields


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
    429: OpenApiResponse(description="Locked out after repeated wrong passwords (`locked_out`), or too many "
                                     "sign-ins from this address (`throttled`); see Retry-After."),
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
    @extend_schema(request=CredentialsSerializer, responses={200: MeSerializer, 403: OpenApiResponse(
        description="The CSRF token is missing or wrong (`csrf_failed`)."), **SIGN_IN_REFUSALS})
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


@method_decorator(ensure_csrf_cookie, name="dispatch")
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
