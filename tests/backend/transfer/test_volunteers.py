"""Import and export of volunteers: round trips, all-or-nothing with row reports, scope, masking, escaping."""

import csv
import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve

from accounts.models import User
from people.models import Volunteer
from transfer.apis import VolunteerExportApi, VolunteerImportApi

HEADER = ["name", "kind", "phone", "home_community", "grid", "employer_unit", "skills", "languages"]


def _snapshot():
    return [
        (
            v.number,
            v.name,
            v.kind,
            v.user.phone,
            v.home_community_id,
            v.grid_id,
            v.employer_unit_id,
            v.skills,
            v.languages,
            v.max_hours_per_week,
            v.max_distance_km,
            v.lat,
            v.lng,
            v.reported_community_id,
            v.reported_at,
            v.consent_rank_name,
            v.consent_share_with_unit,
            v.active,
        )
        for v in Volunteer.objects.select_related("user").order_by("id")
    ]


def _csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx_rows(response):
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def _import(client, upload, **data):
    return client.post("/api/volunteers/import/", {"file": upload, **data}, format="multipart")


def test_import_and_export_urls_come_before_the_routers_detail_route():
    assert resolve("/api/volunteers/import/").func.view_class is VolunteerImportApi
    assert resolve("/api/volunteers/export/").func.view_class is VolunteerExportApi


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_export_then_import_reads_back_the_same_rows(world, client_for, fmt):
    # given two volunteers with every column filled
    world.volunteer(
        kind="in_office",
        employer_unit=world.school,
        grid=world.g1,
        skills={"first_aid": 3, "legal": 2},
        languages=["zh", "en"],
        max_distance_km=2.5,
        reported_community=world.c1,
        reported_at="2026-03-01",
        consent_rank_name=True,
    )
    world.volunteer(name="李娜", phone="13900001111", active=False)
    before = _snapshot()
    client = client_for(world.coordinator)
    exported = client.get(f"/api/volunteers/export/?format={fmt}")
    # when the file is imported as it is
    response = _import(client, SimpleUploadedFile(f"back.{fmt}", exported.content))
    # then both rows are updates and nothing changed, not even the masked phones
    assert (response.status_code, response.json()) == (200, {"created": 0, "updated": 2, "dry_run": False})
    assert _snapshot() == before
    rows = _csv_rows if fmt == "csv" else _xlsx_rows
    assert rows(client.get(f"/api/volunteers/export/?format={fmt}")) == rows(exported)


@pytest.mark.django_db
def test_an_edited_xlsx_export_is_read_back(world, client_for):
    # given an exported sheet in which the coordinator changes a name, the skills and re-enters the phone
    volunteer = world.volunteer(skills={"first_aid": 3})
    client = client_for(world.coordinator)
    book = openpyxl.load_workbook(io.BytesIO(client.get("/api/volunteers/export/?format=xlsx").content))
    sheet = book.active
    sheet["B2"], sheet["D2"], sheet["H2"] = "张伟明", "13600009999", "first_aid:4;legal:1"
    buffer = io.BytesIO()
    book.save(buffer)
    # when
    response = _import(client, SimpleUploadedFile("edited.xlsx", buffer.getvalue()))
    # then
    assert (response.status_code, response.json()) == (200, {"created": 0, "updated": 1, "dry_run": False})
    volunteer.refresh_from_db()
    volunteer.user.refresh_from_db()
    assert (volunteer.name, volunteer.skills, volunteer.user.phone, volunteer.user.display_name) == (
        "张伟明",
        {"first_aid": 4, "legal": 1},
        "+8613600009999",
        "张伟明",
    )


@pytest.mark.django_db
def test_export_csv_has_the_import_columns_masked_phones_and_a_filename(world, client_for):
    # given
    volunteer = world.volunteer(grid=world.g1, skills={"first_aid": 3}, languages=["zh", "en"])
    # when
    response = client_for(world.coordinator).get("/api/volunteers/export/?format=csv")
    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="volunteers-')
    assert response["Content-Disposition"].endswith('.csv"')
    assert _csv_rows(response) == [
        [
            "number",
            "name",
            "kind",
            "phone",
            "home_community",
            "grid",
            "employer_unit",
            "skills",
            "languages",
            "max_hours_per_week",
            "max_distance_km",
            "lat",
            "lng",
            "reported_community",
            "reported_at",
            "consent_rank_name",
            "consent_share_with_unit",
            "active",
        ],
        [
            volunteer.number,
            "张伟",
            "resident",
            "138****5678",
            "C1",
            "C1-G1",
            "",
            "first_aid:3",
            "zh;en",
            "6",
            "",
            "39.96",
            "116.41",
            "",
            "",
            "0",
            "0",
            "1",
        ],
    ]


@pytest.mark.django_db
def test_exported_xlsx_opens_in_openpyxl_and_reads_back(world, client_for):
    # given
    volunteer = world.volunteer(name="王芳", skills={"legal": 4})
    # when
    response = client_for(world.coordinator).get("/api/volunteers/export/?format=xlsx")
    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith('.xlsx"')
    rows = _xlsx_rows(response)
    assert rows[0][:5] == ["number", "name", "kind", "phone", "home_community"]
    assert rows[1][:5] == [volunteer.number, "王芳", "resident", "138****5678", "C1"]
    assert rows[1][7] == "legal:4"
    assert len(rows) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_escapes_formulae(world, client_for, fmt):
    # given a name crafted to run as a spreadsheet formula
    world.volunteer(name='=HYPERLINK("http://evil.example","点我")')
    # when
    response = client_for(world.coordinator).get(f"/api/volunteers/export/?format={fmt}")
    # then the cell starts with the spreadsheet's text mark, not with "="
    rows = _csv_rows(response) if fmt == "csv" else _xlsx_rows(response)
    assert rows[1][1] == '\'=HYPERLINK("http://evil.example","点我")'


@pytest.mark.django_db
def test_export_holds_only_the_callers_scope_and_applies_list_filters(world, client_for):
    # given volunteers in C1, C2 (same sub-district) and C3 (another)
    world.volunteer(name="一号", community=world.c1)
    world.volunteer(name="二号", community=world.c2, kind="retired")
    world.volunteer(name="三号", community=world.c3)

    def names(user, query=""):
        rows = _csv_rows(client_for(user).get(f"/api/volunteers/export/?format=csv{query}"))
        return [row[1] for row in rows[1:]]

    # then
    assert names(world.coordinator) == ["一号"]
    assert names(world.sub_coordinator) == ["一号", "二号"]
    assert names(world.admin) == ["一号", "二号", "三号"]
    assert names(world.sub_coordinator, "&kind=retired") == ["二号"]


@pytest.mark.django_db
def test_import_creates_volunteers_with_accounts_and_numbers(world, client_for, csv_upload):
    # given
    upload = csv_upload(
        HEADER,
        ["赵敏", "in_office", "13700001234", "C1", "C1-G1", "第一中学", "first_aid:3;legal:2", "zh;en"],
        ["钱程", "retired", "13700005678", "C1", "", "", "", ""],
    )
    # when
    response = _import(client_for(world.coordinator), upload)
    # then
    assert (response.status_code, response.json()) == (200, {"created": 2, "updated": 0, "dry_run": False})
    zhao, qian = Volunteer.objects.select_related("user", "grid", "employer_unit").order_by("id")
    # numbers are generated by people.services (ZY + seven digits) and are the account's username
    assert re.fullmatch(r"ZY\d{7}", zhao.number) and re.fullmatch(r"ZY\d{7}", qian.number)
    assert zhao.number != qian.number
    assert (zhao.user.username, zhao.user.role, zhao.user.phone, zhao.user.display_name) == (
        zhao.number,
        User.Role.VOLUNTEER,
        "+8613700001234",
        "赵敏",
    )
    assert (zhao.grid, zhao.employer_unit, zhao.skills, zhao.languages) == (
        world.g1,
        world.school,
        {"first_aid": 3, "legal": 2},
        ["zh", "en"],
    )
    assert (zhao.lat, zhao.lng, zhao.max_hours_per_week, zhao.active) == (39.96, 116.41, 6, True)
    assert (qian.kind, qian.skills, qian.languages, qian.grid, qian.user.phone) == (
        "retired",
        {},
        [],
        None,
        "+8613700005678",
    )


@pytest.mark.django_db
def test_import_from_xlsx_with_numeric_cells(world, client_for, xlsx_upload):
    # given a sheet typed by hand: the phone and the hours are numbers, a boolean is 是
    upload = xlsx_upload(
        ["name", "kind", "phone", "home_community", "max_hours_per_week", "consent_rank_name"],
        ["孙丽", "resident", 13600001234, "C1", 8, "是"],
    )
    # when
    response = _import(client_for(world.coordinator), upload)
    # then
    assert (response.status_code, response.json()) == (200, {"created": 1, "updated": 0, "dry_run": False})
    volunteer = Volunteer.objects.select_related("user").get()
    assert (volunteer.user.phone, volunteer.max_hours_per_week) == ("+8613600001234", 8)
    # and the consent column is not the coordinator's to set: the volunteer gives consent on their profile
    assert (volunteer.consent_rank_name, volunteer.consent_changes.exists()) == (False, False)


@pytest.mark.django_db
def test_a_file_with_one_bad_row_writes_nothing_and_names_the_row_and_field(world, client_for, csv_upload):
    # given an existing volunteer whose row is changed, a good new row, and a bad one on line 4
    volunteer = world.volunteer()
    upload = csv_upload(
        ["number", *HEADER],
        [volunteer.number, "张伟（改）", "resident", "13812345678", "C1", "", "", "", ""],
        ["", "周杰", "resident", "13500000000", "C1", "", "", "", ""],
        ["", "吴刚", "in_office", "13500000001", "C1", "", "", "cooking:3", ""],
    )
    before = _snapshot()
    # when
    response = _import(client_for(world.coordinator), upload)
    # then
    assert response.status_code == 400
    assert response.json() == {
        "message": "1 row has errors, nothing was imported. Line 4, employer_unit: An in-office member needs an "
        "employer unit.",
        "extra": {
            "code": "import_rejected",
            "fields": {
                "rows": [
                    {
                        "row": 4,
                        "errors": {
                            "employer_unit": ["An in-office member needs an employer unit."],
                            "skills": ["Unknown skill: cooking"],
                        },
                    }
                ]
            },
        },
    }
    assert _snapshot() == before
    assert User.objects.filter(role=User.Role.VOLUNTEER).count() == 1


@pytest.mark.django_db
def test_dry_run_checks_every_row_and_writes_nothing(world, client_for, csv_upload):
    # given
    upload = csv_upload(HEADER, ["周杰", "resident", "13500000000", "C1", "", "", "", ""])
    # when
    response = _import(client_for(world.coordinator), upload, dry_run="true")
    # then
    assert (response.status_code, response.json()) == (200, {"created": 1, "updated": 0, "dry_run": True})
    assert Volunteer.objects.count() == 0
    assert User.objects.filter(role=User.Role.VOLUNTEER).count() == 0


@pytest.mark.django_db
def test_rows_for_another_community_are_row_errors(world, client_for, csv_upload):
    # given a community coordinator of C1, a row for C2 and an update of a volunteer living in C2
    other = world.volunteer(name="外人", community=world.c2)
    upload = csv_upload(
        ["number", *HEADER],
        ["", "周杰", "resident", "13500000000", "C2", "", "", "", ""],
        [other.number, "外人", "resident", "", "C1", "", "", "", ""],
        ["", "郑和", "resident", "13500000002", "C1", "C3-G1", "", "", ""],
    )
    # when
    response = _import(client_for(world.coordinator), upload)
    # then
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["rows"] == [
        {"row": 2, "errors": {"home_community": ["No community “C2” that you may use."]}},
        {
            "row": 3,
            "errors": {
                "number": [f"No volunteer “{other.number}” that you may change; leave it blank to add a new one."]
            },
        },
        {"row": 4, "errors": {"grid": ["No grid “C3-G1” that you may use."]}},
    ]
    assert Volunteer.objects.count() == 1


@pytest.mark.django_db
def test_masked_phone_keeps_the_stored_number_and_a_new_number_replaces_it(world, client_for, csv_upload):
    # given
    kept = world.volunteer(name="甲", phone="13811112222")
    changed = world.volunteer(name="乙", phone="13833334444")
    upload = csv_upload(
        ["number", "name", "kind", "phone", "home_community"],
        [kept.number, "甲", "resident", "138****2222", "C1"],
        [changed.number, "乙", "resident", "13955556666", "C1"],
    )
    # when
    response = _import(client_for(world.coordinator), upload)
    # then
    assert (response.status_code, response.json()) == (200, {"created": 0, "updated": 2, "dry_run": False})
    assert User.objects.get(pk=kept.user_id).phone == "+8613811112222"
    assert User.objects.get(pk=changed.user_id).phone == "+8613955556666"


@pytest.mark.django_db
def test_a_new_volunteer_needs_the_full_phone(world, client_for, csv_upload):
    # when
    response = _import(
        client_for(world.coordinator),
        csv_upload(["name", "kind", "phone", "home_community"], ["丙", "resident", "138****2222", "C1"]),
    )
    # then
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["rows"] == [
        {"row": 2, "errors": {"phone": ["Enter the full phone number for a new volunteer."]}}
    ]


@pytest.mark.django_db
def test_csv_saved_by_chinese_excel_in_gbk_is_read(world, client_for, csv_upload):
    # when
    upload = csv_upload(
        ["name", "kind", "phone", "home_community"], ["欧阳娜娜", "resident", "13500000000", "C1"], encoding="gbk"
    )
    response = _import(client_for(world.coordinator), upload)
    # then
    assert (response.status_code, response.json()) == (200, {"created": 1, "updated": 0, "dry_run": False})
    assert Volunteer.objects.get().name == "欧阳娜娜"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["volunteers.txt", "volunteers.xls", "volunteers"])
def test_wrong_extension_is_refused(world, client_for, name):
    # when
    upload = SimpleUploadedFile(name, b"name,kind\n")
    response = _import(client_for(world.coordinator), upload)
    # then
    assert response.status_code == 400
    assert response.json() == {
        "message": "Upload a .csv or .xlsx file.",
        "extra": {"code": "invalid", "fields": {"file": ["Upload a .csv or .xlsx file."]}},
    }


@pytest.mark.django_db
def test_unknown_and_missing_columns_are_refused(world, client_for, csv_upload):
    # when
    response = _import(
        client_for(world.coordinator), csv_upload(["name", "kind", "shoe_size"], ["甲", "resident", "42"])
    )
    # then
    assert response.status_code == 400
    assert response.json() == {
        "message": "Unknown columns: shoe_size. Missing columns: home_community.",
        "extra": {
            "code": "invalid",
            "fields": {"file": ["Unknown columns: shoe_size.", "Missing columns: home_community."]},
        },
    }


@pytest.mark.django_db
def test_an_xlsx_that_is_not_a_workbook_is_refused(world, client_for):
    # when
    response = _import(client_for(world.coordinator), SimpleUploadedFile("v.xlsx", b"not a zip"))
    # then
    assert response.status_code == 400
    assert response.json()["extra"] == {"code": "invalid", "fields": {"file": ["The file could not be read as XLSX."]}}


@pytest.mark.django_db
def test_export_format_must_be_csv_or_xlsx(world, client_for):
    # when
    response = client_for(world.coordinator).get("/api/volunteers/export/?format=pdf")
    # then
    assert response.status_code == 400
    assert response.json()["extra"]["code"] == "invalid"
    assert list(response.json()["extra"]["fields"]) == ["format"]


@pytest.mark.django_db
def test_anonymous_callers_are_refused(world, client_for, csv_upload):
    client = client_for(None)
    for response in (
        client.get("/api/volunteers/export/?format=csv"),
        _import(client, csv_upload(HEADER)),
    ):
        assert response.status_code == 401
        assert response.json()["extra"] == {"code": "not_authenticated", "fields": {}}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["volunteer", "representative"])
def test_volunteers_and_unit_representatives_may_not_import_or_export_volunteers(world, client_for, csv_upload, role):
    # given
    user = world.volunteer().user if role == "volunteer" else world.representative
    client = client_for(user)
    count = Volunteer.objects.count()
    # when
    responses = [
        client.get("/api/volunteers/export/?format=csv"),
        _import(client, csv_upload(["name", "kind", "phone", "home_community"], ["甲", "resident", "1", "C1"])),
    ]
    # then
    for response in responses:
        assert response.status_code == 403
        assert response.json() == {
            "message": "Your role may not import or export these rows.",
            "extra": {"code": "permission_denied", "fields": {}},
        }
    assert Volunteer.objects.count() == count


@pytest.mark.django_db
def test_export_query_count_does_not_grow_with_rows(world, client_for, django_assert_max_num_queries):
    # given
    for i in range(30):
        world.volunteer(
            name=f"志愿者{i}",
            grid=world.g1,
            kind="in_office",
            employer_unit=world.school,
            reported_community=world.c1,
            reported_at="2026-01-01",
        )
    client = client_for(world.coordinator)
    # then
    with django_assert_max_num_queries(3):
        response = client.get("/api/volunteers/export/?format=csv")
    assert response.status_code == 200
    assert len(_csv_rows(response)) == 31


@pytest.mark.django_db
def test_kind_may_be_given_by_its_label(world, client_for, csv_upload):
    # when
    upload = csv_upload(
        ["name", "kind", "phone", "home_community"],
        ["甲", "Retired party member", "13500000000", "C1"],
        ["乙", "RESIDENT", "13500000001", "C1"],
    )
    response = _import(client_for(world.coordinator), upload)
    # then
    assert (response.status_code, response.json()) == (200, {"created": 2, "updated": 0, "dry_run": False})
    assert list(Volunteer.objects.order_by("id").values_list("kind", flat=True)) == ["retired", "resident"]


@pytest.mark.django_db
def test_an_unknown_kind_names_the_column(world, client_for, csv_upload):
    # when
    response = _import(
        client_for(world.coordinator),
        csv_upload(["name", "kind", "phone", "home_community"], ["甲", "astronaut", "13500000000", "C1"]),
    )
    # then
    assert response.status_code == 400
    assert [list(r["errors"]) for r in response.json()["extra"]["fields"]["rows"]] == [["kind"]]
