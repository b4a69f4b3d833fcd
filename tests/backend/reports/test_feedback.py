"""Quarterly feedback to employer units (反馈给单位): one PDF and one XLSX per unit and quarter on its in-office
members who consented to share their record; read by the unit's representative and the coordinators of its
community; written by the quarterly task (safe to run twice) or on demand by a coordinator."""

import datetime as dt

import pytest

import factories as f
from reports.models import FeedbackReport
from reports.selectors import previous_quarter, quarter_bounds
from reports.tasks import write_quarterly_feedback_task

URL = "/api/feedback-reports/"
HEADER = ["Volunteer number", "Name", "Reporting (报到)", "Posts held", "Services", "Hours", "Average rating"]


@pytest.fixture
def quarter(world, record):
    """Q3 2026: V1 (U1, consented, reported to A1) served twice, approved, and holds a post; a pending entry and
    an October record do not count; a U1 colleague who did not consent served too; V2 (U2) served once."""
    world.v1.reported_community, world.v1.reported_at = world.a1, dt.date(2026, 3, 1)
    world.v1.save()
    f.PostHoldingFactory(volunteer=world.v1, post=f.PostFactory(community=world.a1, name="治安巡逻岗"), year=2026)
    record(date=dt.date(2026, 7, 4), minutes=90, rating=5)
    record(date=dt.date(2026, 9, 30), minutes=60, rating=4)
    record(date=dt.date(2026, 8, 1), minutes=120, status="pending")
    record(date=dt.date(2026, 10, 1), minutes=120)
    shy = f.VolunteerFactory(home_community=world.a1, kind="in_office", employer_unit=world.u1, name="钱七")
    record(volunteer=shy, date=dt.date(2026, 8, 8), minutes=240)
    record(volunteer=world.v2, date=dt.date(2026, 8, 8), minutes=30, rating=None)
    return shy


def test_the_quarterly_task_writes_one_report_per_unit_with_consenting_members_only(world, quarter, files, media):
    # when the task writes Q3 2026
    result = write_quarterly_feedback_task(2026, 3)

    # then one report per unit that employs in-office members
    assert result == {"year": 2026, "quarter": 3, "written": 2, "members": 2}
    u1 = FeedbackReport.objects.get(unit=world.u1)
    assert (u1.year, u1.quarter, u1.member_count, u1.minutes) == (2026, 3, 1, 150)
    # and U1's sheet lists V1 with the quarter's approved service, not the colleague who did not consent
    title, table = files.xlsx((media / u1.xlsx_file).read_bytes())
    assert title == "2026Q3"
    assert table[0] == ["中原区人民医院: community service of in-office members, 2026 Q3（内部台账，非志愿服务证明）"]
    assert table[1:] == [
        HEADER,
        [world.v1.number, world.v1.name, "Reported to 秦江社区 on 2026-03-01", "治安巡逻岗", 2, 2.5, 4.5],
    ]
    assert "钱七" not in str(table)
    # and its PDF is a PDF of at least one page
    assert files.pdf_pages((media / u1.pdf_file).read_bytes()) >= 1
    # and U2's report has V2, not reported anywhere, unrated
    u2 = FeedbackReport.objects.get(unit=world.u2)
    _title, table = files.xlsx((media / u2.xlsx_file).read_bytes())
    assert table[2:] == [[world.v2.number, world.v2.name, "Not reported", None, 1, 0.5, None]]


def test_running_the_task_twice_keeps_one_report_per_unit_and_quarter(world, quarter, record, media, files):
    # given Q3 written once
    write_quarterly_feedback_task(2026, 3)
    first = {report.unit_id: report.pk for report in FeedbackReport.objects.all()}

    # when a late approved record arrives and the task runs again
    record(date=dt.date(2026, 9, 1), minutes=30, rating=None)
    write_quarterly_feedback_task(2026, 3)

    # then the same two reports, with the new figures
    assert {report.unit_id: report.pk for report in FeedbackReport.objects.all()} == first
    u1 = FeedbackReport.objects.get(unit=world.u1)
    assert u1.minutes == 180
    _title, table = files.xlsx((media / u1.xlsx_file).read_bytes())
    assert table[2][4:] == [3, 3.0, 4.5]


def test_a_member_who_withdraws_consent_leaves_the_rewritten_report(world, quarter, media, files):
    # given Q3 written with V1
    write_quarterly_feedback_task(2026, 3)

    # when V1 withdraws consent and the quarter is written again
    world.v1.consent_share_with_unit = False
    world.v1.save()
    write_quarterly_feedback_task(2026, 3)

    # then U1's report has nobody
    u1 = FeedbackReport.objects.get(unit=world.u1)
    assert (u1.member_count, u1.minutes) == (0, 0)
    _title, table = files.xlsx((media / u1.xlsx_file).read_bytes())
    assert table[1:] == [HEADER]


def test_the_task_writes_the_quarter_before_today_by_default(world, quarter, monkeypatch):
    # given today is 1 October 2026, as beat runs it
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: dt.date(2026, 10, 1))

    # when
    result = write_quarterly_feedback_task()

    # then
    assert (result["year"], result["quarter"]) == (2026, 3)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 1, 1), (2025, 4)),
        (dt.date(2026, 4, 1), (2026, 1)),
        (dt.date(2026, 12, 3), (2026, 3)),
    ],
)
def test_previous_quarter(today, expected):
    assert previous_quarter(today) == expected


def test_quarter_bounds():
    assert quarter_bounds(2026, 1) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert quarter_bounds(2026, 4) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))


@pytest.mark.parametrize(
    ("role", "units"),
    [
        ("unit", {"u1"}),
        ("community", {"u1"}),
        ("subdistrict", {"u1"}),
        ("admin", {"u1", "u2"}),
    ],
)
def test_each_role_lists_the_reports_of_its_units(world, client_as, quarter, role, units):
    # given
    write_quarterly_feedback_task(2026, 3)

    # when
    response = client_as(role).get(URL)

    # then
    assert response.status_code == 200
    assert {row["unit"] for row in response.json()["results"]} == {getattr(world, name).pk for name in units}


def test_the_list_row_links_both_files(world, client_as, quarter):
    write_quarterly_feedback_task(2026, 3)
    report = FeedbackReport.objects.get(unit=world.u1)
    assert client_as("unit").get(URL, {"year": 2026, "quarter": 3}).json()["results"] == [
        {
            "id": report.pk,
            "unit": world.u1.pk,
            "unit_name": "中原区人民医院",
            "year": 2026,
            "quarter": 3,
            "member_count": 1,
            "minutes": 150,
            "hours": 2.5,
            "generated_at": report.generated_at.astimezone(dt.timezone(dt.timedelta(hours=8))).isoformat(),
            "pdf_url": f"http://testserver{URL}{report.pk}/pdf/",
            "xlsx_url": f"http://testserver{URL}{report.pk}/xlsx/",
        }
    ]


@pytest.mark.parametrize(("role", "expected"), [("volunteer", 403), ("anonymous", 401)])
def test_volunteers_and_strangers_read_no_reports(world, client_as, role, expected):
    assert client_as(role).get(URL).status_code == expected


def test_a_bad_filter_is_a_400_naming_it(world, client_as):
    response = client_as("community").get(URL, {"quarter": 5})
    assert response.status_code == 400
    assert list(response.json()["extra"]["fields"]) == ["quarter"]


def test_the_unit_downloads_its_pdf_and_xlsx(world, client_as, quarter, files):
    # given
    write_quarterly_feedback_task(2026, 3)
    report = FeedbackReport.objects.get(unit=world.u1)
    client = client_as("unit")

    # when
    pdf = client.get(f"{URL}{report.pk}/pdf/")
    xlsx = client.get(f"{URL}{report.pk}/xlsx/")

    # then
    assert (pdf.status_code, pdf["Content-Type"]) == (200, "application/pdf")
    assert pdf["Content-Disposition"] == f'attachment; filename="feedback-{world.u1.pk}-2026Q3.pdf"'
    content = files.body(pdf)
    assert files.pdf_pages(content) >= 1
    assert b"/STSong-Light" in content  # Chinese through the built-in CID font, no font file
    assert xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert files.xlsx(files.body(xlsx))[1][2][0] == world.v1.number


@pytest.mark.parametrize(("role", "expected"), [("unit", 404), ("community", 404), ("admin", 200), ("volunteer", 403)])
def test_another_units_report_is_not_found(world, client_as, quarter, role, expected):
    write_quarterly_feedback_task(2026, 3)
    report = FeedbackReport.objects.get(unit=world.u2)
    assert client_as(role).get(f"{URL}{report.pk}/pdf/").status_code == expected
    assert client_as(role).get(f"{URL}{report.pk}/xlsx/").status_code == expected


def test_a_coordinator_writes_a_quarter_for_the_units_of_their_scope(
    world, client_as, quarter, eager, django_capture_on_commit_callbacks
):
    # when A1's coordinator writes Q3 2026 (the task runs eagerly at commit)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("community").post(f"{URL}write/", {"year": 2026, "quarter": 3}, format="json")

    # then U1's report only is queued and written (U2 lies in B1)
    assert response.status_code == 202
    assert response.json() == {"year": 2026, "quarter": 3, "units": 1}
    report = FeedbackReport.objects.get()
    assert (report.unit, report.year, report.quarter, report.member_count) == (world.u1, 2026, 3, 1)


def test_the_administrator_queues_every_unit(world, client_as, quarter, eager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("admin").post(f"{URL}write/", {"year": 2026, "quarter": 3}, format="json")
    assert response.json() == {"year": 2026, "quarter": 3, "units": 2}
    assert set(FeedbackReport.objects.values_list("unit_id", flat=True)) == {world.u1.pk, world.u2.pk}


@pytest.mark.parametrize("role", ["unit", "volunteer"])
def test_only_coordinators_write(world, client_as, role):
    response = client_as(role).post(f"{URL}write/", {"year": 2026, "quarter": 3}, format="json")
    assert response.status_code == 403
    assert response.json() == {
        "message": "Only coordinators write feedback reports.",
        "extra": {"code": "permission_denied", "fields": {}},
    }


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"year": 2026, "quarter": 5}, "quarter"),
        ({"quarter": 1}, "year"),
        ({"year": "MMXXVI", "quarter": 1}, "year"),
        ({"year": 2100, "quarter": 1}, "quarter"),
    ],
)
def test_a_bad_quarter_is_a_400_naming_the_field(world, client_as, payload, field):
    response = client_as("admin").post(f"{URL}write/", payload, format="json")
    assert response.status_code == 400
    assert list(response.json()["extra"]["fields"]) == [field]
    assert FeedbackReport.objects.count() == 0


def test_a_long_report_runs_over_pages_with_its_header_repeated(tmp_path, files):
    # given 120 member rows
    from reports.writers import write_pdf

    rows = [[f"ZY{n:07d}", f"党员{n}", "未报到", "治安巡逻岗", 1, 1.5, 5] for n in range(120)]

    # when
    write_pdf(
        tmp_path / "long.pdf",
        title="中原区人民医院 2026 Q3",
        lines=["内部台账，非志愿服务证明"],
        header=HEADER,
        rows=rows,
    )

    # then
    assert files.pdf_pages((tmp_path / "long.pdf").read_bytes()) >= 3


def test_a_report_whose_file_is_gone_answers_410(world, client_as, quarter, media):
    # given U1's report whose PDF was removed from the disk
    write_quarterly_feedback_task(2026, 3)
    report = FeedbackReport.objects.get(unit=world.u1)
    (media / report.pdf_file).unlink()

    # when
    response = client_as("unit").get(f"{URL}{report.pk}/pdf/")

    # then
    assert response.status_code == 410
    assert response.json() == {
        "message": "The report's file is missing; write the quarter again.",
        "extra": {"code": "expired", "fields": {}},
    }
