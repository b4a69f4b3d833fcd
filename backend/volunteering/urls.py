"""Volunteering endpoints."""
urlpatterns = []
