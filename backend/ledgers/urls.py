"""Unit ledgers endpoints; names are prefixed `ledgers-`."""
urlpatterns: list = []
