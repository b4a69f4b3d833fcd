"""Every list endpoint runs the same number of queries whatever the page size (no query per row)."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import factories as f
from endpoints import ENDPOINTS

pytestmark = pytest.mark.django_db

def _with(obj, **many):
    for name, rows in many.items():
        getattr(obj, name).set(rows)
    return obj


# More rows of each kind, with the related rows a serializer could be tempted to fetch one by one.
EXTRA = {
    "district": lambda w: f.DistrictFactory(code=f"D{f.SubDistrictFactory().pk}", name=f"区{f.SubDistrictFactory().pk}"),
    "sub-district": lambda w: f.SubDistrictFactory(district=w.s1.district),
    "community": lambda w: f.CommunityFactory(sub_district=w.s1),
    "unit": lambda w: f.UnitFactory(community=f.CommunityFactory(sub_district=w.s1)),
    "volunteer": lambda w: f.VolunteerFactory(
        home_community=f.CommunityFactory(sub_district=w.s1), kind="in_office", employer_unit=f.UnitFactory()
    ),
    "agreement": lambda w: f.AgreementItemFactory(agreement=f.AgreementFactory()).agreement,
    "team": lambda w: _with(f.TeamFactory(), members=[f.VolunteerFactory(), f.VolunteerFactory()]),
    "resource": lambda w: f.ResourceSlotFactory(resource=f.ResourceFactory()).resource,
    "project": lambda w: _with(f.ProjectFactory(), needs=[f.NeedFactory()], resources=[f.ResourceFactory()]),
    "shift": lambda w: f.ResourceRequestFactory().shift,
}


def _count(client, path, page_size):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, {"page_size": page_size})
    assert response.status_code == 200
    assert len(response.json()["results"]) == page_size
    return len(queries)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[e.basename for e in ENDPOINTS])
def test_list_query_count_does_not_grow_with_page_size(world, client_as, endpoint):
    # given a dozen rows
    make = EXTRA.get(endpoint.basename, endpoint.make_in)
    for _ in range(12):
        make(world)
    client = client_as("admin")
    # when a small and a large page are read
    small, large = _count(client, endpoint.path, 2), _count(client, endpoint.path, 12)
    # then the query count is the same
    assert small == large
