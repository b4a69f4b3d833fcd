"""Residents' order endpoints: the public form and service menu, codes, orders, tracking and rating; the
coordinators' poster."""

from django.urls import path

from ordering import apis

urlpatterns = [
    path("public/communities/<int:pk>/order-form/", apis.OrderFormApi.as_view(), name="order-form"),
    path("public/communities/<int:pk>/order-form/menu/", apis.OrderMenuApi.as_view(), name="order-menu"),
    path(
        "public/communities/<int:pk>/order-form/request-code/",
        apis.OrderCodeRequestApi.as_view(),
        name="order-request-code",
    ),
    path("public/communities/<int:pk>/order-form/orders/", apis.OrderCreateApi.as_view(), name="order-create"),
    path("public/orders/track/", apis.OrderTrackApi.as_view(), name="order-track"),
    path("public/orders/rate/", apis.OrderRateApi.as_view(), name="order-rate"),
    path("ordering/communities/<int:pk>/poster/", apis.CommunityOrderPosterApi.as_view(), name="order-poster"),
]
