"""The lockout check in front of the password check (django-axes): a locked-out username and address pair is
refused before any backend looks at the password."""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Axes' check for sign-ins over HTTP.

    `authenticate()` without a request is no sign-in from anybody (the shell, the test client's `login`, the
    demo's own checks); axes would raise there, so those calls pass on to the model backend unchecked. Every
    HTTP sign-in (our login and token APIs, the admin's form) hands the request over.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class PhoneCodeBackend:
    """Sign-in with a one-time code sent by SMS (accounts.services.phone_code_use). Called as
    `authenticate(request, username=phone, phone=phone, code=code)`: axes' backend in front sees the number as
    the username, so wrong codes count and lock out exactly as wrong passwords do."""

    def authenticate(self, request, phone=None, code=None, **kwargs):
        if request is None or phone is None or code is None:
            return None
        from accounts.services import phone_code_use

        return phone_code_use(phone=phone, purpose="login", code=code)

    def get_user(self, user_id):
        from accounts.models import User

        return User.objects.filter(pk=user_id, is_active=True).first()
