"""The audit history of an import run's rows: each row it created or changed has an entry (volunteers and their
accounts, units, resources) by the uploader, with the run's id, what changed and personal data masked; an unchanged
row has none; a chunk's entries cost the same queries however many rows it holds."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from orgs.models import Unit
from people.models import Volunteer
from resources.models import Resource
from transfer import services, volunteers
from transfer.models import ImportRun

pytestmark = pytest.mark.django_db

HEADER = ["name", "kind", "phone", "home_community", "grid", "employer_unit", "skills"]
CREATE, UPDATE = LogEntry.Action.CREATE, LogEntry.Action.UPDATE


def _imported(user: User, upload, kind: str = "volunteers") -> ImportRun:
    """Upload, confirm and write an import as the worker does (its task is queued on commit, which a test
    transaction never reaches)."""
    run = services.import_run_create(user=user, upload=upload, kind=kind)
    services.import_run_confirm(run=run, user=user)
    assert services.import_run_execute(run_id=run.pk) == ImportRun.Status.DONE
    run.refresh_from_db()
    return run


def _entries(run: ImportRun) -> dict[tuple[type, int], LogEntry]:
    """The run's row entries by (model, id); one an object."""
    found = LogEntry.objects.filter(additional_data__import_run=run.pk).select_related("content_type")
    by_object = {(entry.content_type.model_class(), entry.object_id): entry for entry in found}
    assert len(by_object) == found.count()
    return by_object


def test_each_created_and_changed_row_has_an_entry_by_the_uploader_and_unchanged_ones_none(
    world, client_for, csv_upload
):
    # given a volunteer whose row the sheet changes (name, skill), one it leaves as it is, and a coordinator of C1
    changed = world.volunteer(name="张伟", phone="13800000001")
    same = world.volunteer(name="李娜", phone="13800000002")
    rows = [
        HEADER,
        ["王芳", "resident", "13800000011", "C1", "", "", "first_aid:2"],  # new
        ["张伟伟", "resident", "13800000001", "C1", "", "", "急救:3"],  # found by phone, changed
        ["李娜", "resident", "13800000002", "C1", "", "", ""],  # found by phone, unchanged
        ["坏电话", "resident", "1380000", "C1", "", "", ""],  # bad
    ]
    # when the coordinator imports the sheet
    run = _imported(world.coordinator, csv_upload(*rows))
    assert (run.created, run.updated, run.unchanged, run.bad) == (1, 1, 1, 1)
    made = Volunteer.objects.select_related("user").get(name="王芳")
    # then the new volunteer and account, and the changed volunteer and account, have one entry each; nothing else
    entries = _entries(run)
    assert {key: entry.action for key, entry in entries.items()} == {
        (Volunteer, made.pk): CREATE,
        (User, made.user.pk): CREATE,
        (Volunteer, changed.pk): UPDATE,
        (User, changed.user.pk): UPDATE,
    }
    assert (Volunteer, same.pk) not in entries
    # by the uploader, with the run's id
    assert {(entry.actor, entry.additional_data["import_run"]) for entry in entries.values()} == {
        (world.coordinator, run.pk)
    }
    # the change: the fields that differ, old and new, names masked
    assert entries[Volunteer, changed.pk].changes_dict == {
        "name": ["张*", "张**"],
        "skills": ["{}", '{"first_aid": 3}'],
    }
    assert entries[User, changed.user.pk].changes_dict == {"display_name": ["张*", "张**"]}
    # the creation: every field the history keeps (not the home point), as auditlog writes a save's
    created = entries[Volunteer, made.pk].changes_dict
    assert (created["name"], created["skills"], created["home_community"]) == (
        ["None", "王*"],
        ["None", '{"first_aid": 2}'],
        ["None", str(world.c1.pk)],
    )
    assert created["number"] == ["None", made.number]
    assert "lat" not in created and "lng" not in created
    account = entries[User, made.user.pk].changes_dict
    assert (account["phone"], account["display_name"], account["role"]) == (
        ["None", "138****0011"],
        ["None", "王*"],
        ["None", "volunteer"],
    )
    assert "password" not in account
    # and the history reads them by the run: its volunteers, by the coordinator
    response = client_for(world.coordinator).get("/api/audit/", {"model": "volunteer", "import_run": run.pk})
    assert response.status_code == 200, response.json()
    rows = [
        (row["object_id"], row["action"], row["actor_name"], row["import_run"]) for row in response.json()["results"]
    ]
    assert rows == [(changed.pk, "update", "c1", run.pk), (made.pk, "create", "c1", run.pk)]  # the newest first


def test_the_same_sheet_imported_again_writes_no_row_entries(world, csv_upload):
    # given a sheet imported once
    rows = [HEADER, ["王芳", "resident", "13800000011", "C1", "", "", "first_aid:2"]]
    first = _imported(world.coordinator, csv_upload(*rows))
    assert len(_entries(first)) == 2  # the volunteer and the account
    before = LogEntry.objects.filter(content_type__in=ContentType.objects.get_for_models(Volunteer, User).values())
    count = before.count()
    # when the same sheet is imported again
    second = _imported(world.coordinator, csv_upload(*rows))
    # then every row is unchanged, and no volunteer or account has a new entry
    assert (second.created, second.updated, second.unchanged) == (0, 0, 1)
    assert _entries(second) == {}
    assert before.count() == count


def test_no_phone_is_stored_whole_in_an_imports_entries(world, csv_upload):
    # given a volunteer with a confirmed phone that a sheet changes, found by their number, and a new volunteer
    volunteer = world.volunteer(name="张伟", phone="13800000001")
    User.objects.filter(pk=volunteer.user.pk).update(phone_confirmed_at=dt.datetime(2026, 12, 1, 16, 30, tzinfo=dt.UTC))
    rows = [
        ["number", "name", "kind", "phone", "home_community"],
        [volunteer.number, "", "", "139 1111 2222", ""],
        ["", "王芳", "resident", "+86 138-0000-0011", "C1"],
    ]
    # when it is imported
    run = _imported(world.coordinator, csv_upload(*rows))
    assert (run.created, run.updated) == (1, 1)
    # then the account's new phone is an entry of its own, masked, with the confirmation it resets (in UTC, as
    # auditlog writes times)
    entries = _entries(run)
    assert entries[User, volunteer.user.pk].changes_dict == {
        "phone": ["138****0001", "139****2222"],
        "phone_confirmed_at": ["2026-12-01 16:30:00", "None"],
    }
    assert (Volunteer, volunteer.pk) not in entries  # the volunteer's own fields did not change
    # and neither number is anywhere in what the entries store, in any form
    stored = str(
        list(
            LogEntry.objects.filter(additional_data__import_run=run.pk).values_list(
                "changes", "changes_text", "object_repr", "additional_data", "serialized_data"
            )
        )
    )
    for digits in ("13911112222", "13800000011", "13800000001"):
        assert digits not in stored


def test_units_and_resources_imported_have_their_entries_the_unit_contact_masked(world, csv_upload):
    # given the administrator's sheet of a new unit and a new contact for the school, and one of resources: a new
    # room and a bigger hall
    units = [
        ["单位名称", "单位类型", "所在社区", "联系人", "联系电话"],
        ["第二中学", "学校", "和平里社区", "王老师", "0371-6666"],
        ["第一中学", "school", "C1", "李老师", "0371-8888"],
        ["和平医院", "医院", "C3", "", ""],  # unchanged
    ]
    hall = world.resource(name="多功能厅", capacity=40)
    resources = [
        ["资源名称", "类别", "社区", "容量"],
        ["多功能厅", "场地", "C1", "60"],
        ["会议室", "场地", "C1", "12"],
    ]
    # when both are imported
    unit_run = _imported(world.admin, csv_upload(*units), "units")
    resource_run = _imported(world.admin, csv_upload(*resources), "resources")
    # then the new unit and the school have an entry each, by the administrator, the contact masked
    school = _entries(unit_run)
    made = Unit.objects.get(name="第二中学")
    assert {key: entry.action for key, entry in school.items()} == {
        (Unit, made.pk): CREATE,
        (Unit, world.school.pk): UPDATE,
    }
    assert school[Unit, world.school.pk].changes_dict == {
        "contact_name": ["", "李**"],
        "contact_phone": ["", "037**8888"],
    }
    created = school[Unit, made.pk].changes_dict
    assert (created["name"], created["contact_name"], created["contact_phone"], created["community"]) == (
        ["None", "第二中学"],
        ["None", "王**"],
        ["None", "037**6666"],
        ["None", str(world.c1.pk)],
    )
    assert {entry.actor for entry in school.values()} == {world.admin}
    # and the new room and the hall's capacity
    rooms = _entries(resource_run)
    room = Resource.objects.get(name="会议室")
    assert {key: entry.action for key, entry in rooms.items()} == {
        (Resource, room.pk): CREATE,
        (Resource, hall.pk): UPDATE,
    }
    assert rooms[Resource, hall.pk].changes_dict == {"capacity": ["40", "60"]}
    assert rooms[Resource, room.pk].changes_dict["capacity"] == ["None", "12"]


def _written(world, csv_upload, rows: int, first: int) -> tuple[int, int, int]:
    """Import `rows` new volunteers and `rows` changes of existing ones in one chunk: (row entries written, queries
    the worker ran, those of them that wrote the history)."""
    existing = [world.volunteer(name=f"旧{first + i}", phone=f"1370000{first + i:04d}") for i in range(rows)]
    sheet = [HEADER]
    sheet += [[f"新{first + i}", "resident", f"1390000{first + i:04d}", "C1", "", "", ""] for i in range(rows)]
    sheet += [[f"改{v.pk}", "resident", v.user.phone, "C1", "", "", "急救"] for v in existing]
    run = services.import_run_create(user=world.coordinator, upload=csv_upload(*sheet), kind="volunteers")
    services.import_run_confirm(run=run, user=world.coordinator)
    ContentType.objects.clear_cache()  # both measured alike: the content types looked up once either way
    with CaptureQueriesContext(connection) as queries:
        assert services.import_run_execute(run_id=run.pk) == ImportRun.Status.DONE
    audit = [q for q in queries.captured_queries if '"auditlog_logentry"' in q["sql"]]
    return len(_entries(run)), len(queries), len(audit)


def test_a_chunks_entries_cost_the_same_queries_however_many_rows_it_holds(world, csv_upload):
    # given a chunk of 2 new and 2 changed volunteers, then one of 15 and 15 (SQLite's limit on the parameters of one
    # query would split a bigger INSERT, as it splits the rows' own)
    few, few_queries, few_audit = _written(world, csv_upload, 2, first=0)
    many, many_queries, many_audit = _written(world, csv_upload, 15, first=100)
    # then each new or changed volunteer and account has its entry, and the worker ran as many queries either way:
    # the row entries in one INSERT, and the run's own end entry
    assert (few, many) == (8, 60)
    assert many_queries == few_queries
    assert (few_audit, many_audit) == (2, 2)


def test_an_import_runs_rows_are_asked_for_within_the_callers_scope(world, client_for, csv_upload):
    # given an import of the administrator's (the district's) and one of C1's coordinator
    district = _imported(
        world.admin, csv_upload(["单位名称", "单位类型", "所在社区"], ["第二中学", "学校", "C1"]), "units"
    )
    mine = _imported(world.coordinator, csv_upload(HEADER, ["王芳", "resident", "13800000011", "C1", "", "", ""]))
    coordinator = client_for(world.coordinator)
    # then the coordinator reads their own import's rows, none of it among the units
    assert coordinator.get("/api/audit/", {"model": "user", "import_run": mine.pk}).json()["count"] == 1
    assert coordinator.get("/api/audit/", {"model": "unit", "import_run": mine.pk}).json()["count"] == 0
    # and the district's import is not theirs to ask for: 404, in the one error shape; 400 for a bad id
    response = coordinator.get("/api/audit/", {"model": "unit", "import_run": district.pk})
    assert (response.status_code, response.json()) == (
        404,
        {"message": "Not found.", "extra": {"code": "not_found", "fields": {}}},
    )
    response = coordinator.get("/api/audit/", {"model": "unit", "import_run": 0})
    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {"import_run": ["Ensure this value is greater than or equal to 1."]}
    # which the administrator reads
    assert client_for(world.admin).get("/api/audit/", {"model": "unit", "import_run": district.pk}).json()["count"] == 1


def test_a_chunk_written_again_after_its_worker_died_has_its_entries_once(world, csv_upload, monkeypatch):
    # given an import of four new volunteers in chunks of two, whose worker dies once the second chunk is written
    monkeypatch.setattr(services, "IMPORT_CHUNK", 2)
    rows = [HEADER] + [[f"人{i}", "resident", f"1380000{i:04d}", "C1", "", "", ""] for i in range(4)]
    run = services.import_run_create(user=world.coordinator, upload=csv_upload(*rows), kind="volunteers")
    services.import_run_confirm(run=run, user=world.coordinator)
    real_write, chunks = volunteers.chunk_write, []

    def dies_after_the_second_chunk(planned, **kwargs):
        chunks.append(planned)
        written = real_write(planned, **kwargs)
        if len(chunks) == 2:
            raise SystemExit("killed")  # as with SIGKILL: nothing in the worker catches it
        return written

    monkeypatch.setattr(volunteers, "chunk_write", dies_after_the_second_chunk)
    with pytest.raises(SystemExit):
        services.import_run_execute(run_id=run.pk)
    # (the first chunk's entries are in, the second's went with its transaction)
    assert len(_entries(run)) == 4
    # when the task is delivered again once the heartbeat has stopped
    monkeypatch.setattr(volunteers, "chunk_write", real_write)
    ImportRun.objects.filter(pk=run.pk).update(heartbeat=timezone.now() - dt.timedelta(minutes=1))
    assert services.import_run_execute(run_id=run.pk) == ImportRun.Status.DONE
    # then each volunteer and account has one creation entry
    entries = _entries(run)
    assert (
        sorted((model.__name__, entry.action) for (model, _pk), entry in entries.items())
        == [("User", CREATE)] * 4 + [("Volunteer", CREATE)] * 4
    )
