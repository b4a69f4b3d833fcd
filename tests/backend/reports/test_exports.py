"""Export jobs through the API: requested (202), written by the task (run eagerly here, at commit), followed and
downloaded; the files are read back. Rows are exactly what the requester may see; bad input names the field."""

import datetime as dt

import pytest
from django.db.models import QuerySet

import factories as f
from ledgers.models import LedgerEntry, UnitLedger
from reports.models import ExportJob
from reports.services import export_job_run

URL = "/api/exports/"
SERVICE_HEADER = [
    "Volunteer number",
    "Volunteer",
    "Phone",
    "Community",
    "Activity or post",
    "Date",
    "Place",
    "Recipient",
    "Content",
    "Hours",
    "Rating",
    "Person in charge",
    "Recorder",
    "Status",
    "Source",
]
NATIONAL_HEADER = [
    "志愿者姓名",
    "证件类型",
    "证件号码",
    "联系电话",
    "服务项目名称",
    "服务开始时间",
    "服务结束时间",
    "服务时长(小时)",
    "服务地点",
    "服务内容",
    "服务对象",
    "服务评价",
    "负责人",
    "记录人",
    "记录日期",
    "平台志愿者编号",
]


@pytest.fixture
def export(client_as, eager, django_capture_on_commit_callbacks):
    """export(role, **payload) -> (the job as the detail API shows it once written, the downloaded response)."""

    def run(role, **payload):
        client = client_as(role)
        with django_capture_on_commit_callbacks(execute=True):
            created = client.post(URL, payload, format="json")
        assert created.status_code == 202, created.json()
        job = client.get(f"{URL}{created.json()['id']}/").json()
        return job, client.get(f"{URL}{job['id']}/download/")

    return run


@pytest.fixture
def rows(world, record):
    """V1's record in A1 (recorded by A1's coordinator), a neighbour's in A2, V2's in B1."""
    neighbour = f.VolunteerFactory(home_community=world.a2, name="赵六")
    return {
        "v1": record(recorder=world.users["community"]),
        "a2": record(volunteer=neighbour, date=dt.date(2026, 10, 20), title="环境整治", recipient="", rating=None),
        "v2": record(volunteer=world.v2, date=dt.date(2026, 11, 2)),
    }


def _masked(phone: str) -> str:
    """A stored number (E.164) as exports show it to those without need: 137****1002."""
    national = phone.removeprefix("+86")
    return f"{national[:3]}****{national[-4:]}"


def _v1_row(world, phone="139****5678"):
    v1 = world.v1
    return [
        v1.number,
        v1.name,
        phone,
        "秦江社区",
        "助老服务",
        "2026-10-12",
        "秦江社区活动室",
        "王**",
        "陪同就医",
        "1.5",
        "5",
        "李主任",
        "shequ",
        "Approved",
        "Manual entry",
    ]


def test_a_coordinator_exports_their_communitys_records_as_csv(world, export, rows, files):
    # when A1's coordinator exports service records
    job, download = export("community", kind="service_records", format="csv")

    # then the job is done with its link, and the file holds A1's one record with the regulation fields
    assert (job["status"], job["progress"], job["rows_done"], job["rows_total"]) == ("done", 100, 1, 1)
    assert job["download_url"] == f"http://testserver/api/exports/{job['id']}/download/"
    assert download.status_code == 200
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert download["Content-Disposition"].startswith('attachment; filename="service-records-')
    assert files.csv(files.body(download)) == [SERVICE_HEADER, _v1_row(world)]


def test_a_subdistrict_coordinator_exports_xlsx_filtered_by_date(world, export, rows, files):
    # when S1's coordinator exports October's records from the 15th as XLSX
    job, download = export(
        "subdistrict", kind="service_records", format="xlsx", date_from="2026-10-15", date_to="2026-10-31"
    )

    # then only the A2 record is there (V1's is before the range, V2's outside the scope)
    assert download["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    title, table = files.xlsx(files.body(download))
    neighbour = rows["a2"].volunteer
    assert title == "Service records"
    assert table == [
        SERVICE_HEADER,
        [
            neighbour.number,
            "赵六",
            _masked(neighbour.user.phone),
            "百花社区",
            "环境整治",
            "2026-10-20",
            "秦江社区活动室",
            None,
            "陪同就医",
            1.5,
            None,
            "李主任",
            None,
            "Approved",
            "Manual entry",
        ],
    ]


def test_a_volunteer_exports_only_their_own_records_with_their_own_phone(world, export, rows, files):
    # when V1 exports, even asking for V2's records
    _job, own = export("volunteer", kind="service_records", format="csv")
    _job, other = export("volunteer", kind="service_records", format="csv", volunteer=world.v2.pk)

    # then their own row only, with their phone in full; nothing of V2's
    assert files.csv(files.body(own)) == [SERVICE_HEADER, _v1_row(world, phone="13912345678")]
    assert files.csv(files.body(other)) == [SERVICE_HEADER]


def test_a_filter_outside_the_scope_does_not_widen_it(world, export, rows, files):
    # when A1's coordinator asks for B1's records
    job, download = export("community", kind="service_records", format="csv", community=world.b1.pk)

    # then the file is empty
    assert job["rows_total"] == 0
    assert files.csv(files.body(download)) == [SERVICE_HEADER]


def test_a_unit_representative_exports_only_consenting_members(world, export, record, files):
    # given a U1 member who did not consent, and V1 who did
    shy = f.VolunteerFactory(home_community=world.a1, kind="in_office", employer_unit=world.u1)
    record(volunteer=shy)
    record()

    # when U1's representative exports
    _job, download = export("unit", kind="service_records", format="csv")

    # then only V1's record
    assert [row[0] for row in files.csv(files.body(download))[1:]] == [world.v1.number]


def test_the_national_export_keeps_the_field_order_and_the_internal_ledger_mark(world, export, rows, record, files):
    # given a pending entry of V1's, which the national export leaves out
    record(status="pending", date=dt.date(2026, 10, 13))

    # when A1's coordinator exports in the national system's order, as CSV and as XLSX
    job, as_csv = export("community", kind="national_records", format="csv")
    _job, as_xlsx = export("community", kind="national_records", format="xlsx")

    # then the CSV opens with the mark as a comment, then the fixed header, then the approved record
    recorded_on = rows["v1"].created_at.astimezone(dt.timezone(dt.timedelta(hours=8))).date().isoformat()
    expected = [
        world.v1.name,
        "",
        "",
        "139****5678",
        "助老服务",
        "2026-10-12",
        "2026-10-12",
        "1.5",
        "秦江社区活动室",
        "陪同就医",
        "王**",
        "5",
        "李主任",
        "shequ",
        recorded_on,
        world.v1.number,
    ]
    lines = files.csv(files.body(as_csv))
    assert lines[0][0].startswith("# 内部台账，非志愿服务证明")
    assert lines[1:] == [NATIONAL_HEADER, expected]
    assert job["download_url"].endswith(f"/api/exports/{job['id']}/download/")
    # and the XLSX's sheet is titled with the mark, its first row says it, the header follows
    title, table = files.xlsx(files.body(as_xlsx))
    assert title == "内部台账，非志愿服务证明"
    assert table[0][0].startswith("内部台账，非志愿服务证明")
    assert table[1] == NATIONAL_HEADER
    assert table[2:] == [[expected[0], None, None, *expected[3:7], 1.5, *expected[8:11], 5, *expected[12:]]]


def test_the_national_export_gives_a_shifts_times(world, export, record, files):
    # given a record of a shift on 5 December 09:00-11:00
    shift = f.ShiftFactory(community=world.a1)
    record(shift=shift, date=dt.date(2026, 12, 5))

    # when
    _job, download = export("community", kind="national_records", format="csv")

    # then
    row = files.csv(files.body(download))[2]
    assert (row[5], row[6]) == ("2026-12-05 09:00", "2026-12-05 11:00")


@pytest.fixture
def ledgers(world):
    u1 = UnitLedger.objects.create(
        unit=world.u1,
        month=dt.date(2026, 10, 1),
        project_count=2,
        booking_count=3,
        resource_minutes=240,
        member_count=1,
        member_minutes=90,
    )
    LedgerEntry.objects.create(
        ledger=u1, kind="meeting", title="共建联席会", date=dt.date(2026, 10, 28), note="出席 2 人"
    )
    UnitLedger.objects.create(unit=world.u2, month=dt.date(2026, 10, 1), member_count=4, member_minutes=600)
    return u1


LEDGER_HEADER = [
    "Unit",
    "Month",
    "Projects",
    "Resource bookings",
    "Hours of resource use",
    "Members who served",
    "Hours served by members",
    "Row",
    "Entry kind",
    "Entry date",
    "Entry title",
    "Entry note",
]


@pytest.mark.parametrize("role", ["unit", "community"])
def test_unit_ledgers_export_with_figures_and_entries_in_scope(world, export, ledgers, files, role):
    # when U1's representative, or A1's coordinator, exports the unit ledgers
    job, download = export(role, kind="unit_ledgers", format="csv")

    # then U1's October ledger with its entry, nothing of U2's
    assert job["rows_total"] == 2
    assert files.csv(files.body(download)) == [
        LEDGER_HEADER,
        ["中原区人民医院", "2026-10", "2", "3", "4.0", "1", "1.5", "Figures", "", "", "", ""],
        [
            "中原区人民医院",
            "2026-10",
            "",
            "",
            "",
            "",
            "",
            "Entry",
            "Meeting attended",
            "2026-10-28",
            "共建联席会",
            "出席 2 人",
        ],
    ]


def test_unit_ledgers_export_as_xlsx_for_the_administrator(world, export, ledgers, files):
    _job, download = export("admin", kind="unit_ledgers", format="xlsx", date_from="2026-10-01", date_to="2026-10-31")
    title, table = files.xlsx(files.body(download))
    assert title == "Unit ledgers"
    assert table == [
        LEDGER_HEADER,
        ["中原区人民医院", "2026-10", 2, 3, 4, 1, 1.5, "Figures", None, None, None, None],
        [
            "中原区人民医院",
            "2026-10",
            None,
            None,
            None,
            None,
            None,
            "Entry",
            "Meeting attended",
            "2026-10-28",
            "共建联席会",
            "出席 2 人",
        ],
        ["郑州第九中学", "2026-10", 0, 0, 0, 4, 10, "Figures", None, None, None, None],
    ]


def test_a_volunteer_may_not_export_unit_ledgers(world, client_as):
    response = client_as("volunteer").post(URL, {"kind": "unit_ledgers", "format": "csv"}, format="json")
    assert response.status_code == 403
    assert response.json() == {
        "message": "Volunteers export their own service records only.",
        "extra": {"code": "permission_denied", "fields": {}},
    }
    assert ExportJob.objects.count() == 0


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "certificates", "format": "csv"}, "kind"),
        ({"format": "csv"}, "kind"),
        ({"kind": "service_records", "format": "docx"}, "format"),
        ({"kind": "service_records", "format": "pdf"}, "format"),
        ({"kind": "service_records", "format": "csv", "date_from": "October"}, "date_from"),
        ({"kind": "service_records", "format": "csv", "date_from": "2026-10-31", "date_to": "2026-10-01"}, "date_to"),
        ({"kind": "service_records", "format": "csv", "community": "A1"}, "community"),
        ({"kind": "unit_ledgers", "format": "xlsx", "unit": 0}, "unit"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(world, client_as, payload, field):
    response = client_as("community").post(URL, payload, format="json")
    assert response.status_code == 400
    assert response.json()["extra"]["code"] == "invalid"
    assert list(response.json()["extra"]["fields"]) == [field]
    assert ExportJob.objects.count() == 0


def test_a_format_not_available_for_the_kind_says_which_are(world, client_as):
    response = client_as("community").post(URL, {"kind": "national_records", "format": "pdf"}, format="json")
    assert response.json() == {
        "message": "format: This export is available as csv, xlsx.",
        "extra": {"code": "invalid", "fields": {"format": ["This export is available as csv, xlsx."]}},
    }


def test_requesting_answers_202_with_the_queued_job(world, client_as):
    # when (no worker: the job stays queued)
    response = client_as("community").post(
        URL,
        {"kind": "service_records", "format": "xlsx", "date_from": "2026-10-01", "community": world.a1.pk},
        format="json",
    )

    # then
    assert response.status_code == 202
    job = ExportJob.objects.get()
    assert response.json() == {
        "id": job.pk,
        "kind": "service_records",
        "format": "xlsx",
        "parameters": {"date_from": "2026-10-01", "community": world.a1.pk},
        "status": "queued",
        "progress": 0,
        "rows_done": 0,
        "rows_total": 0,
        "error": "",
        "created_at": response.json()["created_at"],
        "started_at": None,
        "finished_at": None,
        "expires_at": None,
        "download_url": None,
    }
    assert job.created_by == world.users["community"]


def test_a_requesters_exports_are_numbered_by_kind_and_several_are_queued_at_once(world, client_as, monkeypatch):
    # given two queued exports of A1's coordinator's service records, the second of a request that committed after
    # this one read the latest version (1)
    coordinator = world.users["community"]
    f.ExportJobFactory(created_by=coordinator, version=1)
    f.ExportJobFactory(created_by=coordinator, version=2)
    aggregate, raced = QuerySet.aggregate, []

    def read_before_the_other_committed(queryset, *args, **kwargs):
        if queryset.model is ExportJob and not raced:
            raced.append(True)
            return {"v": 1}
        return aggregate(queryset, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "aggregate", read_before_the_other_committed)

    # when this request is made, and one of unit ledgers
    client = client_as("community")
    records = client.post(URL, {"kind": "service_records", "format": "csv"}, format="json")
    ledgers = client.post(URL, {"kind": "unit_ledgers", "format": "csv"}, format="json")

    # then both are queued beside the others: this one as version 3 (the race's loser takes the next), the ledgers
    # as the first of their kind
    assert (records.status_code, ledgers.status_code, raced) == (202, 202, [True])
    jobs = ExportJob.objects.order_by("pk").values_list("kind", "version", "status", "scope_key")
    mine = f"user:{coordinator.pk}"
    assert list(jobs) == [
        ("service_records", 1, "queued", mine),
        ("service_records", 2, "queued", mine),
        ("service_records", 3, "queued", mine),
        ("unit_ledgers", 1, "queued", mine),
    ]


def test_a_job_not_done_cannot_be_downloaded(world, client_as):
    # given a queued job
    client = client_as("community")
    job_id = client.post(URL, {"kind": "service_records", "format": "csv"}, format="json").json()["id"]

    # when
    response = client.get(f"{URL}{job_id}/download/")

    # then
    assert response.status_code == 409
    assert response.json() == {
        "message": "The export is not ready: it is Queued.",
        "extra": {"code": "not_ready", "fields": {}},
    }


def test_only_the_requester_or_staff_see_and_download_a_job(world, client_as, rows, export, files):
    # given A1's coordinator's finished export
    job, _download = export("community", kind="service_records", format="csv")

    # then another coordinator, even of the same sub-district, finds neither the job nor its file
    other = client_as("subdistrict")
    assert other.get(f"{URL}{job['id']}/").status_code == 404
    assert other.get(f"{URL}{job['id']}/download/").status_code == 404
    assert other.get(URL).json()["results"] == []
    # and the staff administrator may fetch it
    download = client_as("admin").get(f"{URL}{job['id']}/download/")
    assert files.csv(files.body(download)) == [SERVICE_HEADER, _v1_row(world)]
    # and the requester lists it
    assert [row["id"] for row in client_as("community").get(URL).json()["results"]] == [job["id"]]


def test_anonymous_callers_are_refused(world, client_as):
    assert client_as("anonymous").get(URL).status_code == 401
    assert client_as("anonymous").post(URL, {"kind": "service_records", "format": "csv"}).status_code == 401


def test_the_task_writes_progress_and_a_second_run_does_not_redo_a_done_job(world, record, settings, files, media):
    # given 5 records and a progress write every 2 rows
    settings.REPORTS_PROGRESS_EVERY = 2
    for day in range(1, 6):
        record(date=dt.date(2026, 10, day))
    job = f.ExportJobFactory(created_by=world.users["community"])

    # when the task runs
    assert export_job_run(job_id=job.pk) == "done"

    # then it is done, at 100 %, with every row and a readable file
    done = ExportJob.objects.get(pk=job.pk)
    assert (done.status, done.progress, done.rows_done, done.rows_total) == ("done", 100, 5, 5)
    assert done.expires_at - done.finished_at == dt.timedelta(days=7)
    path = media / done.file
    assert len(files.csv(path.read_bytes())) == 6
    # and a second run leaves the job and its file as they were
    written = path.stat().st_mtime_ns
    assert export_job_run(job_id=job.pk) == "done"
    again = ExportJob.objects.get(pk=job.pk)
    assert (again.status, again.finished_at, path.stat().st_mtime_ns) == ("done", done.finished_at, written)


def test_progress_is_written_while_the_rows_are(world, record, settings, monkeypatch):
    # given 5 records and a progress write every 2 rows, with the progress writes watched
    settings.REPORTS_PROGRESS_EVERY = 2
    for day in range(1, 6):
        record(date=dt.date(2026, 10, day))
    job = f.ExportJobFactory(format="xlsx", created_by=world.users["admin"])
    from reports import writers

    seen = []
    write_xlsx = writers.write_xlsx

    def watching(path, *, on_row, **kwargs):
        def spy(done):
            on_row(done)
            row = ExportJob.objects.get(pk=job.pk)
            seen.append((row.status, row.rows_done, row.progress))

        write_xlsx(path, on_row=spy, **kwargs)

    monkeypatch.setattr(writers, "write_xlsx", watching)

    # when
    export_job_run(job_id=job.pk)

    # then the job was running, 2 and 4 rows in, before it ended done
    assert seen == [("running", 0, 0), ("running", 2, 40), ("running", 2, 40), ("running", 4, 80), ("running", 4, 80)]
    assert ExportJob.objects.get(pk=job.pk).progress == 100


@pytest.mark.parametrize("format_", ["csv", "xlsx"])
def test_text_that_starts_like_a_formula_stays_text(world, export, record, files, format_):
    # given a record whose content a person typed as a formula, with a control character in its place
    record(content='=HYPERLINK("http://example.com")', place="活动室\x0b二楼")

    # when
    _job, download = export("community", kind="service_records", format=format_)

    # then the formula is kept as text and the control character dropped
    content = files.body(download)
    row = files.csv(content)[1] if format_ == "csv" else files.xlsx(content)[1][1]
    assert (row[6], row[8]) == ("活动室二楼", '\'=HYPERLINK("http://example.com")')
