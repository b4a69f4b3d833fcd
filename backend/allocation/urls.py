"""Post allocation endpoints; names are prefixed `allocation-`."""
urlpatterns: list = []
