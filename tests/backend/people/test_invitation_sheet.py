"""The printable sheet of invitation QR codes of a community: one code per member who has not activated, printed
invitations replace those sent before, and the sheet says so."""

import pytest
from django.utils import timezone

import factories as f
from accounts import services as accounts_services
from accounts.models import Invitation

pytestmark = pytest.mark.django_db


def test_the_sheet_reissues_the_invitations_of_members_not_yet_activated(world, client_as):
    # given two members of A1 who have not activated (V1 and another) and one who has
    waiting = f.VolunteerFactory(home_community=world.a1)
    done = f.VolunteerFactory(home_community=world.a1)
    done.user.activated_at = timezone.now()
    done.user.save()
    sent = accounts_services.invitation_issue(user=waiting.user, send=False)
    # when A1's coordinator prints the sheet
    response = client_as("community").get(f"/api/communities/{world.a1.pk}/invitation-sheet/")
    # then it is a PDF, the invitation sent before stops working, and exactly the two waiting members have a new one
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert accounts_services.selectors.invitation_open_by_token(token=sent.token) is None
    open_for = set(Invitation.objects.filter(used_at=None, revoked_at=None).values_list("user_id", flat=True))
    assert open_for == {world.v1.user_id, waiting.user_id}


def test_another_sub_districts_community_is_not_found(world, client_as):
    response = client_as("subdistrict").get(f"/api/communities/{world.b1.pk}/invitation-sheet/")
    assert response.status_code == 404
