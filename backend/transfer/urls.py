"""Import and export endpoints (filled in by the transfer work)."""
urlpatterns = []
