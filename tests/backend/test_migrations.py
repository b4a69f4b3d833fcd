"""Upgrades: every migration of our apps runs forward on a copy of a seeded district's database, as
`manage.py migrate` does on a running installation (README, "Upgrading"), and `migrate --check` tells before and
after. The models and the migrations being in step is tests/backend/test_project_checks.py's
`makemigrations --check --dry-run`.

The seed is written by today's code, so the database is seeded at the newest state and taken back to an earlier
one (every reverse here keeps the rows of the tables it keeps), then migrated forward to the newest again, three times:
from the state before each app's newest migration that no other app's migration depends on (the previous release,
the planned and published week still there), from before planning's data migration 0004, and from the earliest
state the migrations allow (each app at its first migration, less those first migrations that depend on a later
one of another app). Tables an undone migration created come back empty; every
other table keeps its seeded rows while the migrations add columns and constraints and fill them in (RunPython)."""

import os
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from conftest import BACKEND

# Tables of the seeded district that the earliest state the migrations allow still holds.
KEPT = [
    "accounts_user",
    "geo_community",
    "people_volunteer",
    "people_skill",
    "orgs_unit",
    "needs_need",
    "shifts_shift",
    "posts_post",
    "resources_resource",
    "projects_project",
]


def _ours() -> set[str]:
    """Our apps with migrations: the ones whose code lives in backend/."""
    labels = {c.label for c in apps.get_app_configs() if BACKEND in Path(c.path).parents}
    return {app for app, _ in MigrationExecutor(connection).loader.graph.nodes if app in labels}


def _earlier_state(undo) -> list[tuple[str, str | None]]:
    """Targets for the executor: the state without the migrations `undo(graph, app)` names for each of our apps
    and whatever depends on them; (app, None) where nothing of an app is left."""
    graph = MigrationExecutor(connection).loader.graph
    removed = set()
    for app in _ours():
        for node in undo(graph, app):
            removed |= set(graph.backwards_plan(node))
    targets = []
    for app in sorted(_ours()):
        left = [
            node for node in graph.forwards_plan(graph.leaf_nodes(app)[0]) if node[0] == app and node not in removed
        ]
        targets.append(left[-1] if left else (app, None))
    return targets


def _newest(graph, app):
    """The app's newest migration, unless another app's migrations depend on it (undoing it would drop theirs)."""
    return [node for node in graph.leaf_nodes(app) if not graph.node_map[node].children]


def _after_the_first(graph, app):
    return [
        node
        for node in graph.forwards_plan(graph.leaf_nodes(app)[0])
        if node[0] == app and node not in graph.root_nodes(app)
    ]


def _back_to(targets) -> list[tuple[str, str]]:
    """Migrates back to `targets`; the migrations undone."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(targets)
    assert plan and all(backwards for _, backwards in plan)
    executor.migrate(targets)
    return [(migration.app_label, migration.name) for migration, _ in plan]


def _pending() -> bool:
    """What `manage.py migrate --check` answers: exit status 1 while migrations are unapplied."""
    try:
        call_command("migrate", check_unapplied=True, verbosity=0)
    except SystemExit as exit:
        return exit.code == 1
    return False


def _rows(sql: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def _counts() -> dict[str, int]:
    return {table: _rows(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")[0][0] for table in KEPT}


@pytest.mark.django_db(transaction=True)
def test_every_migration_runs_forward_on_a_seeded_district():
    # given the demo district at small scale with its week planned and published, and needs at every status
    call_command("seed_demo", scale="small", seed=1, stdout=open(os.devnull, "w"))
    call_command("publish_demo_week", stdout=open(os.devnull, "w"))
    seeded = _counts()
    published = _rows("SELECT COUNT(*) FROM planning_publication")[0][0]
    assert published > 0 and _rows("SELECT COUNT(*) FROM needs_need WHERE finished_at IS NOT NULL")[0][0] > 0

    # when it is taken back to the previous release (each app's newest migration undone) and migrated forward
    undone = _back_to(_earlier_state(_newest))
    assert undone and _pending()
    call_command("migrate", interactive=False, verbosity=0)
    # then nothing is pending, and the rows are all there
    assert not _pending()
    assert _counts() == seeded

    # when planning is taken back before its data migration 0004 (the weeks published before it count as announced)
    # and migrated forward
    undone = _back_to([("planning", "0003_removed_pairs")])
    assert ("planning", "0004_fanout_and_notices") in undone and _pending()
    call_command("migrate", interactive=False, verbosity=0)
    # then nothing is pending, and planning 0004 marked the published weeks as announced when published
    assert not _pending()
    assert _rows("SELECT COUNT(*) FROM planning_publication WHERE notified_at = published_at")[0][0] == published

    # when it is taken back to the earliest state the migrations allow and migrated forward
    undone = _back_to(_earlier_state(_after_the_first))
    assert len([key for key in undone if key not in _earlier_state(_after_the_first)]) >= 20 and _pending()
    call_command("migrate", interactive=False, verbosity=0)
    # then nothing is pending, every seeded row is still there, and the data migrations filled in what they add
    assert not _pending()
    assert _counts() == seeded
    # needs 0002: a finished need's date is its last status change
    assert _rows(
        "SELECT COUNT(*) FROM needs_need WHERE status IN ('completed', 'rated', 'closed') "
        "AND (finished_at IS NULL OR finished_at <> status_changed_at)"
    ) == [(0,)]
    # people 0004: the skills that need a coordinator's verification
    assert _rows("SELECT code FROM people_skill WHERE requires_verification ORDER BY code") == [
        ("legal_advice",),
        ("medical",),
        ("plumbing_electrical",),
    ]
