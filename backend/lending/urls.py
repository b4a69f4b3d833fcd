"""Resource lending endpoints (the unit's side of the weekly plan); names are prefixed `lending-`."""

import datetime as dt

from django.urls import path, register_converter

from lending.apis import ResourceWithdrawalCancelApi, ResourceWithdrawApi, UnitBookingListApi, WithdrawalListApi


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(value) from None  # not a day: the URL does not match (404)

    def to_url(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else str(value)


register_converter(IsoDateConverter, "lending_date")

urlpatterns = [
    path("unit/bookings/", UnitBookingListApi.as_view(), name="lending-booking-list"),
    path("unit/withdrawals/", WithdrawalListApi.as_view(), name="lending-withdrawal-list"),
    path("unit/resources/<int:resource_id>/withdraw/", ResourceWithdrawApi.as_view(), name="lending-withdraw"),
    path(
        "unit/resources/<int:resource_id>/withdrawals/<lending_date:date>/",
        ResourceWithdrawalCancelApi.as_view(),
        name="lending-withdrawal-cancel",
    ),
]
