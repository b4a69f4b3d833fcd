"""The admin of the planning models opens for a superuser with rows present."""

import pytest
from django.urls import reverse

import factories as f
from planning.models import Assignment, ResourceBooking, UnfilledSeat

pytestmark = pytest.mark.django_db


def test_changelists_and_change_pages_open(world, queued_run, client):
    # given a run with one row of each kind
    run = queued_run(community=world.a1)
    shift = f.ShiftFactory(community=world.a1)
    request = f.ResourceRequestFactory(shift=shift)
    Assignment.objects.create(run=run, shift=shift, volunteer=world.v1)
    ResourceBooking.objects.create(run=run, request=request, resource=f.ResourceFactory(community=world.a1))
    UnfilledSeat.objects.create(run=run, shift=shift, missing=1)
    client.force_login(f.UserFactory(username="root", is_staff=True, is_superuser=True))
    # when / then
    for model in ("matchingrun", "assignment", "resourcebooking", "unfilledseat"):
        assert client.get(reverse(f"admin:planning_{model}_changelist")).status_code == 200, model
    assert client.get(reverse("admin:planning_matchingrun_change", args=[run.pk])).status_code == 200
    assert (
        client.get(reverse("admin:planning_assignment_change", args=[Assignment.objects.get().pk])).status_code == 200
    )
    assert client.get(reverse("admin:planning_matchingrun_add")).status_code == 403
