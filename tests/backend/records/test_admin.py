"""The records admin opens for a superuser: changelists and a record's page with its history. Records are made by the
service (check-out, a coordinator's entry), never added in the admin."""

from django.urls import reverse

import factories as f
from records.models import RecordChange


def test_records_admin_pages_open(world, client, record):
    row = record()
    RecordChange.objects.create(record=row, field="minutes", old="30", new="60")
    client.force_login(f.UserFactory(username="root", is_staff=True, is_superuser=True))
    for name in ("records_servicerecord_changelist", "records_recordchange_changelist"):
        assert client.get(reverse(f"admin:{name}")).status_code == 200, name
    assert client.get(reverse("admin:records_servicerecord_add")).status_code == 403
    page = client.get(reverse("admin:records_servicerecord_change", args=[row.pk]))
    assert page.status_code == 200
    assert "30" in page.content.decode()
