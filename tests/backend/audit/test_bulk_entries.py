"""The bulk form of the audit history's own entries: the same rows `audit_record_change` writes one by one (fields,
changes, actor, masking), and the creation entries auditlog writes on a first save, in a number of queries that does
not grow with the rows; a week's generation and an import's chunks use it."""

import datetime as dt

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

import factories as f
from audit.services import NotTracked, audit_record_change, audit_record_change_bulk
from posts.models import Post
from shifts.models import Shift
from shifts.services import shift_generate_week

pytestmark = pytest.mark.django_db

WEEK = dt.date(2026, 11, 30)
COMPARED = (
    "content_type_id",
    "object_pk",
    "object_id",
    "object_repr",
    "serialized_data",
    "action",
    "changes",
    "actor_id",
    "actor_email",
    "cid",
    "remote_addr",
    "remote_port",
    "additional_data",
)


def _content(entry: LogEntry) -> dict:
    return {name: getattr(entry, name) for name in COMPARED}


def _generate(world, posts: int) -> tuple[int, int]:
    """Generate the week of `posts` new posts of three weekdays each in A1: (shifts made, queries run besides the
    shifts' own INSERT), the audit entries written in one query."""
    for _ in range(posts):
        f.PostFactory(community=world.a1, weekdays=[1, 3, 5])
    # Both measured alike: the content type looked up once either way (Django caches it per process).
    ContentType.objects.clear_cache()
    with CaptureQueriesContext(connection) as queries:
        result = shift_generate_week(week=WEEK, communities=[world.a1])
    # The shifts' own INSERT is batched by the database's limit on parameters: counted apart.
    shift_inserts = [
        q for q in queries.captured_queries if q["sql"].startswith("INSERT") and '"shifts_shift"' in q["sql"]
    ]
    audit = [q for q in queries.captured_queries if '"auditlog_logentry"' in q["sql"]]
    assert len(audit) == 1
    return result.created, len(queries) - len(shift_inserts)


def test_generating_n_shifts_writes_n_entries_in_a_constant_number_of_queries(world):
    # given a week of 6 shifts generated, then, after it, another week's worth of 60
    few, few_queries = _generate(world, 2)
    Shift.objects.all().delete()
    Post.objects.all().delete()
    many, many_queries = _generate(world, 20)
    # then one entry per new shift, and the same number of queries either way
    assert (few, many) == (6, 60)
    generated = LogEntry.objects.get_for_model(Shift).filter(changes__has_key="generated")
    assert generated.filter(object_id__in=Shift.objects.values("pk")).count() == 60
    assert many_queries == few_queries


def test_a_generated_shifts_entry_is_what_the_single_form_writes(world):
    # given a week generated at a coordinator's request
    f.PostFactory(community=world.a1, weekdays=[2])
    with set_actor(world.users["community"], remote_addr="10.0.0.8"):
        shift_generate_week(week=WEEK, communities=[world.a1])
        shift = Shift.objects.get()
        # when both forms write the same change of the same shift
        change = {"generated": ("", shift.generation_key)}
        single = audit_record_change(instance=shift, changes=change)
        [bulk] = audit_record_change_bulk(changes=[(shift, change)])
    # then both entries hold the same, the actor included
    single, bulk = LogEntry.objects.get(pk=single.pk), LogEntry.objects.get(pk=bulk.pk)
    assert _content(bulk) == _content(single)
    # and so does the generation's own entry (written from the shift as made, its times in the district's zone)
    [generated] = LogEntry.objects.get_for_object(shift).exclude(pk__in=[single.pk, bulk.pk])
    assert {**_content(generated), "object_repr": ""} == {**_content(single), "object_repr": ""}
    assert (generated.actor, generated.remote_addr, generated.object_pk, generated.changes_dict) == (
        world.users["community"],
        "10.0.0.8",
        str(shift.pk),
        {"generated": ["", shift.generation_key]},
    )


def test_personal_fields_are_masked_in_both_forms_and_untracked_models_refused(world):
    # given a volunteer's name changed outside save() (the model masks `name`)
    volunteer = world.v1
    changes = {"name": ("张三丰", "李四光"), "kind": ("in_office", "retired")}
    # when both forms record it
    single = audit_record_change(instance=volunteer, changes=changes)
    [bulk] = audit_record_change_bulk(changes=[(volunteer, changes)])
    # then the name is masked alike, the kind is not
    assert LogEntry.objects.get(pk=bulk.pk).changes_dict == LogEntry.objects.get(pk=single.pk).changes_dict
    assert single.changes_dict == {"name": ["张**", "李**"], "kind": ["in_office", "retired"]}
    # and a model that keeps no history is refused by both
    with pytest.raises(NotTracked):
        audit_record_change_bulk(changes=[(world.a1, {"name": ("a", "b")})])


def test_a_created_rows_entry_is_what_auditlog_writes_on_its_first_save(world):
    # given a need saved at a coordinator's request (auditlog's own creation entry, the requester's data masked)
    with set_actor(world.users["community"], remote_addr="10.0.0.8"):
        need = f.NeedFactory(community=world.a1, requester_name="王小明", requester_phone="13700001234")
        [saved] = LogEntry.objects.get_for_object(need)
        # when the bulk form records the same row as made by bulk_create
        [bulk] = audit_record_change_bulk(created=[need])
    # then both entries hold the same
    bulk = LogEntry.objects.get(pk=bulk.pk)
    assert _content(bulk) == _content(saved)
    assert bulk.action == LogEntry.Action.CREATE
    assert bulk.changes_dict["requester_phone"] == ["None", "137****1234"]
    assert bulk.changes_dict["requester_name"] == ["None", "王**"]


def test_a_task_names_whom_it_works_for_and_the_context_of_its_entries(world):
    # given a change made by a background task (no request) for a coordinator, as part of an import run
    need = f.NeedFactory(community=world.a1)
    coordinator = world.users["community"]
    # when it is recorded with them as the actor and the run as the context
    [entry] = audit_record_change_bulk(
        changes=[(need, {"urgency": (3, 5), "community_id": (None, world.a1.pk), "updated_at": ("a", "b")})],
        actor=coordinator,
        context={"import_run": 7},
    )
    # then the entry is theirs, with the context, the field by its name
    entry = LogEntry.objects.get(pk=entry.pk)
    assert (entry.actor, entry.additional_data) == (coordinator, {"import_run": 7})
    assert entry.changes_dict == {"urgency": ["3", "5"], "community": ["None", str(world.a1.pk)]}
    # and a change of fields the history leaves out only is no entry
    assert audit_record_change_bulk(changes=[(need, {"updated_at": ("a", "b")})]) == []
