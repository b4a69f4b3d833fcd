"""The results as CSV and XLSX, read back with the csv module and openpyxl, scoped like the list."""

import csv
import io

import openpyxl
import pytest

import factories as f

YEAR = 2025  # as in conftest
HEADER = [
    "Rank",
    "Unit",
    "Community",
    "出勤",
    "共建活动",
    "学习",
    "队伍指导",
    "建议被采纳",
    "全勤",
    "Scheme score",
    "Satisfaction rate",
    "Score",
    "Grade",
]
U2_ROW = [1, "郑州第九中学", "西站社区", 40.0, 40.0, 10.0, 10.0, 10.0, 5.0, 115.0, None, 115.0, "优秀"]
U1_ROW = [2, "中原区人民医院", "秦江社区", 36.0, 35.0, 8.0, 9.0, 4.0, 0.0, 92.0, 0.75, 88.6, "一般"]


@pytest.fixture
def computed(world, client_as, ledger, inputs, rated):
    """U1 and U2 of the worked example (test_evaluation), computed by the administrator."""
    ledger(world.u1, 3, meetings=5, activities=3, projects=2)
    ledger(world.u1, 9, meetings=4, activities=2)
    inputs(world.u1, meetings_held=10, study=8, guidance=9, suggestions_adopted=2)
    rated([world.u1], "satisfied", "satisfied", "basically_satisfied", "dissatisfied")
    ledger(world.u2, 6, meetings=6, activities=9)
    inputs(world.u2, meetings_held=6, study=12, guidance=10, suggestions_adopted=6)
    assert client_as("admin").post("/api/evaluations/compute/", {"year": YEAR}).status_code == 200


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _text(row) -> list[str]:
    return ["" if value is None else str(value) for value in row]


def test_the_csv_export_holds_the_ranked_rows(world, client_as, computed):
    # when the administrator exports the year as CSV
    response = client_as("admin").get(f"/api/evaluations/export/?year={YEAR}&format=csv")
    # then a UTF-8 file (with a BOM for spreadsheets) of the two ranked units
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="evaluation-{YEAR}.csv"'
    assert response.content.startswith("\ufeff".encode())
    assert _csv_rows(response) == [HEADER, _text(U2_ROW), _text(U1_ROW)]


def test_the_xlsx_export_holds_the_same_rows(world, client_as, computed):
    response = client_as("admin").get(f"/api/evaluations/export/?year={YEAR}&format=xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == str(YEAR)
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows == [HEADER, U2_ROW, U1_ROW]  # an empty cell reads back as None


def test_the_export_is_scoped_like_the_list(world, client_as, computed):
    for role, units in (("community", ["中原区人民医院"]), ("unit", ["中原区人民医院"])):
        rows = _csv_rows(client_as(role).get(f"/api/evaluations/export/?year={YEAR}&format=csv"))
        assert [row[1] for row in rows[1:]] == units, role
    other = f.UserFactory(username="xizhan", role="community_coordinator", community=world.b1)
    client = client_as("anonymous")
    client.force_authenticate(other)
    assert [row[1] for row in _csv_rows(client.get(f"/api/evaluations/export/?year={YEAR}"))[1:]] == ["郑州第九中学"]


def test_the_export_refuses_an_unknown_format_and_volunteers(world, client_as):
    response = client_as("admin").get(f"/api/evaluations/export/?year={YEAR}&format=pdf")
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": 'format: "pdf" is not a valid choice.',
            "extra": {"code": "invalid", "fields": {"format": ['"pdf" is not a valid choice.']}},
        },
    )
    assert client_as("volunteer").get(f"/api/evaluations/export/?year={YEAR}&format=csv").status_code == 403


def test_an_export_before_any_computation_has_the_header_only(world, client_as):
    response = client_as("admin").get(f"/api/evaluations/export/?year={YEAR}&format=csv")
    assert (response.status_code, _csv_rows(response)) == (200, [HEADER])


def test_a_name_that_starts_like_a_formula_stays_text(world, client_as):
    # given a unit whose name would run as a formula in a spreadsheet
    f.UnitFactory(community=world.a1, name='=HYPERLINK("http://example.com","点我")')
    client_as("admin").post("/api/evaluations/compute/", {"year": YEAR})
    # when exported as XLSX
    response = client_as("admin").get(f"/api/evaluations/export/?year={YEAR}&format=xlsx")
    # then the cell holds the name as text
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://example.com","点我")' in names
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
