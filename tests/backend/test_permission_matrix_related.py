"""Related fields, single or many, accept only what the caller may see (issue 19, item 1).

Three layers: the two reproductions of the outside probe; the matrix (every writable related field of every
router endpoint, as each role that may change the endpoint's in-scope object, named with an object that role
cannot see, single ids and lists alike); and a guard over every serializer of the backend, so that a new
related field cannot skip the scope. What each role cannot see is written here by hand (OUT_OF_SCOPE), not
derived from the code under test.
"""

import importlib

import pytest
from django.apps import apps
from django.urls import resolve
from rest_framework import relations, serializers

import factories as f
from endpoints import ENDPOINTS

pytestmark = pytest.mark.django_db

COORD_SCOPED = {"community", "subdistrict"}  # A1 and S1: community B1 (sub-district S2) is outside both
ANY_SCOPED = COORD_SCOPED | {"unit", "volunteer"}

# model name -> (an object outside the test scope, the roles that cannot see it)
OUT_OF_SCOPE = {
    "Community": (lambda w: w.b1, COORD_SCOPED),
    "SubDistrict": (lambda w: w.s2, COORD_SCOPED),
    "Grid": (lambda w: f.GridFactory(community=w.b1), COORD_SCOPED),
    "Unit": (lambda w: w.u2, {"unit"}),
    "Volunteer": (lambda w: w.v2, ANY_SCOPED),
    "Need": (lambda w: f.NeedFactory(community=w.b1), ANY_SCOPED),
    "Team": (lambda w: f.TeamFactory(community=w.b1), ANY_SCOPED),
    "Post": (lambda w: f.PostFactory(community=w.b1), ANY_SCOPED),
    "Project": (lambda w: f.ProjectFactory(community=w.b1), ANY_SCOPED),
    "Shift": (lambda w: f.ShiftFactory(community=w.b1), ANY_SCOPED),
    "Resource": (lambda w: f.ResourceFactory(community=w.b1, unit=w.u2), ANY_SCOPED),
}
# Fields that may name any row of a catalogue everyone reads, by the domain's rules.
OPEN_CHOICES = {
    ("volunteer", "reported_community"),  # an in-office member reports to the community where they live
    ("volunteer", "preferred_communities"),  # a volunteer may like to serve anywhere in the district
}


def _writable_relations(serializer) -> dict:
    """field name -> (model, many) for every related field the serializer takes as input."""
    found = {}
    for name, field in serializer.fields.items():
        if field.read_only:
            continue
        many = isinstance(field, relations.ManyRelatedField)
        relation = field.child_relation if many else field
        if isinstance(relation, relations.RelatedField):
            found[name] = (relation.queryset.model, many)
    return found


def _serializer_of(endpoint, role, world, client_as):
    """The serializer the endpoint's change uses for this role (a volunteer's own profile has its own)."""
    view = resolve(endpoint.path).func
    viewset = view.cls(request=None, format_kwarg=None, action="partial_update", kwargs={})
    request = client_as(role).get(endpoint.path).wsgi_request
    request.user = world.users[role]
    viewset.request = request
    return viewset.get_serializer_class()(context={"request": request, "view": viewset})


def _cases():
    return [(endpoint, role) for endpoint in ENDPOINTS for role in sorted(endpoint.write_in) if role != "admin"]


def _stored(obj, name, many):
    obj = type(obj).objects.get(pk=obj.pk)
    if many:
        return sorted(getattr(obj, name).values_list("pk", flat=True))
    return getattr(obj, type(obj)._meta.get_field(name).attname)


@pytest.mark.parametrize(("endpoint", "role"), _cases(), ids=[f"{e.basename}-{r}" for e, r in _cases()])
def test_no_related_field_names_an_object_the_caller_cannot_see(world, client_as, endpoint, role):
    # given an object in the caller's scope and, for each related field it takes, an object of that field's
    # model the caller cannot see
    obj = endpoint.make_in(world)
    fields = _writable_relations(_serializer_of(endpoint, role, world, client_as))
    checked = 0
    for name, (model, many) in sorted(fields.items()):
        make_out, hidden_from = OUT_OF_SCOPE.get(model.__name__, (None, set()))
        if role not in hidden_from or (endpoint.basename, name) in OPEN_CHOICES:
            continue
        out = make_out(world)
        before = _stored(obj, name, many)
        # when the caller names it, alone or in a list
        response = client_as(role).patch(
            f"{endpoint.path}{obj.pk}/",
            {name: [out.pk] if many else out.pk},
            format="json",
        )
        # then the change is refused naming the field, or has no effect; the object is never bound
        assert response.status_code in (400, 200), (name, response.json())
        if response.status_code == 400:
            assert name in response.json()["extra"]["fields"], (name, response.json())
        assert _stored(obj, name, many) == before, name
        checked += 1
    if endpoint.basename in {"project", "team"} and role in COORD_SCOPED:
        assert checked >= 2  # the many-to-many fields of the probe are among those checked


def test_a_project_cannot_bind_a_need_of_another_community(world, client_as):
    # given a need of community B1, which the coordinator of A1 cannot read
    need = f.NeedFactory(community=world.b1)
    assert client_as("community").get(f"/api/needs/{need.pk}/").status_code == 404
    # when the coordinator files a project of A1 binding it
    response = client_as("community").post(
        "/api/projects/",
        {
            "community": world.a1.pk,
            "name": "x",
            "start_date": "2026-12-01",
            "end_date": "2026-12-31",
            "needs": [need.pk],
        },
        format="json",
    )
    # then it is refused, naming the field, and nothing is stored
    assert response.status_code == 400
    assert response.json() == {
        "message": f"needs: 无效主键 “{need.pk}” － 对象不存在。",
        "extra": {"code": "invalid", "fields": {"needs": [f"无效主键 “{need.pk}” － 对象不存在。"]}},
    }
    assert not need.projects.exists()


def test_a_team_cannot_take_a_volunteer_of_another_community(world, client_as):
    # given a team of A1 and a volunteer living in B1
    team = f.TeamFactory(community=world.a1)
    # when the coordinator of A1 puts that volunteer in the team
    response = client_as("community").patch(f"/api/teams/{team.pk}/", {"members": [world.v2.pk]}, format="json")
    # then it is refused, naming the field, and the team is unchanged
    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {"members": [f"无效主键 “{world.v2.pk}” － 对象不存在。"]}
    assert not team.members.exists()


def test_a_team_takes_the_volunteers_of_its_own_community(world, client_as):
    # given a team of A1 and a second volunteer of A1
    team = f.TeamFactory(community=world.a1)
    other = f.VolunteerFactory(home_community=world.a1)
    # when the coordinator puts both in it
    response = client_as("community").patch(
        f"/api/teams/{team.pk}/",
        {"members": [world.v1.pk, other.pk]},
        format="json",
    )
    # then they are members
    assert response.status_code == 200, response.json()
    assert sorted(team.members.values_list("pk", flat=True)) == sorted([world.v1.pk, other.pk])


def _backend_serializers():
    backend = {config.name for config in apps.get_app_configs() if "/backend/" in str(config.path)}
    for name in backend:
        for module in ("serializers", "apis"):
            try:
                importlib.import_module(f"{name}.{module}")
            except ModuleNotFoundError:
                pass

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    return sorted(
        {cls for cls in subclasses(serializers.BaseSerializer) if cls.__module__.split(".")[0] in backend},
        key=lambda cls: f"{cls.__module__}.{cls.__qualname__}",
    )


def test_every_related_input_field_of_the_backend_is_scoped(world):
    from core.related import ScopedRelatedField, registered_scope

    # given every serializer of the backend's apps
    unscoped = []
    for cls in _backend_serializers():
        try:
            fields = cls(context={}).fields
        except Exception:  # noqa: BLE001 - abstract bases that need arguments of their own
            continue
        for name, field in fields.items():
            if field.read_only:
                continue
            relation = field.child_relation if isinstance(field, relations.ManyRelatedField) else field
            if not isinstance(relation, relations.RelatedField):
                continue
            # then each related field it takes is looked up among the rows the caller may see
            if not isinstance(relation, ScopedRelatedField) or registered_scope(relation.queryset.model) is None:
                unscoped.append(f"{cls.__module__}.{cls.__qualname__}.{name}")
    assert unscoped == []
