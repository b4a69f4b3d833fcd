"""Notification endpoints (in-app inbox)."""
urlpatterns = []
