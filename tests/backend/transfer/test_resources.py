"""Import and export of resources: round trips, units forced to the representative's, coordinators' scope."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve

from resources.models import Resource
from transfer.apis import ResourceExportApi, ResourceImportApi

HEADER = ["id", "name", "category", "unit", "community", "capacity", "features"]


def _snapshot():
    return list(
        Resource.objects.order_by("id").values_list(
            "id",
            "name",
            "category",
            "unit_id",
            "community_id",
            "capacity",
            "features",
            "address",
            "lat",
            "lng",
            "conditions",
            "status",
        )
    )


def _csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _import(client, upload, **data):
    return client.post("/api/resources/import/", {"file": upload, **data}, format="multipart")


def test_urls_come_before_the_routers_detail_route():
    assert resolve("/api/resources/import/").func.view_class is ResourceImportApi
    assert resolve("/api/resources/export/").func.view_class is ResourceExportApi


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_export_then_import_reads_back_the_same_rows(world, client_for, fmt):
    # given a unit's resource and a community room
    world.resource(
        unit=world.school,
        features=["projector", "accessible"],
        address="和平里北街1号",
        conditions="提前三天预约",
        status="withdrawn",
    )
    world.resource(name="社区活动室", capacity=20)
    before = _snapshot()
    client = client_for(world.coordinator)
    exported = client.get(f"/api/resources/export/?format={fmt}")
    # when
    response = _import(client, SimpleUploadedFile(f"back.{fmt}", exported.content))
    # then
    assert (response.status_code, response.json()) == (200, {"created": 0, "updated": 2, "dry_run": False})
    assert _snapshot() == before


@pytest.mark.django_db
def test_export_csv_columns(world, client_for):
    # given
    resource = world.resource(unit=world.school, features=["projector", "accessible"])
    # when
    response = client_for(world.coordinator).get("/api/resources/export/?format=csv")
    # then
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="resources-')
    assert _csv_rows(response) == [
        [
            "id",
            "name",
            "category",
            "unit",
            "community",
            "capacity",
            "features",
            "address",
            "lat",
            "lng",
            "conditions",
            "status",
        ],
        [
            str(resource.pk),
            "多功能厅",
            "venue",
            "第一中学",
            "C1",
            "40",
            "projector;accessible",
            "",
            "39.96",
            "116.41",
            "",
            "listed",
        ],
    ]


@pytest.mark.django_db
def test_exported_xlsx_reads_back_in_openpyxl(world, client_for):
    # given
    world.resource(name="=1+1")
    # when
    response = client_for(world.coordinator).get("/api/resources/export/?format=xlsx")
    # then the name is kept as text, marked so that no spreadsheet runs it
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1][1:5] == ("'=1+1", "venue", None, "C1")


@pytest.mark.django_db
def test_export_holds_only_the_callers_scope(world, client_for):
    # given
    world.resource(name="学校礼堂", unit=world.school, community=world.c1)
    world.resource(name="社区活动室", community=world.c1)
    world.resource(name="医院会议室", unit=world.hospital, community=world.c3)

    def names(user):
        return [row[1] for row in _csv_rows(client_for(user).get("/api/resources/export/?format=csv"))[1:]]

    # then
    assert names(world.representative) == ["学校礼堂"]
    assert names(world.coordinator) == ["学校礼堂", "社区活动室"]
    assert names(world.admin) == ["学校礼堂", "社区活动室", "医院会议室"]


@pytest.mark.django_db
def test_a_representatives_rows_are_forced_to_their_unit(world, client_for, csv_upload):
    # given rows without a unit, in any community
    upload = csv_upload(
        ["name", "category", "community", "capacity", "features"],
        ["学校操场", "venue", "C1", "200", "outdoor"],
        ["校车", "vehicle", "C3", "30", ""],
    )
    # when
    response = _import(client_for(world.representative), upload)
    # then
    assert (response.status_code, response.json()) == (200, {"created": 2, "updated": 0, "dry_run": False})
    assert list(
        Resource.objects.order_by("id").values_list(
            "name", "unit", "community", "capacity", "features", "status", "lat"
        )
    ) == [
        ("学校操场", world.school.pk, world.c1.pk, 200, ["outdoor"], "listed", 39.96),
        ("校车", world.school.pk, world.c3.pk, 30, [], "listed", 39.98),
    ]


@pytest.mark.django_db
def test_a_representative_may_not_list_for_another_unit_or_change_its_rows(world, client_for, csv_upload):
    # given another unit's resource
    theirs = world.resource(name="医院会议室", unit=world.hospital, community=world.c3)
    before = _snapshot()
    upload = csv_upload(
        HEADER,
        ["", "学校操场", "venue", "第一中学", "C1", "200", ""],
        ["", "医院救护车", "vehicle", "和平医院", "C3", "4", ""],
        [str(theirs.pk), "医院会议室", "venue", "", "C3", "10", ""],
    )
    # when
    response = _import(client_for(world.representative), upload)
    # then
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["rows"] == [
        {"row": 3, "errors": {"unit": ["You may list only your own unit's resources."]}},
        {
            "row": 4,
            "errors": {"id": [f"No resource “{theirs.pk}” that you may change; leave it blank to add a new one."]},
        },
    ]
    assert _snapshot() == before


@pytest.mark.django_db
def test_a_coordinator_imports_into_their_communities_only(world, client_for, csv_upload):
    # given
    upload = csv_upload(
        ["name", "category", "unit", "community", "capacity"],
        ["社区活动室", "venue", "", "C1", "20"],
        ["学校礼堂", "venue", "第一中学", "C1", "300"],
        ["安华里活动室", "venue", "", "C3", "20"],
        ["负数", "goods", "", "C1", "-1"],
        ["没有类别", "toys", "", "C1", "1"],
    )
    # when
    response = _import(client_for(world.sub_coordinator), upload)
    # then
    assert response.status_code == 400
    rows = response.json()["extra"]["fields"]["rows"]
    assert [(r["row"], sorted(r["errors"])) for r in rows] == [(4, ["community"]), (5, ["capacity"]), (6, ["category"])]
    assert rows[0]["errors"]["community"] == ["No community “C3” that you may use."]
    assert Resource.objects.count() == 0


@pytest.mark.django_db
def test_dry_run_writes_nothing(world, client_for, csv_upload):
    # when
    response = _import(
        client_for(world.coordinator),
        csv_upload(["name", "category", "community"], ["活动室", "venue", "C1"]),
        dry_run="true",
    )
    # then
    assert (response.status_code, response.json()) == (200, {"created": 1, "updated": 0, "dry_run": True})
    assert Resource.objects.count() == 0


@pytest.mark.django_db
def test_wrong_extension_is_refused(world, client_for):
    response = _import(client_for(world.coordinator), SimpleUploadedFile("resources.json", b"[]"))
    assert response.status_code == 400
    assert response.json() == {
        "message": "Upload a .csv or .xlsx file.",
        "extra": {"code": "invalid", "fields": {"file": ["Upload a .csv or .xlsx file."]}},
    }


@pytest.mark.django_db
def test_anonymous_and_volunteers_are_refused(world, client_for, csv_upload):
    # given
    volunteer_client = client_for(world.volunteer().user)
    anonymous = client_for(None)
    upload = csv_upload(["name", "category", "community"], ["活动室", "venue", "C1"])
    # then
    assert anonymous.get("/api/resources/export/?format=csv").status_code == 401
    assert _import(anonymous, upload).status_code == 401
    response = volunteer_client.get("/api/resources/export/?format=xlsx")
    assert (response.status_code, response.json()["extra"]["code"]) == (403, "permission_denied")
    upload.seek(0)
    response = _import(volunteer_client, upload)
    assert (response.status_code, response.json()["extra"]["code"]) == (403, "permission_denied")
    assert Resource.objects.count() == 0


@pytest.mark.django_db
def test_an_id_that_is_not_a_number_is_a_row_error(world, client_for, csv_upload):
    # when
    response = _import(client_for(world.coordinator), csv_upload(HEADER, ["abc", "活动室", "venue", "", "C1", "1", ""]))
    # then
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["rows"] == [
        {"row": 2, "errors": {"id": ["No resource “abc” that you may change; leave it blank to add a new one."]}}
    ]


@pytest.mark.django_db
def test_export_query_count_does_not_grow_with_rows(world, client_for, django_assert_max_num_queries):
    # given
    for i in range(30):
        world.resource(name=f"活动室{i}", unit=world.school if i % 2 else None)
    client = client_for(world.coordinator)
    # then
    with django_assert_max_num_queries(3):
        response = client.get("/api/resources/export/?format=xlsx")
    assert response.status_code == 200


def test_the_sheets_use_the_same_scopes_as_the_api():
    from people.apis import VolunteerViewSet
    from resources.apis import ResourceViewSet
    from transfer.resources import RESOURCE_SCOPE, VOLUNTEER_SCOPE

    assert (VOLUNTEER_SCOPE, RESOURCE_SCOPE) == (VolunteerViewSet.scope, ResourceViewSet.scope)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_representative_round_trips_their_own_resources(world, client_for, fmt):
    # given their unit's resource and another unit's
    world.resource(name="学校礼堂", unit=world.school)
    world.resource(name="医院会议室", unit=world.hospital, community=world.c3)
    before = _snapshot()
    client = client_for(world.representative)
    exported = client.get(f"/api/resources/export/?format={fmt}")
    # when
    response = _import(client, SimpleUploadedFile(f"ours.{fmt}", exported.content))
    # then
    assert (response.status_code, response.json()) == (200, {"created": 0, "updated": 1, "dry_run": False})
    assert _snapshot() == before
