"""Volunteering endpoints: my posts and their answers, open seats and micro-wishes to claim, the calendar token
and the feed; names `volunteering-`."""

from django.urls import path

from volunteering.apis import (
    CalendarFeedApi,
    CalendarTokenDetailApi,
    CalendarTokenRotateApi,
    MyPostAcceptApi,
    MyPostDeclineApi,
    MyPostListApi,
    OpenSeatClaimApi,
    OpenSeatListApi,
    WishClaimApi,
    WishListApi,
)

urlpatterns = [
    path("me/posts/", MyPostListApi.as_view(), name="volunteering-post-list"),
    path("me/posts/<int:assignment_id>/accept/", MyPostAcceptApi.as_view(), name="volunteering-post-accept"),
    path("me/posts/<int:assignment_id>/decline/", MyPostDeclineApi.as_view(), name="volunteering-post-decline"),
    path("me/calendar-token/", CalendarTokenDetailApi.as_view(), name="volunteering-calendar-token"),
    path("me/calendar-token/rotate/", CalendarTokenRotateApi.as_view(), name="volunteering-calendar-token-rotate"),
    path("volunteering/open-seats/", OpenSeatListApi.as_view(), name="volunteering-open-seat-list"),
    path(
        "volunteering/open-seats/<int:shift_id>/claim/", OpenSeatClaimApi.as_view(), name="volunteering-open-seat-claim"
    ),
    path("volunteering/wishes/", WishListApi.as_view(), name="volunteering-wish-list"),
    path("volunteering/wishes/<int:need_id>/claim/", WishClaimApi.as_view(), name="volunteering-wish-claim"),
    path("calendar/<slug:token>.ics", CalendarFeedApi.as_view(), name="volunteering-calendar-feed"),
]
