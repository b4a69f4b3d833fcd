"""Notification endpoints (the caller's in-app inbox and channels); names are prefixed `notification-`.

Plain paths rather than the domain router: the inbox is per caller, not a scoped CRUD entity.
"""

from django.urls import path

from notifications.apis import (
    NotificationChannelsApi,
    NotificationListApi,
    NotificationReadAllApi,
    NotificationReadApi,
)

urlpatterns = [
    path("notifications/", NotificationListApi.as_view(), name="notification-list"),
    path("notifications/read-all/", NotificationReadAllApi.as_view(), name="notification-read-all"),
    path("notifications/channels/", NotificationChannelsApi.as_view(), name="notification-channels"),
    path("notifications/<int:pk>/read/", NotificationReadApi.as_view(), name="notification-read"),
]
