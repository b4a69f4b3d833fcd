"""Messages follow Accept-Language: Chinese (the default) or English, in the API and in the admin."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import User
from people.models import Volunteer
from resources.models import Resource


def _import(client, upload):
    return client.post("/api/volunteers/import/", {"file": upload}, format="multipart")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [("zh-hans", "请上传 .csv 或 .xlsx 文件。"), ("en", "Upload a .csv or .xlsx file.")],
)
def test_a_validation_error_comes_in_the_requested_language(world, client_for, language, message):
    # when
    response = _import(client_for(world.coordinator, language=language), SimpleUploadedFile("v.txt", b"x"))
    # then
    assert response.status_code == 400
    assert response.json() == {"message": message, "extra": {"code": "invalid", "fields": {"file": [message]}}}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "errors"),
    [
        ("zh-hans", {"home_community": ["没有您可使用的社区“C3”。"], "skills": ["未知技能：cooking"]}),
        ("en", {"home_community": ["No community “C3” that you may use."], "skills": ["Unknown skill: cooking"]}),
    ],
)
def test_row_errors_come_in_the_requested_language(world, client_for, csv_upload, language, errors):
    # when
    upload = csv_upload(
        ["name", "kind", "phone", "home_community", "skills"], ["甲", "resident", "13500000000", "C3", "cooking:2"]
    )
    response = _import(client_for(world.coordinator, language=language), upload)
    # then
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["rows"] == [{"row": 2, "errors": errors}]


@pytest.mark.django_db
def test_choices_may_be_given_by_their_chinese_label(world, client_for, csv_upload):
    # when
    upload = csv_upload(
        ["name", "kind", "phone", "home_community", "employer_unit"],
        ["甲", "在职党员", "13500000000", "C1", "第一中学"],
        ["乙", "离退休党员", "13500000001", "C1", ""],
    )
    response = _import(client_for(world.coordinator), upload)
    # then
    assert (response.status_code, response.json()) == (200, {"created": 2, "updated": 0, "dry_run": False})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("zh-hans", ["志愿者编号", "居住社区", "工作单位", "每周最多服务时长（小时）"]),
        ("en", ["Volunteer number", "Home community", "Employer unit", "Maximum hours per week"]),
    ],
)
def test_admin_labels_come_in_the_requested_language(client, world, language, labels):
    # given
    world.volunteer()
    client.force_login(User.objects.create_superuser(username="root", password="pw", role=User.Role.ADMIN))
    # when
    response = client.get(reverse("admin:people_volunteer_changelist"), HTTP_ACCEPT_LANGUAGE=language)
    # then
    body = response.content.decode()
    assert response.status_code == 200
    assert [label for label in labels if label not in body] == []


@pytest.mark.django_db
def test_headers_may_be_the_chinese_labels(world, client_for, csv_upload):
    # given a sheet a community worker typed with Chinese headers and labels
    upload = csv_upload(
        ["姓名", "类型", "手机号", "居住社区", "网格", "技能", "语言", "每周最多服务时长（小时）"],
        ["甲", "居民志愿者", "13500000000", "C1", "C1-G1", "first_aid:2", "zh", "4"],
    )
    # when
    response = _import(client_for(world.coordinator), upload)
    # then
    assert (response.status_code, response.json()) == (200, {"created": 1, "updated": 0, "dry_run": False})
    volunteer = Volunteer.objects.select_related("user").get()
    assert (
        volunteer.name,
        volunteer.kind,
        volunteer.user.phone,
        volunteer.grid,
        volunteer.skills,
        volunteer.max_hours_per_week,
    ) == (
        "甲",
        "resident",
        "+8613500000000",
        world.g1,
        {"first_aid": 2},
        4,
    )


@pytest.mark.django_db
def test_resource_headers_may_be_the_chinese_labels(world, client_for, csv_upload):
    # when
    upload = csv_upload(
        ["名称", "类别", "社区", "提供单位", "容量", "特点"], ["礼堂", "场地", "C1", "第一中学", "300", "投影;空调"]
    )
    response = client_for(world.coordinator).post("/api/resources/import/", {"file": upload}, format="multipart")
    # then
    assert (response.status_code, response.json()) == (200, {"created": 1, "updated": 0, "dry_run": False})
    assert list(Resource.objects.values_list("name", "category", "unit", "capacity", "features")) == [
        ("礼堂", "venue", world.school.pk, 300, ["投影", "空调"])
    ]
