"""A person's channels: read and change their own (SMS and e-mail; the inbox is always on); bad input is a 400
in the one error shape and changes nothing."""

import pytest
from django.urls import reverse

from notifications.models import ChannelPreference

pytestmark = pytest.mark.django_db

CHANNELS = "/api/notifications/channels/"


def test_the_url_is_named_notification_channels():
    assert reverse("notification-channels") == CHANNELS


def test_without_a_choice_every_reachable_channel_is_on(world, client_as):
    # given V1 has a phone number and no e-mail address
    world.v1.user.email = ""
    world.v1.user.save()
    response = client_as("volunteer").get(CHANNELS)
    assert response.status_code == 200
    assert response.json() == {
        "in_app": True,
        "sms": True,
        "email": True,
        "sms_reachable": True,
        "email_reachable": False,
    }


def test_a_volunteer_turns_sms_off_and_only_their_own(world, client_as):
    # when V1 turns SMS off
    response = client_as("volunteer").patch(CHANNELS, {"sms": False})
    # then V1's choice is stored, e-mail unchanged, and nobody else's changed
    assert response.status_code == 200
    assert (response.json()["sms"], response.json()["email"]) == (False, True)
    assert list(ChannelPreference.objects.values_list("user_id", "sms", "email")) == [(world.v1.user_id, False, True)]
    assert client_as("community").get(CHANNELS).json()["sms"] is True
    # and turns it on again
    assert client_as("volunteer").patch(CHANNELS, {"sms": True}).json()["sms"] is True


def test_a_value_that_is_not_a_boolean_is_refused(world, client_as):
    response = client_as("volunteer").patch(CHANNELS, {"sms": "maybe"})
    assert response.status_code == 400
    assert response.json() == {
        "message": "sms: Must be a valid boolean.",
        "extra": {"code": "invalid", "fields": {"sms": ["Must be a valid boolean."]}},
    }
    assert not ChannelPreference.objects.exists()


def test_anonymous_callers_are_refused(world, client_as):
    assert client_as("anonymous").get(CHANNELS).status_code == 401
