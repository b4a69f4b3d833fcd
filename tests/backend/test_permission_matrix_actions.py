"""The permission matrix beyond the router: every URL under /api/ has its row (endpoints.ROUTES or the router's
ENDPOINTS), and each plain API view and extra action answers each role as the issue's rules say."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import ROLES
from endpoints import ENDPOINTS, LISTINGS, ROUTES

pytestmark = pytest.mark.django_db

NOT_API = {"schema", "docs"}  # the OpenAPI document and its viewer describe the API; anyone may read them
ROUTER_ACTIONS = {"list", "create", "retrieve", "update", "partial_update", "destroy"}
HTTP_METHODS = ["get", "post", "put", "patch", "delete"]


def _walk(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def _api_routes() -> set[tuple[str, str, str]]:
    """(URL name, method, view action or "") of every URL pattern under /api/."""
    found = set()
    for route, pattern in _walk(get_resolver()):
        if not route.startswith("api/") or pattern.name in NOT_API:
            continue
        callback = pattern.callback
        actions = getattr(callback, "actions", None)
        if actions:  # a router's viewset
            found |= {(pattern.name, method, action) for method, action in actions.items() if method in HTTP_METHODS}
            continue
        view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
        found |= {(pattern.name, method, "") for method in HTTP_METHODS if hasattr(view, method)}
    return found


def test_every_api_url_is_in_the_matrix():
    # given every URL pattern under /api/, walked from the root URL configuration
    routes = _api_routes()
    # when the router's CRUD rows (ENDPOINTS; PUT is PATCH's twin) and the other rows (ROUTES) are taken away
    in_router_matrix = {endpoint.basename for endpoint in ENDPOINTS}
    covered = {(route.name, route.method) for route in ROUTES}
    missing = sorted(
        (name, method)
        for name, method, action in routes
        if not (action in ROUTER_ACTIONS and name.rsplit("-", 1)[0] in in_router_matrix)
        and (name, method) not in covered
    )
    # then nothing is left: a new endpoint needs its row before it ships
    assert missing == []
    # and every row names a route that exists
    assert covered <= {(name, method) for name, method, _action in routes}


CASES = [(route, role) for route in ROUTES for role in ROLES]
IDS = [f"{route.name}-{route.method}-{role}" for route, role in CASES]
GATE = {401, 403, 404}


def _gate(route, role) -> int | None:
    if role == "anonymous" and not route.public:
        return 401
    if role not in route.roles:
        return 403
    return None


def _call(client, route, kwargs, body):
    url = reverse(route.name, kwargs=kwargs)
    if route.method == "get":
        return client.get(url)
    return getattr(client, route.method)(url, body, format="json")


def _body(route, world, inside: bool) -> dict:
    return route.body(world, inside) if callable(route.body) else route.body


@pytest.mark.parametrize(("route", "role"), CASES, ids=IDS)
def test_route_answers_each_role_inside_and_outside_scope(world, client_as, route, role):
    # given an object (or a scope named in the body) inside and one outside the caller's scope
    scoped = (route.make is not None and not route.shared) or callable(route.body)
    kwargs_in = route.make(world, role, True) if route.make else None
    kwargs_out = route.make(world, role, False) if route.make else None
    client = client_as(role)
    # when the caller acts on both
    got_in = _call(client, route, kwargs_in, _body(route, world, True))
    got_out = _call(client, route, kwargs_out, _body(route, world, False)) if scoped else None
    # then the role gate answers first; past it, only the caller's own scope is found
    gate = _gate(route, role)
    if gate is not None:
        assert got_in.status_code == gate, got_in.content[:300]
        if scoped:
            assert got_out.status_code == gate, got_out.content[:300]
        return
    assert got_in.status_code not in GATE and got_in.status_code < 500, got_in.content[:300]
    if scoped:
        if route.personal or role != "admin":
            assert got_out.status_code == 404, got_out.content[:300]
        else:
            assert got_out.status_code not in GATE and got_out.status_code < 500, got_out.content[:300]


LISTING_CASES = [
    (listing, role)
    for listing in LISTINGS
    for role in sorted(
        next(route.roles for route in ROUTES if (route.name, route.method) == (listing.name, "get")) - {"anonymous"}
    )
]


@pytest.mark.parametrize(
    ("listing", "role"), LISTING_CASES, ids=[f"{listing.name}-{role}" for listing, role in LISTING_CASES]
)
def test_list_shows_only_rows_in_scope(world, client_as, listing, role):
    # given one row inside and one outside the caller's scope
    inside, outside = listing.make(world, True), listing.make(world, False)
    # when the caller lists
    response = client_as(role).get(reverse(listing.name), {"page_size": 200})
    # then
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    ids = {row["id"] for row in (body["results"] if isinstance(body, dict) else body)}
    assert (inside.pk in ids, outside.pk in ids) == (role in listing.read_in, role in listing.read_out)
