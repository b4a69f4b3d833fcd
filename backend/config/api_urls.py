"""Every API endpoint of the domain apps, one router."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from accounts.apis import (
    CodeLoginApi,
    InvitationAcceptApi,
    InvitationLookupApi,
    LoginApi,
    LogoutApi,
    MeApi,
    PasswordResetApi,
    PhoneCodeRequestApi,
    PrivacyNoticeApi,
    TokenApi,
    UserViewSet,
)
from geo.apis import CommunityViewSet, DistrictViewSet, FacilityViewSet, GridViewSet, SubDistrictViewSet
from needs.apis import NeedViewSet
from offers.apis import ServiceOfferViewSet
from orgs.apis import AgreementViewSet, UnitViewSet
from people.apis import (
    BlackoutViewSet,
    CommunityInvitationSheetApi,
    SkillViewSet,
    VolunteerViewSet,
    WeeklyAvailabilityViewSet,
)
from posts.apis import PostHoldingViewSet, PostViewSet, TeamViewSet
from projects.apis import ProjectViewSet
from resources.apis import ResourceSlotViewSet, ResourceViewSet
from shifts.apis import ShiftViewSet

router = DefaultRouter()
router.register("districts", DistrictViewSet, basename="district")
router.register("sub-districts", SubDistrictViewSet, basename="sub-district")
router.register("communities", CommunityViewSet, basename="community")
router.register("grids", GridViewSet, basename="grid")
router.register("facilities", FacilityViewSet, basename="facility")
router.register("offers", ServiceOfferViewSet, basename="offer")
router.register("units", UnitViewSet, basename="unit")
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("skills", SkillViewSet, basename="skill")
router.register("volunteers", VolunteerViewSet, basename="volunteer")
router.register("availability", WeeklyAvailabilityViewSet, basename="availability")
router.register("blackouts", BlackoutViewSet, basename="blackout")
router.register("teams", TeamViewSet, basename="team")
router.register("posts", PostViewSet, basename="post")
router.register("post-holdings", PostHoldingViewSet, basename="post-holding")
router.register("needs", NeedViewSet, basename="need")
router.register("resources", ResourceViewSet, basename="resource")
router.register("resource-slots", ResourceSlotViewSet, basename="resource-slot")
router.register("projects", ProjectViewSet, basename="project")
router.register("shifts", ShiftViewSet, basename="shift")
router.register("users", UserViewSet, basename="user")

urlpatterns = [
    path("auth/login/", LoginApi.as_view(), name="login"),
    path("auth/logout/", LogoutApi.as_view(), name="logout"),
    path("auth/me/", MeApi.as_view(), name="me"),
    path("auth/token/", TokenApi.as_view(), name="token"),
    path("auth/invitation/", InvitationLookupApi.as_view(), name="invitation"),
    path("auth/invitation/accept/", InvitationAcceptApi.as_view(), name="invitation-accept"),
    path("auth/privacy-notice/", PrivacyNoticeApi.as_view(), name="privacy-notice"),
    path("auth/phone-code/", PhoneCodeRequestApi.as_view(), name="phone-code"),
    path("auth/code-login/", CodeLoginApi.as_view(), name="code-login"),
    path("auth/password-reset/", PasswordResetApi.as_view(), name="password-reset"),
    path(
        "communities/<int:pk>/invitation-sheet/",
        CommunityInvitationSheetApi.as_view(),
        name="community-invitation-sheet",
    ),
    path("", include("transfer.urls")),
    path("", include("planning.urls")),
    path("", include("notifications.urls")),
    path("", include("volunteering.urls")),
    path("", include("allocation.urls")),
    path("", include("lending.urls")),
    path("", include("records.urls")),
    path("", include("ledgers.urls")),
    path("", include("reports.urls")),
    path("", include("evaluation.urls")),
    path("", include("insights.urls")),
    path("", include("audit.urls")),
    path("", include("ordering.urls")),
    path("", include("attendance.urls")),  # import/export before the router's detail routes
    path("", include(router.urls)),
]
