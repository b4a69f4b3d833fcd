"""URL map: the API under /api/, its schema and docs, the admin, and the web app."""

from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from core.spa import web_app

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    path("api/", include("config.api_urls")),
    # Everything else belongs to the web app's router (files such as /assets/... are served by WhiteNoise).
    re_path(r"^(?!api/|admin/|static/|i18n/|media/)(?P<path>.*)$", web_app, name="web-app"),
]

handler404 = "core.errors.page_not_found"
