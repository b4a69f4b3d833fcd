"""The admin of the allocation models opens for a superuser with rows present; runs and publications are not
added by hand."""

import pytest
from django.urls import reverse
from django.utils import timezone

import factories as f
from allocation.models import AllocationPublication, Exclusion, HoldingDecline, Proposal, UnfilledPost

pytestmark = pytest.mark.django_db


def test_changelists_and_change_pages_open(world, done_run, a1_posts, client):
    run = done_run()
    proposal = Proposal.objects.create(run=run, post=a1_posts.patrol, volunteer=a1_posts.m2)
    Exclusion.objects.create(run=run, post=a1_posts.legal, volunteer=a1_posts.m2)
    UnfilledPost.objects.create(run=run, post=a1_posts.legal, missing=1)
    publication = AllocationPublication.objects.create(
        scope_key=run.scope_key, year=run.year, run=run, published_at=timezone.now()
    )
    holding = f.PostHoldingFactory(post=a1_posts.patrol, volunteer=a1_posts.m2, status="declined")
    HoldingDecline.objects.create(holding=holding, reason="搬家", declined_at=timezone.now())
    client.force_login(f.UserFactory(username="root", is_staff=True, is_superuser=True))
    for model in ("allocationrun", "proposal", "exclusion", "unfilledpost", "allocationpublication", "holdingdecline"):
        assert client.get(reverse(f"admin:allocation_{model}_changelist")).status_code == 200, model
    assert client.get(reverse("admin:allocation_allocationrun_change", args=[run.pk])).status_code == 200
    assert client.get(reverse("admin:allocation_proposal_change", args=[proposal.pk])).status_code == 200
    change = reverse("admin:allocation_allocationpublication_change", args=[publication.pk])
    assert client.get(change).status_code == 200
    assert client.get(reverse("admin:allocation_allocationrun_add")).status_code == 403
    assert client.get(reverse("admin:allocation_allocationpublication_add")).status_code == 403
