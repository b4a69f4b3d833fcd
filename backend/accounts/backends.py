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
