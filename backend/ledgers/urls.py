"""Unit ledgers endpoints; names are prefixed `ledgers-`."""

from django.urls import path

from ledgers.apis import LedgerDetailApi, LedgerEntryCreateApi, LedgerListApi, LedgerWriteApi

urlpatterns = [
    path("ledgers/", LedgerListApi.as_view(), name="ledgers-list"),
    path("ledgers/write/", LedgerWriteApi.as_view(), name="ledgers-write"),
    path("ledgers/<int:ledger_id>/", LedgerDetailApi.as_view(), name="ledgers-detail"),
    path("ledgers/<int:ledger_id>/entries/", LedgerEntryCreateApi.as_view(), name="ledgers-entry-create"),
]
