"""The web app's shell: index.html of the built frontend for every path its router owns.

Served with the CSRF cookie set, so the app's first POST (the login) carries the token. Without a build the
page says how to make one instead of a bare 404.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_safe


@require_safe
@ensure_csrf_cookie
def web_app(request, path: str = ""):
    index = settings.FRONTEND_DIST / "index.html"
    if not index.is_file():
        text = _("The web app is not built. Run `make frontend`; the API is at /api/ and its docs at /api/docs/.")
        return HttpResponse(text, status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(index.read_bytes(), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"  # the shell names the current hashed assets
    return response
