import pytest


@pytest.mark.django_db
def test_world_builds(world, client_as):
    response = client_as("admin").get("/api/communities/")
    assert response.status_code == 200
    assert response.json()["count"] == 3
