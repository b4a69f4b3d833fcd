"""The admin: every model's changelist and add page open for a superuser with rows present, and a change page."""

import datetime as dt

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.services import api_token_create, phone_code_request
from geo.models import Community, District, Facility, Grid, SubDistrict
from needs.models import Need, NeedDeadlineRule
from needs.services import need_create
from orgs.models import Agreement, AgreementItem, Unit
from people.models import Blackout, Skill, WeeklyAvailability
from people.services import skill_verify, volunteer_consent_set, volunteer_create
from posts.models import Post, PostHolding, Team
from projects.models import Project
from resources.models import Resource, ResourceSlot
from shifts.models import ResourceRequest, Shift

DOMAIN_APPS = {"accounts", "geo", "orgs", "people", "posts", "needs", "resources", "projects", "shifts"}


def _one_of_everything():
    district = District.objects.create(name="朝阳区", city="北京", code="D1")
    sub_district = SubDistrict.objects.create(district=district, name="和平街街道", code="S1")
    community = Community.objects.create(sub_district=sub_district, name="和平里社区", code="C1", lat=39.9, lng=116.4)
    grid = Grid.objects.create(community=community, name="第一网格", code="C1-G1")
    Facility.objects.create(community=community, kind=Facility.Kind.ROOM, name="党员活动室", capacity=30)
    unit = Unit.objects.create(name="第一中学", kind=Unit.Kind.SCHOOL, community=community, lat=39.9, lng=116.4)
    agreement = Agreement.objects.create(unit=unit, community=community, year=2026, title="共建协议")
    AgreementItem.objects.create(agreement=agreement, description="开放操场")
    first_aid = Skill.objects.create(code="first_aid", name="急救")
    volunteer = volunteer_create(
        name="张三",
        kind="in_office",
        employer_unit=unit,
        home_community=community,
        grid=grid,
        lat=39.9,
        lng=116.4,
        skills={"first_aid": 3},
        phone="13812345678",
    )
    volunteer_consent_set(volunteer=volunteer, changed_by=volunteer.user, consent_share_with_unit=True)
    skill_verify(volunteer=volunteer, skill=first_aid, level=2, note="红十字会急救员证", verified_by=None)
    WeeklyAvailability.objects.create(volunteer=volunteer, weekday=6, start_time=dt.time(9), end_time=dt.time(12))
    start = timezone.make_aware(dt.datetime(2026, 12, 5, 9))
    Blackout.objects.create(volunteer=volunteer, start=start, end=start + dt.timedelta(days=1))
    team = Team.objects.create(community=community, kind=Team.Kind.SERVICE_TEAM, name="服务队", leader=volunteer)
    post = Post.objects.create(
        community=community,
        team=team,
        name="政策宣传岗",
        category=Post.Category.POLICY,
        weekdays=[6],
        start_time=dt.time(9),
        end_time=dt.time(11),
        lat=39.9,
        lng=116.4,
    )
    PostHolding.objects.create(post=post, volunteer=volunteer, year=2026)
    # The seeded table (a data migration) is gone after a transactional test's flush: one row of our own.
    NeedDeadlineRule.objects.get_or_create(category=Need.Category.ELDERLY, urgency=3, defaults={"days": 7})
    need_create(
        user=User.objects.create(username="shequ", role=User.Role.COMMUNITY, community=community),
        title="助老就餐",
        source=Need.Source.RESIDENT,
        community=community,
        category=Need.Category.ELDERLY,
        type=Need.Type.SERVICE,
    )
    resource = Resource.objects.create(
        unit=unit,
        community=community,
        name="报告厅",
        category=Resource.Category.VENUE,
        capacity=80,
        lat=39.9,
        lng=116.4,
    )
    ResourceSlot.objects.create(resource=resource, weekday=6, start_time=dt.time(9), end_time=dt.time(17))
    Project.objects.create(
        community=community, name="银龄助餐", start_date=dt.date(2026, 1, 1), end_date=dt.date(2026, 12, 31)
    )
    shift = Shift.objects.create(
        community=community,
        title="周六宣传",
        post=post,
        week=dt.date(2026, 11, 30),
        start=start,
        end=start + dt.timedelta(hours=2),
        seats=2,
        lat=39.9,
        lng=116.4,
    )
    ResourceRequest.objects.create(shift=shift, kind=Resource.Category.VENUE, min_capacity=20)
    api_token_create(user=volunteer.user)
    return volunteer


def _domain_models():
    return [model for model in admin.site._registry if model._meta.app_label in DOMAIN_APPS]


@pytest.fixture
def volunteer():
    return _one_of_everything()


@pytest.fixture
def admin_client_with_rows(client, volunteer):
    superuser = User.objects.create_superuser(username="root", password="pw", role=User.Role.ADMIN)
    phone_code_request(phone=volunteer.user.phone, purpose="login", ip="10.0.0.1")
    client.force_login(superuser)
    return client


def test_every_domain_model_is_registered():
    # given the domain apps' models
    from django.apps import apps

    models = {m for m in apps.get_models() if m._meta.app_label in DOMAIN_APPS}
    # then each has an admin
    assert models - set(admin.site._registry) == set()


# Histories written only by the services: the admin reads them and adds nothing by hand.
# Tokens are made by signing in; invitations and one-time codes through the API only.
READ_ONLY = {
    "people.ConsentChange",
    "accounts.ApiToken",
    "accounts.Invitation",
    "accounts.PhoneCode",
    # a status is set by the services only, and these rows have one from their start
    "records.ServiceRecord",
    "volunteering.AssignmentResponse",
    # a need's owners: filed and handed over through the API, each with who and why
    "needs.NeedOwnership",
}


@pytest.mark.django_db
def test_every_changelist_and_add_page_opens(admin_client_with_rows):
    for model in _domain_models():
        opts = model._meta
        # when
        changelist = admin_client_with_rows.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        add = admin_client_with_rows.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        # then (API tokens are made by signing in, never in the admin: accounts.admin)
        assert (opts.label, changelist.status_code) == (opts.label, 200)
        assert (opts.label, add.status_code) == (opts.label, 403 if opts.label in READ_ONLY else 200)
        assert changelist.context["cl"].result_count >= 1, opts.label


@pytest.mark.django_db
def test_volunteer_change_page_shows_inlines_and_no_select_of_users(admin_client_with_rows, volunteer):
    # when
    response = admin_client_with_rows.get(reverse("admin:people_volunteer_change", args=[volunteer.pk]))
    # then
    assert response.status_code == 200
    body = response.content.decode()
    assert volunteer.name in body
    assert 'name="availability-TOTAL_FORMS" value="1"' in body
    assert 'name="blackouts-TOTAL_FORMS" value="1"' in body
    # the user is an autocomplete holding only the current account, not a select box of every account
    form = response.context["adminform"].form
    widget = form["user"].as_widget()
    assert "admin-autocomplete" in widget
    assert widget.count("<option") == 1


@pytest.mark.django_db
def test_volunteer_changelist_query_count_does_not_grow_with_rows(
    admin_client_with_rows, volunteer, django_assert_max_num_queries
):
    # given many more volunteers
    for i in range(15):
        volunteer_create(
            name=f"李{i}",
            kind="resident",
            home_community=volunteer.home_community,
            grid=volunteer.grid,
            lat=39.9,
            lng=116.4,
        )
    # then the changelist does not issue a query per row
    with django_assert_max_num_queries(12):
        response = admin_client_with_rows.get(reverse("admin:people_volunteer_changelist"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_volunteer_autocomplete_finds_by_name(admin_client_with_rows, volunteer):
    # when the team form asks for a leader
    response = admin_client_with_rows.get(
        "/admin/autocomplete/", {"app_label": "posts", "model_name": "team", "field_name": "leader", "term": "张"}
    )
    # then
    assert response.status_code == 200
    assert response.json()["results"] == [{"id": str(volunteer.pk), "text": str(volunteer)}]


@pytest.mark.django_db
def test_shift_saved_in_the_admin_gets_its_week(admin_client_with_rows):
    # given
    shift = Shift.objects.get()
    url = reverse("admin:shifts_shift_change", args=[shift.pk])
    form = admin_client_with_rows.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data.update(
        {
            "start_0": "2026-12-09",
            "start_1": "09:00:00",
            "end_0": "2026-12-09",
            "end_1": "11:00:00",
            "resource_request-TOTAL_FORMS": "0",
            "resource_request-INITIAL_FORMS": "0",
        }
    )
    data = {k: ("" if v is None else v) for k, v in data.items()}
    # when
    response = admin_client_with_rows.post(url, data)
    # then
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    shift.refresh_from_db()
    assert shift.week == dt.date(2026, 12, 7)


def test_no_admin_form_offers_a_select_box_of_volunteers_or_users():
    # given the big tables (22k volunteers, as many accounts)
    from people.models import Volunteer

    big = {Volunteer, User}
    offenders = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in DOMAIN_APPS:
            continue
        inlines = [inline(model, admin.site) for inline in model_admin.inlines]
        for owner in [model_admin, *inlines]:
            related = [
                f
                for f in owner.model._meta.get_fields()
                if (f.many_to_one or f.many_to_many or f.one_to_one) and f.concrete and f.related_model in big
            ]
            widgets = set(owner.autocomplete_fields) | set(owner.raw_id_fields)
            parent_fk = getattr(owner, "fk_name", None) or next(
                (f.name for f in related if owner is not model_admin and f.related_model is model), None
            )
            offenders += [
                f"{owner.model._meta.label}.{f.name}"
                for f in related
                if f.name not in widgets and f.name != parent_fk and f.editable
            ]
    # then every such field is an autocomplete or a raw id
    assert offenders == []
