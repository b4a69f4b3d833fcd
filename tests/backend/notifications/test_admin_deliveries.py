"""Deliveries in the admin: listed and shown read-only to staff, the number masked, the parameters never shown."""

import pytest
from django.urls import reverse

import factories as f
from accounts.models import User
from notifications.sms import queue_sms

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, world):
    client.force_login(f.UserFactory(username="root", role=User.Role.ADMIN, is_staff=True, is_superuser=True))
    return client


def test_a_delivery_is_shown_read_only_with_the_number_masked(world, staff):
    # given a queued login code
    delivery = queue_sms("13900001234", "login_code", {"code": "482913", "minutes": 5}, "login_code:5")
    # when staff open the list and the row
    listing = staff.get(reverse("admin:notifications_delivery_changelist"))
    page = staff.get(reverse("admin:notifications_delivery_change", args=[delivery.pk]))
    # then both show the masked number and neither the number nor the code; nothing can be added or saved
    for response in (listing, page):
        text = response.content.decode()
        assert response.status_code == 200
        assert "139****1234" in text
        assert "13900001234" not in text and "482913" not in text
    assert staff.get(reverse("admin:notifications_delivery_add")).status_code == 403
    assert 'name="_save"' not in page.content.decode()
