"""Attendance endpoints."""
urlpatterns = []
