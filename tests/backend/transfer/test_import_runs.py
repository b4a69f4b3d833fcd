"""Import runs of volunteers: the dry-run preview with every bad row, the confirmed import written in chunks (good
rows in, bad rows reported, the same file twice changes nothing), resuming after a worker died, the scope of each
row and of each endpoint, the error shape of bad input and the report."""

import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Invitation, User
from people.models import Volunteer
from transfer import services, volunteers
from transfer.models import ImportRun

pytestmark = pytest.mark.django_db

HEADER = ["name", "kind", "phone", "home_community", "grid", "employer_unit", "skills"]


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
            v.lat,
            v.lng,
            v.active,
        )
        for v in Volunteer.objects.select_related("user").order_by("id")
    ]


def _upload(client, upload, kind="volunteers", **data):
    return client.post("/api/imports/", {"file": upload, "kind": kind, **data}, format="multipart")


def _run_to_end(client, run_id: int) -> dict:
    """Confirm, then do the worker's share here (the task is queued on commit, which a test transaction never
    reaches)."""
    confirmed = client.post(f"/api/imports/{run_id}/confirm/")
    assert confirmed.status_code == 202, confirmed.json()
    assert services.import_run_execute(run_id=run_id) == "done"
    services.import_run_invite(run_id=run_id)  # the task queued once the import is done
    return client.get(f"/api/imports/{run_id}/").json()


def _seeded(world):
    """Five good rows and four bad ones, each bad for one reason."""
    world.volunteer(name="已有", phone="13900000009", community=world.c3)  # outside S1, holds a phone the file reuses
    return [
        HEADER,
        ["王芳", "resident", "13800000001", "C1", "", "", "first_aid:2"],
        ["李强", "in_office", "13800000002", "C1", "C1-G1", "第一中学", ""],
        ["赵敏", "retired", "13800000003", "C2", "", "", ""],
        ["坏社区", "resident", "13800000004", "C3", "", "", ""],  # line 5: C3 is outside the coordinator's scope
        ["孙丽", "resident", "13800000005", "C1", "", "", "legal"],
        ["坏电话", "resident", "1380000", "C1", "", "", ""],  # line 7: not a mobile number
        ["重复", "resident", "13800000001", "C1", "", "", ""],  # line 8: the phone of line 2
        ["占用", "resident", "13900000009", "C2", "", "", ""],  # line 9: another account's phone, outside the scope
        ["周杰", "non_post", "13800000010", "C2", "", "", ""],
    ]


NO_UNIT_HEADER = (
    "No header row naming our columns (Unit name, Unit kind, Located in community, ...) in the first 15 rows."
)
BAD_ROWS = [
    {"row": 5, "column": "home_community", "reason": "No community “C3” that you may use."},
    {"row": 7, "column": "phone", "reason": "Enter a valid mainland mobile number (11 digits, e.g. 13812345678)."},
    {"row": 8, "column": "phone", "reason": "The same phone number is on line 2."},
    {"row": 9, "column": "phone", "reason": "Another active account has this phone number."},
]


def test_upload_checks_every_row_and_writes_nothing(world, client_for, csv_upload):
    # given a sheet with good rows and seeded bad ones
    rows = _seeded(world)
    before = _snapshot()
    # when the coordinator of sub-district S1 (communities C1 and C2, not C3) uploads it
    response = _upload(client_for(world.sub_coordinator), csv_upload(*rows))
    # then the preview counts each kind of row and names each bad row, and nothing is written
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["kind"], body["rows_total"], body["header_line"]) == ("checked", "volunteers", 9, 1)
    assert body["preview"] == {"create": 5, "update": 0, "unchanged": 0, "bad": 4, "missing_columns": []}
    assert body["problems"] == BAD_ROWS
    assert body["mapping"] == {column: index for index, column in enumerate(HEADER)}
    assert _snapshot() == before
    # and the page is told our columns, the required ones marked, to map the sheet's to
    required = {column["name"] for column in body["columns"] if column["required"]}
    assert required == {"name", "kind", "home_community"}
    assert body["columns"][:2] == [
        {"name": "number", "label": "Number", "required": False},
        {"name": "name", "label": "Name", "required": True},
    ]
    assert set(body["mapping"]) <= {column["name"] for column in body["columns"]}


def test_confirmed_import_writes_the_good_rows_and_reports_the_bad_ones(world, client_for, csv_upload, monkeypatch):
    # given a checked upload, written in chunks of two rows
    monkeypatch.setattr(services, "IMPORT_CHUNK", 2)
    client = client_for(world.sub_coordinator)
    run_id = _upload(client, csv_upload(*_seeded(world))).json()["id"]
    # when it is confirmed and the worker writes it
    body = _run_to_end(client, run_id)
    # then every good row is in, with its account and invitation, and every bad row is reported
    assert (body["status"], body["progress"], body["rows_done"]) == ("done", 100, 9)
    assert (body["created"], body["updated"], body["unchanged"], body["bad"], body["invited"]) == (5, 0, 0, 4, 5)
    assert body["problems"] == BAD_ROWS
    made = {v.name: v for v in Volunteer.objects.select_related("user").exclude(name="已有")}
    assert sorted(made) == ["周杰", "孙丽", "李强", "王芳", "赵敏"]
    assert made["王芳"].skills == {"first_aid": 2}
    assert made["孙丽"].skills == {"legal": 1}
    assert (made["李强"].grid, made["李强"].employer_unit) == (world.g1, world.school)
    assert (made["赵敏"].home_community, made["赵敏"].lat, made["赵敏"].lng) == (world.c2, 39.97, 116.42)
    assert made["王芳"].user.phone == "+8613800000001"
    assert not made["王芳"].user.has_usable_password()
    assert Invitation.objects.filter(user__in=[v.user for v in made.values()], used_at__isnull=True).count() == 5
    assert len({v.number for v in made.values()}) == 5


def test_the_same_file_imported_twice_changes_nothing(world, client_for, csv_upload):
    # given a file imported once
    client = client_for(world.sub_coordinator)
    rows = _seeded(world)
    _run_to_end(client, _upload(client, csv_upload(*rows)).json()["id"])
    before = _snapshot()
    # when the same file is uploaded again
    second = _upload(client, csv_upload(*rows)).json()
    # then the preview finds every good row unchanged, and the import writes nothing
    assert second["preview"] == {"create": 0, "update": 0, "unchanged": 5, "bad": 4, "missing_columns": []}
    body = _run_to_end(client, second["id"])
    assert (body["created"], body["updated"], body["unchanged"], body["bad"]) == (0, 0, 5, 4)
    assert _snapshot() == before


def test_a_changed_row_is_an_update_of_the_volunteer_with_that_phone(world, client_for, csv_upload):
    # given a volunteer of C1
    volunteer = world.volunteer(name="张伟", phone="13800000001")
    client = client_for(world.coordinator)
    # when a sheet names the same phone with another name and skill
    run = _upload(client, csv_upload(HEADER, ["张 伟", "resident", "138 0000 0001", "和平里", "", "", "急救:3"])).json()
    # then it is planned as an update, and written as one
    assert run["preview"] == {"create": 0, "update": 1, "unchanged": 0, "bad": 0, "missing_columns": []}
    body = _run_to_end(client, run["id"])
    assert (body["created"], body["updated"]) == (0, 1)
    volunteer.refresh_from_db()
    assert (volunteer.name, volunteer.skills, volunteer.user.display_name) == ("张 伟", {"first_aid": 3}, "张 伟")
    assert Volunteer.objects.count() == 1


def test_a_worker_that_died_half_way_leaves_whole_chunks_and_the_next_one_finishes(
    world, client_for, csv_upload, monkeypatch
):
    # given an import of seven good rows in chunks of three, whose worker dies while writing the second chunk
    monkeypatch.setattr(services, "IMPORT_CHUNK", 3)
    rows = [HEADER] + [[f"人{i}", "resident", f"1380000{i:04d}", "C1", "", "", ""] for i in range(7)]
    client = client_for(world.coordinator)
    run_id = _upload(client, csv_upload(*rows)).json()["id"]
    client.post(f"/api/imports/{run_id}/confirm/")
    real_write, calls = volunteers.chunk_write, []

    def dies_on_the_second_chunk(planned, **kwargs):
        calls.append(len(planned))
        written = real_write(planned, **kwargs)
        if len(calls) == 2:
            raise SystemExit("killed")  # not an Exception: nothing in the worker catches it, as with SIGKILL
        return written

    monkeypatch.setattr(volunteers, "chunk_write", dies_on_the_second_chunk)
    with pytest.raises(SystemExit):
        services.import_run_execute(run_id=run_id)
    # then the first chunk is in, whole, and the second is not there at all
    run = ImportRun.objects.get(pk=run_id)
    assert (run.status, run.rows_done, run.created) == ("importing", 3, 3)
    assert Volunteer.objects.count() == 3
    # when the task is delivered again once the heartbeat has stopped
    monkeypatch.setattr(volunteers, "chunk_write", real_write)
    ImportRun.objects.filter(pk=run_id).update(heartbeat=timezone.now() - dt.timedelta(minutes=1))
    assert services.import_run_execute(run_id=run_id) == "done"
    # then it resumes after the first chunk: every row once, none doubled
    run.refresh_from_db()
    assert (run.status, run.attempts, run.rows_done, run.created, run.unchanged) == ("done", 2, 7, 7, 0)
    assert sorted(Volunteer.objects.values_list("name", flat=True)) == [f"人{i}" for i in range(7)]
    assert User.objects.filter(role=User.Role.VOLUNTEER).count() == 7


def test_a_second_delivery_of_a_done_run_or_of_its_invitations_does_nothing(world, client_for, csv_upload):
    client = client_for(world.coordinator)
    run_id = _upload(client, csv_upload(HEADER, ["王芳", "resident", "13800000001", "C1", "", "", ""])).json()["id"]
    _run_to_end(client, run_id)
    # when the tasks come again
    assert services.import_run_execute(run_id=run_id) == "done"
    assert services.import_run_invite(run_id=run_id) == 0
    # then nobody is written or invited twice
    assert Volunteer.objects.count() == 1
    assert Invitation.objects.count() == 1
    assert ImportRun.objects.get(pk=run_id).invited == 1


def test_confirming_twice_answers_409(world, client_for, csv_upload):
    client = client_for(world.coordinator)
    run_id = _upload(client, csv_upload(HEADER, ["王芳", "resident", "13800000001", "C1", "", "", ""])).json()["id"]
    assert client.post(f"/api/imports/{run_id}/confirm/").status_code == 202
    # when
    response = client.post(f"/api/imports/{run_id}/confirm/")
    # then
    assert response.status_code == 409
    assert response.json() == {
        "message": "Only a checked import can be confirmed; this one is Queued.",
        "extra": {"code": "import_not_checked", "fields": {}},
    }


def test_a_second_import_of_the_scope_waits_while_one_is_written(world, client_for, csv_upload):
    client = client_for(world.coordinator)
    first = _upload(client, csv_upload(HEADER, ["王芳", "resident", "13800000001", "C1", "", "", ""])).json()["id"]
    second = _upload(client, csv_upload(HEADER, ["李强", "resident", "13800000002", "C1", "", "", ""])).json()["id"]
    client.post(f"/api/imports/{first}/confirm/")
    # when the second is confirmed while the first is queued
    response = client.post(f"/api/imports/{second}/confirm/")
    # then
    assert response.status_code == 409
    assert response.json()["extra"]["code"] == "run_active"
    assert ImportRun.objects.get(pk=second).status == "checked"


def test_report_lists_every_bad_row_with_its_column_and_reason(world, client_for, csv_upload):
    client = client_for(world.sub_coordinator)
    run_id = _upload(client, csv_upload(*_seeded(world))).json()["id"]
    # when the report is downloaded
    response = client.get(f"/api/imports/{run_id}/report/")
    # then
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="import-{run_id}-bad-rows.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["Row", "Column", "Header in the file", "Reason"]] + [
        [str(bad["row"]), bad["column"], bad["column"], bad["reason"]] for bad in BAD_ROWS
    ]


@pytest.mark.parametrize(
    ("upload", "kind", "expected"),
    [
        (
            SimpleUploadedFile("a.pdf", b"%PDF"),
            "volunteers",
            {
                "message": "Upload a .csv or .xlsx file.",
                "extra": {"code": "invalid", "fields": {"file": ["Upload a .csv or .xlsx file."]}},
            },
        ),
        (
            SimpleUploadedFile("a.xlsx", b"not a zip"),
            "volunteers",
            {
                "message": "The file could not be read as XLSX.",
                "extra": {"code": "invalid", "fields": {"file": ["The file could not be read as XLSX."]}},
            },
        ),
        (
            SimpleUploadedFile("a.csv", "颜色,味道\n红,甜\n".encode()),
            "volunteers",
            {
                "message": "No header row naming our columns (Name, Kind, Home community, ...) in the first 15 rows.",
                "extra": {
                    "code": "invalid",
                    "fields": {
                        "file": [
                            "No header row naming our columns (Name, Kind, Home community, ...) in the first 15 rows."
                        ]
                    },
                },
            },
        ),
        (
            SimpleUploadedFile("a.csv", "颜色,味道\n红,甜\n".encode()),
            "units",
            {"message": NO_UNIT_HEADER, "extra": {"code": "invalid", "fields": {"file": [NO_UNIT_HEADER]}}},
        ),
        (
            SimpleUploadedFile("a.csv", "名称,类别\n多功能厅,venue\n".encode()),
            "shifts",
            {
                "message": 'kind: "shifts" is not a valid choice.',
                "extra": {"code": "invalid", "fields": {"kind": ['"shifts" is not a valid choice.']}},
            },
        ),
    ],
)
def test_bad_input_answers_400_in_the_one_error_shape(world, client_for, upload, kind, expected):
    response = _upload(client_for(world.coordinator), upload, kind=kind)
    assert (response.status_code, response.json()) == (400, expected)
    assert not ImportRun.objects.exists()


def test_an_unknown_column_index_in_the_mapping_is_refused(world, client_for, csv_upload):
    client = client_for(world.coordinator)
    run_id = _upload(client, csv_upload(HEADER, ["王芳", "resident", "13800000001", "C1", "", "", ""])).json()["id"]
    response = client.post(f"/api/imports/{run_id}/mapping/", {"mapping": {"name": 9, "colour": 1}}, format="json")
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": "The column mapping is not valid.",
            "extra": {
                "code": "invalid",
                "fields": {"mapping": {"name": ["The sheet has no column 9."], "colour": ["Not a column of ours."]}},
            },
        },
    )


def test_runs_are_seen_only_in_scope_and_started_only_by_coordinators(world, client_for, csv_upload):
    # given an import of the C1 coordinator
    run_id = _upload(
        client_for(world.coordinator), csv_upload(HEADER, ["王芳", "resident", "13800000001", "C1", "", "", ""])
    ).json()["id"]
    other = User.objects.create_user(username="c3", role=User.Role.COMMUNITY, community=world.c3)
    # then the coordinator of another community finds nothing, and the sub-district's does
    assert client_for(other).get(f"/api/imports/{run_id}/").status_code == 404
    assert client_for(other).post(f"/api/imports/{run_id}/confirm/").status_code == 404
    assert client_for(other).get("/api/imports/").json() == []
    assert client_for(world.sub_coordinator).get(f"/api/imports/{run_id}/").status_code == 200
    # and a unit representative may not upload
    response = _upload(client_for(world.representative), csv_upload(HEADER))
    assert response.status_code == 403


def test_bad_rows_and_the_report_come_in_the_uploaders_language(world, client_for, csv_upload):
    client = client_for(world.coordinator, "zh-hans")
    body = _upload(client, csv_upload(HEADER, ["王芳", "resident", "13800000001", "C3", "", "", "插花"])).json()
    assert body["problems"] == [
        {"row": 2, "column": "home_community", "reason": "没有您可使用的社区“C3”。"},
        {"row": 2, "column": "skills", "reason": "未知技能：插花"},
    ]
    report = client.get(f"/api/imports/{body['id']}/report/").content.decode("utf-8-sig")
    assert report.splitlines()[0] == "行,列,文件中的表头,原因"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_exported_sheet_imports_back_unchanged(world, client_for, fmt):
    # given volunteers with every column filled, exported (phones masked)
    world.volunteer(
        kind="in_office",
        employer_unit=world.school,
        grid=world.g1,
        skills={"first_aid": 3, "legal": 2},
        languages=["zh", "en"],
        max_distance_km=2.5,
        reported_community=world.c1,
        reported_at="2026-03-01",
    )
    world.volunteer(name="李娜", phone="13900001111", active=False)
    before = _snapshot()
    client = client_for(world.coordinator)
    exported = client.get(f"/api/volunteers/export/?format={fmt}").content
    # when the export is uploaded as an import run and written
    body = _upload(client, SimpleUploadedFile(f"back.{fmt}", exported)).json()
    # then every row is found by its number and nothing changes
    assert (body["preview"], body["problems"]) == (
        {"create": 0, "update": 0, "unchanged": 2, "bad": 0, "missing_columns": []},
        [],
    )
    assert _run_to_end(client, body["id"])["unchanged"] == 2
    assert _snapshot() == before


def test_an_import_is_in_the_audit_log_with_what_it_wrote_and_no_cell_of_the_file(world, client_for, csv_upload):
    # given a confirmed import of five good rows and four bad ones, written by the worker
    client = client_for(world.sub_coordinator)
    run_id = _upload(client, csv_upload(*_seeded(world))).json()["id"]
    _run_to_end(client, run_id)
    # when its history is read (the bulk writes of volunteers and accounts send no signals of their own)
    history = client.get("/api/audit/", {"model": "import_run", "object_id": run_id})
    # then the upload and the end are there, the end with the counts written, and no cell of the file
    assert history.status_code == 200, history.json()
    entries = history.json()["results"]
    changes = [{change["field"]: change["new"] for change in entry["changes"]} for entry in entries]
    ended = [c for c in changes if c.get("status") == "done"]
    assert len(ended) == 1, changes
    assert (ended[0]["created"], ended[0]["updated"], ended[0]["unchanged"], ended[0]["bad"]) == ("5", "0", "0", "4")
    assert any(entry["action"] == "create" for entry in entries)
    text = str(entries)
    assert "13800000001" not in text and "王芳" not in text


def test_a_control_character_or_a_line_break_is_refused_on_its_row_and_column(world, client_for, csv_upload):
    # given a sheet whose second person's name holds a control character and the third's kind a line break
    client = client_for(world.coordinator)
    rows = [
        HEADER,
        ["王芳", "resident", "13800000001", "C1", "", "", ""],
        ["李\u0001强", "resident", "13800000002", "C1", "", "", ""],
        ["赵敏", "resi\ndent", "13800000003", "C1", "", "", ""],
    ]
    # when it is uploaded
    body = _upload(client, csv_upload(*rows)).json()
    # then each is a bad row on its column, whatever else the cell says, and the first row stays good
    assert body["preview"] == {"create": 1, "update": 0, "unchanged": 0, "bad": 2, "missing_columns": []}
    assert body["problems"] == [
        {"row": 3, "column": "name", "reason": "Contains a control character, which is not allowed."},
        {"row": 4, "column": "kind", "reason": "Must be one line, without tabs or line breaks."},
    ]
