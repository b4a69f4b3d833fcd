"""Text in imported sheets follows the API's rules, row by row: a control character is refused on its column, a
line break in one-line text too, while long text keeps its lines. A value exported as text ("'=...") imports back
as it was stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from people.models import Volunteer
from resources.models import Resource

pytestmark = pytest.mark.django_db

HEADER = ["id", "name", "category", "unit", "community", "capacity", "features", "address", "conditions"]
CONTROL = "Contains a control character, which is not allowed."
ONE_LINE = "Must be one line, without tabs or line breaks."


def _import(client, upload, kind="resources"):
    return client.post(f"/api/{kind}/import/", {"file": upload}, format="multipart")


def test_a_control_character_is_a_row_error_on_its_column_and_nothing_is_written(world, client_for, csv_upload):
    # given a sheet whose second row has a control character in the name, the third in a feature (a CSV: openpyxl
    # neither writes such a character to an XLSX nor decodes Excel's _x0001_ escape of it)
    sheet = csv_upload(
        HEADER,
        ["", "活动室", "venue", "", "C1", "10", "", "", ""],
        ["", "会议室\u0001", "venue", "", "C1", "10", "", "", ""],
        ["", "多功能厅", "venue", "", "C1", "10", "projector;\u001fsound", "", ""],
    )
    # when a coordinator imports it
    response = _import(client_for(world.coordinator), sheet)
    # then each bad row is reported on its column, by its line in the file, and no row is written
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["rows"] == [
        {"row": 3, "errors": {"name": [CONTROL]}},
        {"row": 4, "errors": {"features": [CONTROL]}},
    ]
    assert Resource.objects.count() == 0


def test_one_line_columns_refuse_line_breaks_and_long_text_keeps_them(world, client_for, csv_upload):
    client = client_for(world.coordinator)
    # a line break inside a name (one line) is refused; around it, it is trimmed as any blank
    refused = _import(client, csv_upload(HEADER, ["", "会议\n室", "venue", "", "C1", "10", "", "", ""]))
    assert refused.json()["extra"]["fields"]["rows"] == [{"row": 2, "errors": {"name": [ONE_LINE]}}]
    # the conditions of use are long text: their lines are kept
    kept = _import(
        client, csv_upload(HEADER, ["", "会议室\n", "venue", "", "C1", "10", "", "", "提前预约\n周末不开放"])
    )
    assert (kept.status_code, kept.json()) == (200, {"created": 1, "updated": 0, "dry_run": False})
    assert list(Resource.objects.values_list("name", "conditions")) == [("会议室", "提前预约\n周末不开放")]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_text_exported_as_text_imports_back_as_stored(world, client_for, fmt):
    # given a volunteer and a resource whose names start like formulae
    volunteer = world.volunteer(name="=张伟")
    world.resource(name="+多功能厅", conditions="-无")
    client = client_for(world.coordinator)
    for kind in ("volunteers", "resources"):
        exported = client.get(f"/api/{kind}/export/?format={fmt}")
        # when the exported sheet is imported again
        response = _import(client, SimpleUploadedFile(f"back.{fmt}", exported.content), kind=kind)
        # then the rows are unchanged: the export's text mark came off again
        assert (response.status_code, response.json()["updated"]) == (200, 1), response.json()
    assert Volunteer.objects.get(pk=volunteer.pk).name == "=张伟"
    assert list(Resource.objects.values_list("name", "conditions")) == [("+多功能厅", "-无")]
