"""Resource lending endpoints; names are prefixed `lending-`."""
urlpatterns: list = []
