"""The permission matrix: every router endpoint, every role, reads and writes inside and outside scope."""

import pytest
from django.urls import get_resolver

from conftest import ROLES
from endpoints import ENDPOINTS

CASES = [(endpoint, role) for endpoint in ENDPOINTS for role in ROLES]
IDS = [f"{endpoint.basename}-{role}" for endpoint, role in CASES]

pytestmark = pytest.mark.django_db


def test_every_router_endpoint_is_in_the_matrix():
    # given the domain router of the URL configuration
    from config.api_urls import router

    # when its registered entities are collected
    routed = {basename for _prefix, _viewset, basename in router.registry}
    # then each one has its row in the matrix, and every listed one resolves
    assert routed == {endpoint.basename for endpoint in ENDPOINTS}
    names = {name for name in get_resolver().reverse_dict if isinstance(name, str)}
    assert {f"{basename}-list" for basename in routed} <= names


@pytest.mark.parametrize(("endpoint", "role"), CASES, ids=IDS)
def test_list_shows_only_rows_in_scope(world, client_as, endpoint, role):
    # given one object inside and one outside the caller's scope
    inside, outside = endpoint.make_in(world), endpoint.make_out(world)
    # when the caller lists the endpoint
    response = client_as(role).get(endpoint.path, {"page_size": 200})
    # then
    if role == "anonymous":
        assert response.status_code == 401
        return
    assert response.status_code == 200
    ids = {row["id"] for row in response.json()["results"]}
    assert (inside.pk in ids) == (role in endpoint.read_in)
    assert (outside.pk in ids) == (role in endpoint.read_out)


@pytest.mark.parametrize(("endpoint", "role"), CASES, ids=IDS)
def test_detail_answers_404_outside_scope(world, client_as, endpoint, role):
    inside, outside = endpoint.make_in(world), endpoint.make_out(world)
    client = client_as(role)
    got_in = client.get(f"{endpoint.path}{inside.pk}/").status_code
    got_out = client.get(f"{endpoint.path}{outside.pk}/").status_code
    if role == "anonymous":
        assert (got_in, got_out) == (401, 401)
        return
    assert got_in == (200 if role in endpoint.read_in else 404)
    assert got_out == (200 if role in endpoint.read_out else 404)


def _patch(endpoint, obj) -> dict:
    return {name: f"X{obj.pk}" if value is None else value for name, value in endpoint.patch.items()}


def _expected_write(endpoint, role, allowed: bool) -> int:
    if role == "anonymous":
        return 401
    if allowed:
        return 200
    return 404 if role in endpoint.write_roles else 403


@pytest.mark.parametrize(("endpoint", "role"), CASES, ids=IDS)
def test_update_inside_and_outside_scope(world, client_as, endpoint, role):
    inside, outside = endpoint.make_in(world), endpoint.make_out(world)
    client = client_as(role)
    # when the caller changes both objects
    got_in = client.patch(f"{endpoint.path}{inside.pk}/", _patch(endpoint, inside), format="json")
    got_out = client.patch(f"{endpoint.path}{outside.pk}/", _patch(endpoint, outside), format="json")
    # then only what is theirs changes
    assert got_in.status_code == _expected_write(endpoint, role, role in endpoint.write_in), got_in.json()
    assert got_out.status_code == _expected_write(endpoint, role, role == "admin"), got_out.json()
    outside_before = type(outside).objects.get(pk=outside.pk)
    if role != "admin":
        for name in endpoint.patch:
            assert getattr(outside_before, name) == getattr(outside, name)


@pytest.mark.parametrize(("endpoint", "role"), CASES, ids=IDS)
def test_delete_outside_scope_is_refused(world, client_as, endpoint, role):
    outside = endpoint.make_out(world)
    response = client_as(role).delete(f"{endpoint.path}{outside.pk}/")
    if role == "admin":
        assert response.status_code in (204, 409)  # 409: still in use by protected rows
    else:
        deleters = endpoint.write_roles if endpoint.delete_roles is None else endpoint.delete_roles
        expected = 401 if role == "anonymous" else 404 if role in deleters else 403
        assert response.status_code == expected
        assert type(outside).objects.filter(pk=outside.pk).exists()


@pytest.mark.parametrize(("endpoint", "role"), CASES, ids=IDS)
def test_create_inside_and_outside_scope(world, client_as, endpoint, role):
    client = client_as(role)
    # when the caller files one object in their scope and one in another
    got_in = client.post(endpoint.path, endpoint.create(world, True), format="json")
    got_out = client.post(endpoint.path, endpoint.create(world, False), format="json")
    # then
    if role == "anonymous":
        assert (got_in.status_code, got_out.status_code) == (401, 401)
        return
    if role not in endpoint.create_roles:
        assert (got_in.status_code, got_out.status_code) == (403, 403)
        return
    assert got_in.status_code == 201, got_in.json()
    if role in endpoint.create_out_roles:
        assert got_out.status_code == 201, got_out.json()
    else:
        assert got_out.status_code == 400, got_out.json()
        assert got_out.json()["extra"]["code"] == "invalid"
