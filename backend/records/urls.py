"""Service records endpoints; names are prefixed `records-`."""
urlpatterns: list = []
