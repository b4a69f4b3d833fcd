"""The printable order poster (点单海报): a PDF with the QR code of the community's public order page, for the
coordinators whose scope holds the community; nobody else."""

import pytest

pytestmark = pytest.mark.django_db


def _poster(client, community):
    return client.get(f"/api/ordering/communities/{community.pk}/poster/")


@pytest.mark.parametrize("role", ["community", "subdistrict", "admin"])
def test_coordinators_print_their_communitys_poster(world, client_as, role):
    response = _poster(client_as(role), world.a1)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="order-poster-{world.a1.code}.pdf"'
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("role", ["community", "subdistrict"])
def test_another_communitys_poster_is_not_found(world, client_as, role):
    response = _poster(client_as(role), world.b1)
    assert (response.status_code, response.json()["extra"]["code"]) == (404, "not_found")


@pytest.mark.parametrize(("role", "status"), [("volunteer", 403), ("unit", 403), ("anonymous", 401)])
def test_others_may_not_print_posters(world, client_as, role, status):
    assert _poster(client_as(role), world.a1).status_code == status


def test_the_poster_holds_the_public_order_page(world, settings):
    from ordering.poster import order_page_url

    settings.ORDER_URL = "https://volunteer.example.org/order/"
    assert order_page_url(world.a1) == f"https://volunteer.example.org/order/{world.a1.pk}"
