"""Volunteering endpoints: my posts and their answers, the calendar token and the feed; names `volunteering-`."""

from django.urls import path

from volunteering.apis import (
    CalendarFeedApi,
    CalendarTokenDetailApi,
    CalendarTokenRotateApi,
    MyPostAcceptApi,
    MyPostDeclineApi,
    MyPostListApi,
)

urlpatterns = [
    path("me/posts/", MyPostListApi.as_view(), name="volunteering-post-list"),
    path("me/posts/<int:assignment_id>/accept/", MyPostAcceptApi.as_view(), name="volunteering-post-accept"),
    path("me/posts/<int:assignment_id>/decline/", MyPostDeclineApi.as_view(), name="volunteering-post-decline"),
    path("me/calendar-token/", CalendarTokenDetailApi.as_view(), name="volunteering-calendar-token"),
    path("me/calendar-token/rotate/", CalendarTokenRotateApi.as_view(), name="volunteering-calendar-token-rotate"),
    path("calendar/<slug:token>.ics", CalendarFeedApi.as_view(), name="volunteering-calendar-feed"),
]
