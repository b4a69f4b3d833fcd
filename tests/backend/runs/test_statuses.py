"""Each kind of run declares its own Status; status_field holds it to the kernel's order."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from allocation.models import AllocationRun
from planning.models import MatchingRun
from reports.models import ExportJob
from runs.models import status_field
from transfer.models import ImportRun


@pytest.mark.parametrize("model", [MatchingRun, AllocationRun, ExportJob, ImportRun])
def test_every_kind_starts_queued_and_ends_done_failed_cancelled(model):
    # given / when
    values = list(model.Status.values)
    # then
    assert (values[0], values[-3:]) == ("queued", ["done", "failed", "cancelled"])
    assert model.CLAIMED in model.WORKING


def test_statuses_out_of_the_kernels_order_are_refused():
    # given a kind whose statuses do not end with the kernel's
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        DONE = "done", "Done"
        RUNNING = "running", "Running"

    # when / then
    with pytest.raises(ImproperlyConfigured) as refused:
        status_field(Status)
    assert str(refused.value) == (
        "A run's statuses start with 'queued' and end with ('done', 'failed', 'cancelled'), "
        "not ['queued', 'done', 'running']."
    )
