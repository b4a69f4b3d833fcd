"""Districts' own sheets: made here by a generator (openpyxl), not from our template: title rows, a header over two
rows with merged cells, blank rows, their own column words, and values typed as people type them."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from people.models import Volunteer
from transfer import cells, services
from transfer.models import ColumnMemory

pytestmark = pytest.mark.django_db


def district_workbook(
    people: list[list],
    *,
    header: list[str],
    title_rows: int = 2,
    group_row: bool = True,
    blank_every: int = 2,
    name: str = "名册.xlsx",
) -> SimpleUploadedFile:
    """A sheet as a sub-district office keeps it: merged title rows, a group row merged over the contact columns
    above the real header, and a blank row every `blank_every` people."""
    book = openpyxl.Workbook()
    sheet = book.active
    width = len(header)
    for index in range(title_rows):
        sheet.append(["和平街街道在册党员志愿者名册" if index == 0 else "填报单位：和平街街道党工委  2026年3月"])
        sheet.merge_cells(start_row=index + 1, start_column=1, end_row=index + 1, end_column=width)
    if group_row:
        # "基本信息" over the first three columns, "联系方式" over the rest; the header's own cells stay below.
        sheet.append(["基本信息", None, None, "联系方式"] + [None] * (width - 4))
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        sheet.merge_cells(start_row=row, start_column=4, end_row=row, end_column=width)
    sheet.append(header)
    for number, person in enumerate(people, start=1):
        sheet.append(person)
        if number % blank_every == 0:
            sheet.append([None] * width)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


HEADER = [
    "序号",
    "姓名",
    "性别",
    "手机号码（必填）",
    "所在社区",
    "人员类别",
    "工作单位",
    "技能特长",
    "报到社区",
    "报到日期",
    "是否有效",
]
PEOPLE = [
    [
        1,
        "王芳",
        "女",
        "138 0000 0001",
        "和平里社区",
        "在职党员",
        "第一中学",
        "急救、法律咨询",
        "和平里",
        "2026/3/5",
        "是",
    ],
    [2, "李强", "男", "138-0000-0002", " 和平里 ", "离退休党员", None, "急救:3，法律咨询", None, None, "1"],
    [3, "赵敏", "女", "+86 138 0000 0003", "小黄庄", "居民志愿者", None, "急救 法律咨询", "小黄庄社区", 46086, "否"],
    [4, "孙丽", "女", "１３８０００００００４", "C1", "无职党员", None, None, "和平里社区", "2026年3月5日", None],
    [5, "周杰", "男", 13800000005, "小黄庄 社区", "居民", None, "first_aid", "C2", dt.datetime(2026, 3, 5), "是"],
]


@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+86-138-1234-5678",
        "１３８１２３４５６７８",
        "(+86)13812345678",
        13812345678.0,
    ],
)
def test_phones_are_read_whatever_the_spaces_dashes_prefix_and_digits(typed):
    assert cells.phone(typed) == "+8613812345678"


@pytest.mark.parametrize("typed", ["1381234567", "02162345678", "电话"])
def test_a_number_that_is_no_mainland_mobile_is_refused(typed):
    with translation.override("en"), pytest.raises(cells.CellError, match="valid mainland mobile number"):
        cells.phone(typed)


@pytest.mark.parametrize("typed", ["和平里", "和平里社区", " 和平里 社区 ", "和平里社区居委会", "和 平 里"])
def test_community_names_are_one_with_or_without_the_suffix_and_spaces(typed):
    assert cells.place_key(typed) == "和平里"


def test_sub_district_names_lose_their_suffix_too():
    assert cells.place_key("和平街街道") == cells.place_key("和平街 街道办事处") == "和平街"
    assert cells.place_key("社区") == "社区"  # a name that is only the suffix stays itself


@pytest.mark.parametrize(
    "typed",
    [
        "2026/3/5",
        "2026-03-05",
        "2026年3月5日",
        "2026.3.5",
        "2026 年 3 月 5 日",
        "2026/03/05 00:00",
        46086,
        46086.0,
        "46086",
        dt.datetime(2026, 3, 5, 8, 30),
        dt.date(2026, 3, 5),
        "２０２６/３/５",
    ],
)
def test_dates_are_read_in_every_way_districts_type_them(typed):
    assert cells.date(typed) == dt.date(2026, 3, 5)


@pytest.mark.parametrize("typed", ["2026/2/30", "3月5日", "next week"])
def test_a_date_that_is_none_is_refused(typed):
    with translation.override("en"), pytest.raises(cells.CellError, match="Write a date"):
        cells.date(typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("是", True),
        ("否", False),
        ("1", True),
        (0, False),
        ("YES", True),
        ("n", False),
        (True, True),
        ("", None),
        (None, None),
    ],
)
def test_yes_and_no(typed, expected):
    assert cells.boolean(typed) is expected


@pytest.mark.parametrize(
    ("typed", "expected"), [("男", "male"), ("女", "female"), (" 女性 ", "female"), ("M", "male"), ("", "")]
)
def test_gender(typed, expected):
    assert cells.gender(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "急救、法律咨询",
        "急救，法律咨询",
        "急救,法律咨询",
        "急救 法律咨询",
        "急救;法律咨询",
        "first_aid；legal",
        " 急救 、 法律咨询 ",
    ],
)
def test_several_skills_in_one_cell_are_split(world, typed):
    skills = {"急救": "first_aid", "法律咨询": "legal", "first_aid": "first_aid", "legal": "legal"}
    assert cells.skill_levels(typed, skills=skills) == {"first_aid": 1, "legal": 1}


def test_a_skill_keeps_its_level_and_an_unknown_one_is_named(world):
    skills = {"急救": "first_aid", "first_aid": "first_aid"}
    assert cells.skill_levels("急救：3", skills=skills) == {"first_aid": 3}
    with translation.override("en"), pytest.raises(cells.CellError, match="Unknown skill: 插花"):
        cells.skill_levels("急救、插花", skills=skills)


def test_a_district_sheet_is_read_below_its_titles_and_imported_normalised(world, client_for):
    # given a sub-district's own workbook: two title rows, a merged group row, blank rows, its own words and values
    upload = district_workbook(PEOPLE, header=HEADER)
    client = client_for(world.sub_coordinator)
    # when it is uploaded
    response = client.post("/api/imports/", {"file": upload, "kind": "volunteers"}, format="multipart")
    # then the header is found on line 4, each column suggested from its words, and every row is good
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["header_line"] == 4
    assert body["headers"] == HEADER
    assert body["mapping"] == {
        "name": 1,
        "gender": 2,
        "phone": 3,
        "home_community": 4,
        "kind": 5,
        "employer_unit": 6,
        "skills": 7,
        "reported_community": 8,
        "reported_at": 9,
        "active": 10,
    }
    assert (body["preview"], body["problems"]) == (
        {"create": 5, "update": 0, "unchanged": 0, "bad": 0, "missing_columns": []},
        [],
    )
    # and once imported, each value is ours
    client.post(f"/api/imports/{body['id']}/confirm/")
    assert services.import_run_execute(run_id=body["id"]) == "done"
    rows = {
        v.name: (
            v.user.phone,
            v.home_community.code,
            v.kind,
            v.employer_unit_id,
            v.skills,
            v.reported_community and v.reported_community.code,
            v.reported_at,
            v.active,
        )
        for v in Volunteer.objects.select_related("user", "home_community", "reported_community")
    }
    march_5 = dt.date(2026, 3, 5)
    assert rows == {
        "王芳": (
            "+8613800000001",
            "C1",
            "in_office",
            world.school.pk,
            {"first_aid": 1, "legal": 1},
            "C1",
            march_5,
            True,
        ),
        "李强": ("+8613800000002", "C1", "retired", None, {"first_aid": 3, "legal": 1}, None, None, True),
        "赵敏": ("+8613800000003", "C2", "resident", None, {"first_aid": 1, "legal": 1}, "C2", march_5, False),
        "孙丽": ("+8613800000004", "C1", "non_post", None, {}, "C1", march_5, True),
        "周杰": ("+8613800000005", "C2", "resident", None, {"first_aid": 1}, "C2", march_5, True),
    }


def test_bad_values_of_a_district_sheet_are_reported_on_their_line_and_column(world, client_for):
    people = [
        [1, "王芳", "女", "138 0000 0001", "和平里社区", "在职党员", "第一中学", "插花", None, None, "是"],
        [2, "李强", "未知", "138-0000-0002", "和平里", "离退休党员", None, None, None, "下周", "也许"],
        [3, "赵敏", "女", "138 0000 0003", "安华里社区", "党员", None, None, None, None, None],
    ]
    upload = district_workbook(people, header=HEADER, blank_every=1)
    body = (
        client_for(world.sub_coordinator)
        .post("/api/imports/", {"file": upload, "kind": "volunteers"}, format="multipart")
        .json()
    )
    # lines: 2 titles, the group row, the header on 4; then a person and a blank row each: 5, 7, 9
    assert body["problems"] == [
        {"row": 5, "column": "skills", "reason": "Unknown skill: 插花"},
        {"row": 7, "column": "reported_at", "reason": "Write a date as 2026-03-05, 2026/3/5 or 2026年3月5日."},
        {"row": 7, "column": "active", "reason": "Write 是 or 否 (1 or 0, yes or no)."},
        {"row": 7, "column": "gender", "reason": "Write 男 or 女."},
        {"row": 9, "column": "kind", "reason": "Unknown kind: 党员."},
        {"row": 9, "column": "home_community", "reason": "No community “安华里社区” that you may use."},
    ]
    assert body["preview"]["bad"] == 3


def test_a_column_mapped_by_hand_is_remembered_for_the_uploaders_next_file(world, client_for):
    # given a sheet whose phone column has words we do not know
    header = ["姓名", "联络号", "社区", "类别"]
    people = [["王芳", "13800000001", "和平里", "居民志愿者"]]
    client = client_for(world.coordinator)
    first = client.post(
        "/api/imports/",
        {"file": district_workbook(people, header=header, group_row=False), "kind": "volunteers"},
        format="multipart",
    ).json()
    assert first["mapping"] == {"name": 0, "home_community": 2, "kind": 3}
    assert first["problems"] == [
        {"row": 4, "column": "phone", "reason": "Enter the full phone number for a new volunteer."}
    ]
    # when the coordinator maps it by hand
    mapped = client.post(
        f"/api/imports/{first['id']}/mapping/",
        {"mapping": {"name": 0, "phone": 1, "home_community": 2, "kind": 3}},
        format="json",
    )
    # then the file is checked again, and the choice is remembered
    assert mapped.status_code == 200, mapped.json()
    assert (mapped.json()["preview"]["create"], mapped.json()["problems"]) == (1, [])
    assert (
        ColumnMemory.objects.filter(user=world.coordinator, header="联络号").values_list("column", flat=True)[0]
        == "phone"
    )
    # and their next file with the same words maps itself
    second = client.post(
        "/api/imports/",
        {"file": district_workbook(people, header=header, group_row=False), "kind": "volunteers"},
        format="multipart",
    ).json()
    assert second["mapping"] == {"name": 0, "phone": 1, "home_community": 2, "kind": 3}
    # but not another coordinator's
    other = (
        client_for(world.sub_coordinator)
        .post(
            "/api/imports/",
            {"file": district_workbook(people, header=header, group_row=False), "kind": "volunteers"},
            format="multipart",
        )
        .json()
    )
    assert "phone" not in other["mapping"]


def test_a_gbk_csv_with_a_title_line_is_read(world, client_for):
    content = "和平里社区志愿者\n姓名,手机,社区,类别\n\n王芳,138 0000 0001,和平里,居民\n".encode("gb18030")
    body = (
        client_for(world.coordinator)
        .post(
            "/api/imports/", {"file": SimpleUploadedFile("名册.csv", content), "kind": "volunteers"}, format="multipart"
        )
        .json()
    )
    assert (body["header_line"], body["mapping"], body["preview"]["create"]) == (
        2,
        {"name": 0, "phone": 1, "home_community": 2, "kind": 3},
        1,
    )
