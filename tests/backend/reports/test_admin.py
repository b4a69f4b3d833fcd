"""The reports' models in the admin: changelists with rows, and the add pages, open for a superuser."""

import pytest
from django.urls import reverse

from accounts.models import User
from factories import ExportJobFactory
from reports.tasks import write_quarterly_feedback_task


@pytest.mark.parametrize("model", ["exportjob", "feedbackreport"])
def test_changelist_and_add_page_open(world, client, model):
    # given one row of each
    ExportJobFactory(created_by=world.users["admin"])
    write_quarterly_feedback_task(2026, 3)
    client.force_login(User.objects.create_superuser(username="root", password="pw", role=User.Role.ADMIN))

    # when
    changelist = client.get(reverse(f"admin:reports_{model}_changelist"))
    add = client.get(reverse(f"admin:reports_{model}_add"))

    # then
    assert (changelist.status_code, add.status_code) == (200, 200)
    assert changelist.context["cl"].result_count >= 1
