"""Every export opens, whatever text was stored before the API refused control characters: each text column of
every row (and every text and key inside JSON columns) is made to start like a formula and end with control
characters, straight through the ORM; then every export answers 200 to every role that may run it, as CSV, XLSX and
PDF, and the files hold neither a formula nor a character a sheet cannot hold."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.utils import timezone

import factories as f
from core.text import UNSAFE_CHARACTERS
from evaluation.models import EvaluationScheme, UnitEvaluation
from ledgers.models import LedgerEntry, UnitLedger
from records.models import ServiceRecord
from stored_text import CONTROLS, FORMULA_START, poison_all_stored_text

pytestmark = pytest.mark.django_db

COORDINATORS = ["community", "subdistrict", "admin"]
YEAR = 2026
LABEL = "出勤"


@pytest.fixture
def stored(world, settings, tmp_path):
    """One row of everything the exports read, in A1 and U1, poisoned afterwards."""
    settings.MEDIA_ROOT = tmp_path / "media"
    v1 = world.v1
    v1.languages, v1.reported_community, v1.reported_at = ["zh", "en"], world.a1, dt.date(2026, 3, 1)
    v1.save()
    f.ResourceFactory(
        unit=world.u1,
        community=world.a1,
        name="多功能厅",
        address="秦岭路1号",
        conditions="需预约",
        features=["projector"],
    )
    f.PostHoldingFactory(volunteer=v1, post=f.PostFactory(community=world.a1, name="治安巡逻岗"), year=YEAR)
    ServiceRecord.objects.create(
        volunteer=v1,
        community=world.a1,
        minutes=90,
        status="approved",
        source="manual",
        title="助老服务",
        date=dt.date(YEAR, 8, 4),
        place="活动室",
        recipient="王秀英",
        content="陪同就医",
        rating=5,
        person_in_charge="李主任",
        evidence="签到表",
        recorder=world.users["community"],
    )
    ledger = UnitLedger.objects.create(unit=world.u1, month=dt.date(YEAR, 8, 1))
    LedgerEntry.objects.create(
        ledger=ledger, kind="meeting", date=dt.date(YEAR, 8, 5), title="支部例会", note="第一项\n第二项"
    )
    EvaluationScheme.objects.create(
        year=YEAR + 1,
        name="年度考评",
        items=[{"code": "attendance", "label": LABEL, "rule": "entered", "measure": "study", "points": 10}],
    )
    UnitEvaluation.objects.create(
        unit=world.u1,
        year=YEAR,
        item_score=40,
        bonus_score=0,
        scheme_score=40,
        score=40,
        grade="fail",
        grade_label="不合格",
        rank=1,
        computed_at=timezone.now(),
        breakdown={"items": [{"code": "attendance", "label": LABEL, "points": 40}]},
    )
    assert poison_all_stored_text() > 0
    world.v1.refresh_from_db()
    assert world.v1.name.endswith(CONTROLS) and world.v1.languages[0].endswith(CONTROLS)
    return world


def _sheet_rows(response) -> list[list]:
    """The file's rows, after checking that it holds no formula and no character a sheet cannot hold."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"PK"):  # an XLSX (zip) file
        book = openpyxl.load_workbook(io.BytesIO(content))
        rows = [list(row) for row in book.worksheets[0].iter_rows()]
        assert not [cell.coordinate for row in rows for cell in row if cell.data_type == "f"]
        values = [[cell.value for cell in row] for row in rows]
    else:
        text = content.decode("utf-8-sig")
        assert UNSAFE_CHARACTERS.search(text) is None
        values = list(csv.reader(io.StringIO(text, newline="")))
        assert not [value for row in values for value in row if value.startswith(("=", "+", "-", "@"))]
    assert not [value for row in values for value in row if isinstance(value, str) and UNSAFE_CHARACTERS.search(value)]
    return values


def _holds_the_stored_text(rows: list[list]) -> bool:
    """The poisoned text reached the file: marked as text, its control characters gone."""
    return any(isinstance(value, str) and value.startswith(f"'{FORMULA_START}") for row in rows for value in row)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("url", "roles"),
    [
        ("/api/volunteers/export/", COORDINATORS),
        ("/api/resources/export/", [*COORDINATORS, "unit"]),
        (f"/api/evaluations/export/?year={YEAR}", [*COORDINATORS, "unit"]),
        (f"/api/evaluations/export/?year={YEAR + 1}", [*COORDINATORS, "unit"]),  # no results: the scheme's labels only
    ],
)
def test_the_sheet_exports_answer_every_role_with_clean_text(stored, client_as, url, roles, file_format):
    for role in roles:
        # when the role exports
        separator = "&" if "?" in url else "?"
        response = client_as(role).get(f"{url}{separator}format={file_format}")
        # then the file is written and opens, its text kept as text
        assert response.status_code == 200, (role, response.content[:300])
        rows = _sheet_rows(response)
        assert _holds_the_stored_text(rows), role


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize(
    ("kind", "roles"),
    [
        ("service_records", [*COORDINATORS, "unit", "volunteer"]),
        ("national_records", [*COORDINATORS, "unit", "volunteer"]),
        ("unit_ledgers", [*COORDINATORS, "unit"]),
    ],
)
def test_the_report_jobs_write_every_role_a_clean_file(
    stored, client_as, eager, django_capture_on_commit_callbacks, kind, roles, file_format
):
    for role in roles:
        client = client_as(role)
        # when the role requests the export and the worker writes it
        with django_capture_on_commit_callbacks(execute=True):
            created = client.post("/api/exports/", {"kind": kind, "format": file_format}, format="json")
        assert created.status_code == 202, (role, created.json())
        job = client.get(f"/api/exports/{created.json()['id']}/").json()
        assert (job["status"], job["error"]) == ("done", ""), role
        # then its file downloads, opens, and holds the stored text as text
        rows = _sheet_rows(client.get(f"/api/exports/{job['id']}/download/"))
        assert _holds_the_stored_text(rows), role


def test_the_feedback_reports_are_written_and_open_for_every_reader(
    stored, client_as, eager, django_capture_on_commit_callbacks
):
    # when a coordinator has the third quarter written for U1
    with django_capture_on_commit_callbacks(execute=True):
        written = client_as("community").post(
            "/api/feedback-reports/write/", {"year": YEAR, "quarter": 3}, format="json"
        )
    assert written.status_code == 202
    for role in [*COORDINATORS, "unit"]:
        client = client_as(role)
        reports = client.get("/api/feedback-reports/").json()["results"]
        assert len(reports) == 1, role
        # then the XLSX opens with the stored text as text, and the PDF is a PDF
        rows = _sheet_rows(client.get(f"/api/feedback-reports/{reports[0]['id']}/xlsx/"))
        assert _holds_the_stored_text(rows), role
        pdf = client.get(f"/api/feedback-reports/{reports[0]['id']}/pdf/")
        assert (pdf.status_code, b"".join(pdf.streaming_content)[:4]) == (200, b"%PDF"), role
