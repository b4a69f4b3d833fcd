"""Weekly planning endpoints (matching runs, plans, publication)."""
urlpatterns = []
