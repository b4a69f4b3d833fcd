"""Sign-in for the browser (session with CSRF) and for scripts (token), and who am I."""
from django.contrib.auth import authenticate, login, logout
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect, ensure_csrf_cookie
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.authtoken.models import Token
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from core.errors import ApplicationError


class WrongCredentials(ApplicationError):
    """The username and password do not match an active account."""

    code = "wrong_credentials"


class CredentialsSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, style={"input_type": "password"}, trim_whitespace=False)


class MeSerializer(serializers.ModelSerializer):
    volunteer = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = User
        fields = ["id", "username", "display_name", "role", "sub_district", "community", "unit", "volunteer"]


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()


def _authenticate(request, data) -> User:
    payload = CredentialsSerializer(data=data)
    payload.is_valid(raise_exception=True)
    user = authenticate(request, **payload.validated_data)
    if user is None or not user.is_active:
        raise WrongCredentials(_("Wrong username or password."))
    return user


@method_decorator(csrf_protect, name="dispatch")  # DRF skips CSRF for anonymous callers; a login must not
class LoginApi(APIView):
    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    @extend_schema(request=CredentialsSerializer, responses=MeSerializer)
    def post(self, request):
        user = _authenticate(request._request, request.data)
        login(request._request, user)
        return Response(MeSerializer(user).data)


class LogoutApi(APIView):
    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        logout(request._request)
        return Response(status=204)


@method_decorator(ensure_csrf_cookie, name="dispatch")
class MeApi(APIView):
    @extend_schema(responses=MeSerializer)
    def get(self, request):
        return Response(MeSerializer(request.user).data)


class TokenApi(APIView):
    """Exchange a username and password for an API token (for scripts; send `Authorization: Token …`)."""

    permission_classes = [permissions.AllowAny]
    authentication_classes = []

    @extend_schema(request=CredentialsSerializer, responses=TokenSerializer)
    def post(self, request):
        user = _authenticate(request._request, request.data)
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})
