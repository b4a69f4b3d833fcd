"""Import runs of units (驻区单位) and resources (rooms, vans, expertise) through the same runs as volunteers: a good
file written, bad rows reported one by one, the same file twice changes nothing, the scope checked on every row; a
checked import cancelled; the XLSX template of each kind maps itself back."""

import io

import openpyxl
import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import User
from orgs.models import Unit
from resources.models import Resource
from transfer import services
from transfer.models import ImportRun

pytestmark = pytest.mark.django_db

CONTROL = "Contains a control character, which is not allowed."
ONE_LINE = "Must be one line, without tabs or line breaks."
UNIT_HEADER = ["单位名称", "单位类型", "所在社区", "联系人", "联系电话", "地址", "简介"]
RESOURCE_HEADER = ["资源名称", "类别", "提供单位", "社区", "容量", "特点", "使用条件"]


def _upload(client, upload, kind):
    return client.post("/api/imports/", {"file": upload, "kind": kind}, format="multipart")


def _run_to_end(client, run_id: int) -> dict:
    """Confirm, then do the worker's share here (the task is queued on commit, which a test transaction never
    reaches)."""
    confirmed = client.post(f"/api/imports/{run_id}/confirm/")
    assert confirmed.status_code == 202, confirmed.json()
    assert services.import_run_execute(run_id=run_id) == "done"
    return client.get(f"/api/imports/{run_id}/").json()


def _units():
    return sorted(
        Unit.objects.values_list(
            "name", "kind", "community__code", "contact_name", "contact_phone", "address", "description", "lat", "lng"
        )
    )


def _resources():
    return sorted(
        Resource.objects.values_list(
            "name",
            "category",
            "unit__name",
            "community__code",
            "capacity",
            "features",
            "conditions",
            "status",
            "lat",
            "lng",
        ),
        key=lambda row: (row[0], row[3]),
    )


# ---------------------------------------------------------------- units


def _unit_rows():
    """Three good rows (a new school, a new hospital, the existing school's contact) and five bad ones."""
    return [
        UNIT_HEADER,
        ["第二中学", "学校", "和平里社区", "王老师", "0371-6666", "建设路1号", "初中\n含高中部"],
        ["第一中学", "school", "C1", "李老师", "0371-8888", "", ""],  # the existing one: its contact changes
        ["区人民医院", "医院", "小黄庄", "", "", "", ""],
        ["第三中学", "学堂", "C1", "", "", "", ""],  # line 5: unknown kind
        ["第四中学", "学校", "火星社区", "", "", "", ""],  # line 6: unknown community
        ["第二中学", "学校", "C1", "", "", "", ""],  # line 7: the name of line 2
        ["第五\u0001中学", "学校", "C1", "", "", "", ""],  # line 8: a control character
        ["第六中学", "学校", "C1", "张\n三", "", "", ""],  # line 9: a line break in one-line text
    ]


UNIT_BAD_ROWS = [
    {"row": 5, "column": "kind", "reason": "Unknown kind: 学堂."},
    {"row": 6, "column": "community", "reason": "No community “火星社区” that you may use."},
    {"row": 7, "column": "name", "reason": "The same unit is on line 2."},
    {"row": 8, "column": "name", "reason": CONTROL},
    {"row": 9, "column": "contact_name", "reason": ONE_LINE},
]


def test_a_unit_file_is_checked_then_written_with_its_bad_rows_reported(world, client_for, csv_upload):
    # given the administrator's upload of a sheet with good and bad rows
    client = client_for(world.admin)
    checked = _upload(client, csv_upload(*_unit_rows()), "units").json()
    # then the check counts each kind of row and names each bad row, in the sheet's words mapped to ours
    assert (checked["status"], checked["kind"], checked["rows_total"]) == ("checked", "units", 8)
    assert checked["preview"] == {"create": 2, "update": 1, "unchanged": 0, "bad": 5, "missing_columns": []}
    assert checked["problems"] == UNIT_BAD_ROWS
    assert checked["mapping"] == {
        "name": 0,
        "kind": 1,
        "community": 2,
        "contact_name": 3,
        "contact_phone": 4,
        "address": 5,
        "description": 6,
    }
    assert Unit.objects.count() == 2
    # when it is confirmed and written
    done = _run_to_end(client, checked["id"])
    # then the good rows are in, placed at their community when the sheet gives no point, and nobody is invited
    assert (done["created"], done["updated"], done["unchanged"], done["bad"], done["invited"]) == (2, 1, 0, 5, 0)
    assert done["problems"] == UNIT_BAD_ROWS
    assert _units() == [
        ("区人民医院", "hospital", "C2", "", "", "", "", 39.97, 116.42),
        ("和平医院", "hospital", "C3", "", "", "", "", 39.98, 116.4),
        ("第一中学", "school", "C1", "李老师", "0371-8888", "", "", 39.96, 116.41),
        ("第二中学", "school", "C1", "王老师", "0371-6666", "建设路1号", "初中\n含高中部", 39.96, 116.41),
    ]


def test_the_same_unit_file_twice_changes_nothing(world, client_for, csv_upload):
    client = client_for(world.admin)
    _run_to_end(client, _upload(client, csv_upload(*_unit_rows()), "units").json()["id"])
    before = _units()
    # when the same file is uploaded and written again
    second = _upload(client, csv_upload(*_unit_rows()), "units").json()
    # then every good row is found by its name and nothing changes
    assert second["preview"] == {"create": 0, "update": 0, "unchanged": 3, "bad": 5, "missing_columns": []}
    assert _run_to_end(client, second["id"])["unchanged"] == 3
    assert _units() == before


def test_a_community_coordinator_changes_only_the_units_of_their_community(world, client_for, csv_upload):
    # given the coordinator of C1 (the school is in C1, the hospital in C3)
    rows = [
        UNIT_HEADER,
        ["第一中学", "学校", "C1", "李老师", "", "", ""],
        ["和平医院", "医院", "C3", "赵医生", "", "", ""],  # line 3: a unit of another community
        ["第一中学", "学校", "C3", "", "", "", ""],  # line 4: moved out of the scope (and the name twice)
        ["新单位", "企业", "C1", "", "", "", ""],  # line 5: only the administrator adds units
    ]
    body = _upload(client_for(world.coordinator), csv_upload(*rows), "units").json()
    # then each row is checked against the scope, and only the first may be written
    assert body["preview"] == {"create": 0, "update": 1, "unchanged": 0, "bad": 3, "missing_columns": []}
    assert body["problems"] == [
        {"row": 3, "column": "name", "reason": "The unit “和平医院” is outside your scope."},
        {"row": 3, "column": "community", "reason": "No community “C3” that you may use."},
        {"row": 4, "column": "name", "reason": "The same unit is on line 2."},
        {"row": 4, "column": "community", "reason": "No community “C3” that you may use."},
        {"row": 5, "column": "name", "reason": "No unit “新单位”: only the district administrator adds units."},
    ]
    _run_to_end(client_for(world.coordinator), body["id"])
    assert Unit.objects.get(name="和平医院").contact_name == ""
    assert Unit.objects.get(name="第一中学").contact_name == "李老师"


# ---------------------------------------------------------------- resources


def _resource_rows():
    """Four good rows (a room of the community, a van and an expert of units, an existing room updated) and four bad
    ones."""
    return [
        RESOURCE_HEADER,
        ["活动室", "场地", "", "C1", "30", "投影仪、空调", "提前一天预约\n周末开放"],
        ["面包车", "车辆", "第一中学", "和平里", "7", "", ""],
        ["心理咨询", "expertise", "和平医院", "C2", "", "", ""],
        ["多功能厅", "venue", "", "C1", "80", "", ""],  # the existing room: its capacity changes
        ["会议室", "会场", "", "C1", "", "", ""],  # line 6: unknown category
        ["会议室", "venue", "", "C3", "", "", ""],  # line 7: outside the scope
        ["活动室", "venue", "", "和平里社区", "", "", ""],  # line 8: the room of line 2
        ["大巴", "vehicle", "第九中学", "C1", "-1", "", ""],  # line 9: unknown unit, negative capacity
    ]


RESOURCE_BAD_ROWS = [
    {"row": 6, "column": "category", "reason": "Unknown category: 会场."},
    {"row": 7, "column": "community", "reason": "No community “C3” that you may use."},
    {"row": 8, "column": "name", "reason": "The same resource is on line 2."},
    {"row": 9, "column": "unit", "reason": "No unit “第九中学”."},
    {"row": 9, "column": "capacity", "reason": "Write a number from 0 to 2147483647."},
]


def test_a_resource_file_is_checked_then_written_with_its_bad_rows_reported(world, client_for, csv_upload):
    # given a room of C1, and the sub-district coordinator of C1 and C2
    world.resource(name="多功能厅", capacity=40)
    client = client_for(world.sub_coordinator)
    checked = _upload(client, csv_upload(*_resource_rows()), "resources").json()
    # then
    assert checked["preview"] == {"create": 3, "update": 1, "unchanged": 0, "bad": 4, "missing_columns": []}
    assert checked["problems"] == RESOURCE_BAD_ROWS
    # when it is written
    done = _run_to_end(client, checked["id"])
    # then
    assert (done["created"], done["updated"], done["unchanged"], done["bad"]) == (3, 1, 0, 4)
    assert _resources() == [
        ("多功能厅", "venue", None, "C1", 80, [], "", "listed", 39.96, 116.41),
        ("心理咨询", "expertise", "和平医院", "C2", 0, [], "", "listed", 39.97, 116.42),
        ("活动室", "venue", None, "C1", 30, ["投影仪", "空调"], "提前一天预约\n周末开放", "listed", 39.96, 116.41),
        ("面包车", "vehicle", "第一中学", "C1", 7, [], "", "listed", 39.96, 116.41),
    ]


def test_the_same_resource_file_twice_changes_nothing(world, client_for, csv_upload):
    world.resource(name="多功能厅", capacity=40)
    client = client_for(world.sub_coordinator)
    _run_to_end(client, _upload(client, csv_upload(*_resource_rows()), "resources").json()["id"])
    before = _resources()
    # when
    second = _upload(client, csv_upload(*_resource_rows()), "resources").json()
    # then every good row is found by its community, unit and name
    assert second["preview"] == {"create": 0, "update": 0, "unchanged": 4, "bad": 4, "missing_columns": []}
    assert _run_to_end(client, second["id"])["unchanged"] == 4
    assert _resources() == before


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exported_resources_import_back_unchanged_by_their_id(world, client_for, fmt):
    world.resource(name="多功能厅", features=["投影仪"], conditions="周末开放")
    world.resource(name="面包车", category="vehicle", unit=world.school, capacity=7, status="withdrawn")
    before = _resources()
    client = client_for(world.coordinator)
    exported = client.get(f"/api/resources/export/?format={fmt}").content
    # when the export comes back as an import run
    body = _upload(client, SimpleUploadedFile(f"back.{fmt}", exported), "resources").json()
    # then each row is found by its id and nothing changes
    assert (body["preview"], body["problems"]) == (
        {"create": 0, "update": 0, "unchanged": 2, "bad": 0, "missing_columns": []},
        [],
    )
    assert _run_to_end(client, body["id"])["unchanged"] == 2
    assert _resources() == before


def test_a_community_coordinator_lists_resources_only_in_their_community(world, client_for, csv_upload):
    # given a room of C3, which the coordinator of C1 does not hold
    other = world.resource(name="会议室", community=world.c3)
    rows = [
        ["id", "name", "category", "community", "capacity"],
        [str(other.pk), "会议室", "venue", "C1", "10"],  # line 2: another community's row, by its id
        ["", "活动室", "venue", "C2", "10"],  # line 3: in the sub-district, not in the community
        ["", "活动室", "venue", "C1", "10"],
    ]
    body = _upload(client_for(world.coordinator), csv_upload(*rows), "resources").json()
    # then
    assert body["preview"] == {"create": 1, "update": 0, "unchanged": 0, "bad": 2, "missing_columns": []}
    assert body["problems"] == [
        {
            "row": 2,
            "column": "id",
            "reason": f"No resource “{other.pk}” that you may change; leave it blank to add a new one.",
        },
        {"row": 3, "column": "community", "reason": "No community “C2” that you may use."},
    ]


# ---------------------------------------------------------------- cancel, template, audit


def test_a_checked_import_is_cancelled_its_upload_deleted_and_it_is_in_the_audit_log(
    world, client_for, csv_upload, django_capture_on_commit_callbacks
):
    client = client_for(world.coordinator)
    run_id = _upload(client, csv_upload(*_resource_rows()), "resources").json()["id"]
    upload = services.import_path(ImportRun.objects.get(pk=run_id))
    assert upload.exists()
    # when the coordinator cancels it
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/imports/{run_id}/cancel/")
    # then the run ends cancelled with its bad rows, the upload is gone, and nothing was written
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["status"], body["message"], body["preview"]["bad"]) == ("cancelled", "Cancelled by c1.", 5)
    assert not upload.exists()
    assert Resource.objects.count() == 0
    entry = LogEntry.objects.get_for_object(ImportRun.objects.get(pk=run_id)).filter(action=LogEntry.Action.UPDATE)
    assert [e.changes_dict["status"] for e in entry] == [["checked", "cancelled"]]
    # and it can be neither confirmed nor cancelled again
    again = client.post(f"/api/imports/{run_id}/cancel/")
    assert (again.status_code, again.json()) == (
        409,
        {
            "message": "Only a checked import can be cancelled; this one is Cancelled.",
            "extra": {"code": "import_not_checked", "fields": {}},
        },
    )
    assert client.post(f"/api/imports/{run_id}/confirm/").status_code == 409


def test_a_confirmed_import_cannot_be_cancelled(world, client_for, csv_upload):
    client = client_for(world.coordinator)
    run_id = _upload(client, csv_upload(*_resource_rows()), "resources").json()["id"]
    client.post(f"/api/imports/{run_id}/confirm/")
    # when
    response = client.post(f"/api/imports/{run_id}/cancel/")
    # then
    assert (response.status_code, response.json()["message"]) == (
        409,
        "Only a checked import can be cancelled; this one is Queued.",
    )
    assert ImportRun.objects.get(pk=run_id).status == "queued"
    # and another community's coordinator finds no such import
    other = User.objects.create_user(username="c3", role=User.Role.COMMUNITY, community=world.c3)
    assert client_for(other).post(f"/api/imports/{run_id}/cancel/").status_code == 404


@pytest.mark.parametrize(
    ("kind", "header"),
    [
        ("volunteers", ["编号", "姓名", "类别", "手机号码", "居住社区"]),
        ("units", ["单位名称", "单位类型", "所在社区", "党组织", "地址"]),
        ("resources", ["资源编号", "资源名称", "资源类别", "提供单位", "所在社区"]),
    ],
)
def test_the_template_of_each_kind_is_its_header_row_and_maps_itself_back(world, client_for, kind, header):
    client = client_for(world.coordinator, "zh-hans")
    # when the template is downloaded
    response = client.get("/api/imports/template/", {"kind": kind})
    # then it is an XLSX with our columns' Chinese headers and no rows
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="import-template-{kind}.xlsx"'
    sheet = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(sheet) == 1 and list(sheet[0][:5]) == header
    # and uploaded back, every column of ours is found in it
    body = _upload(client, SimpleUploadedFile("模板.xlsx", response.content), kind).json()
    assert body["mapping"] == {column["name"]: index for index, column in enumerate(body["columns"])}
    assert [column["label"] for column in body["columns"]] == list(sheet[0])


def test_the_template_guides_each_column_and_lists_the_codes_the_uploader_may_use(world, client_for, xlsx_upload):
    # given a sub-district coordinator (of 和平街街道), in Chinese
    client = client_for(world.sub_coordinator, "zh-hans")
    # when the volunteers' template is downloaded
    book = openpyxl.load_workbook(io.BytesIO(client.get("/api/imports/template/", {"kind": "volunteers"}).content))
    # then the sheet to fill in comes first, then the guide and the code lists
    assert book.sheetnames == ["志愿者", "填写说明", "代码表"]
    guide = list(book["填写说明"].iter_rows(values_only=True))
    assert guide[0] == ("列", "必填", "示例", "可填的值")
    by_header = {row[0]: row[1:] for row in guide[1:]}
    assert list(by_header) == list(next(book["志愿者"].iter_rows(values_only=True)))
    assert by_header["姓名"] == ("是", "张三", None)
    assert by_header["手机号码"] == ("否", "13800138000", None)
    # a coded column's example is its first code, and the lists hold what this uploader's rows may name
    assert by_header["类别"] == ("是", "在职党员", "见代码表")
    codes = list(book["代码表"].iter_rows(values_only=True))
    lists = {header: [row[index] for row in codes[1:] if row[index]] for index, header in enumerate(codes[0])}
    assert lists["类别"] == ["在职党员", "无职党员", "离退休党员", "居民志愿者"]
    assert lists["居住社区"] == ["和平里社区", "小黄庄社区"]  # the sub-district's, not 安华里社区
    assert lists["技能"] == ["急救", "法律咨询"]
    assert lists["工作单位"] == ["和平医院", "第一中学"]
    # and the guide's examples, written as a row of the sheet, make a good row
    checked = _upload(
        client, xlsx_upload(list(by_header), [example or "" for _, example, _ in by_header.values()]), "volunteers"
    ).json()
    assert (checked["preview"]["create"], checked["problems"]) == (1, [])


def test_the_template_answers_an_unknown_kind_and_other_roles_in_the_one_error_shape(world, client_for):
    response = client_for(world.coordinator).get("/api/imports/template/", {"kind": "shifts"})
    assert (response.status_code, response.json()) == (
        400,
        {
            "message": 'kind: "shifts" is not a valid choice.',
            "extra": {"code": "invalid", "fields": {"kind": ['"shifts" is not a valid choice.']}},
        },
    )
    assert client_for(world.representative).get("/api/imports/template/", {"kind": "units"}).status_code == 403


def test_unit_and_resource_imports_are_in_the_audit_log_with_what_they_wrote(world, client_for, csv_upload):
    client = client_for(world.admin)
    run_id = _upload(client, csv_upload(*_unit_rows()), "units").json()["id"]
    _run_to_end(client, run_id)
    history = client.get("/api/audit/", {"model": "import_run", "object_id": run_id}).json()["results"]
    changes = [{change["field"]: change["new"] for change in entry["changes"]} for entry in history]
    ended = [c for c in changes if c.get("status") == "done"]
    assert (ended[0]["created"], ended[0]["updated"], ended[0]["bad"]) == ("2", "1", "5")
    assert "王老师" not in str(history)


def test_the_unit_scope_is_the_apis(world):
    from orgs.apis import UnitViewSet
    from transfer.units import UNIT_SCOPE

    assert UNIT_SCOPE == UnitViewSet.scope


def test_unit_rows_are_reported_in_the_uploaders_language(world, client_for, csv_upload):
    client = client_for(world.coordinator, "zh-hans")
    body = _upload(client, csv_upload(UNIT_HEADER, ["新单位", "学堂", "C1", "", "", "", ""]), "units").json()
    assert body["problems"] == [
        {"row": 2, "column": "name", "reason": "没有单位“新单位”：新增驻区单位须由区级管理员导入。"},
        {"row": 2, "column": "kind", "reason": "未知类别：学堂。"},
    ]
    assert body["columns"][0] == {"name": "name", "label": "单位名称", "required": True}
