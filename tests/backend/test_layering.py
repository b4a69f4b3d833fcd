"""The one-way flow between modules: tasks are entry points that call services, so no module imports a tasks
module (services queue a task by its name, core.queue.task_named), a service's helpers (planning.fanout,
runs.heartbeat) do not import the service back, and the run kernel (runs) imports no kind of run."""

import ast

import pytest
from celery import current_app

from module_imports import BACKEND, imported_names, modules_of, our_apps


def _tasks_modules() -> set[str]:
    return {f"{app}.tasks" for app in our_apps() if (BACKEND / app / "tasks.py").exists()}


def test_no_module_imports_a_tasks_module():
    # given every module of every app of ours, and the tasks modules among them
    tasks = _tasks_modules()
    assert {"planning.tasks", "allocation.tasks", "reports.tasks"} <= tasks
    # then none imports a tasks module, its own app's or another's
    offenders = {
        str(path.relative_to(BACKEND)): sorted(imported_names(path) & tasks)
        for app in our_apps()
        for path in modules_of(app)
    }
    assert {path: names for path, names in offenders.items() if names} == {}


@pytest.mark.parametrize("helper", ["planning/fanout.py", "runs/heartbeat.py"])
def test_planning_s_helpers_do_not_import_its_services(helper):
    names = imported_names(BACKEND / helper)
    assert "planning.services" not in names
    assert "planning.tasks" not in names


def test_the_run_kernel_imports_no_kind_of_run():
    # given every module of the runs app
    # then none reaches the apps whose runs it moves (they stand on it, not the other way)
    kinds = {"planning", "allocation", "reports"}
    offenders = {
        str(path.relative_to(BACKEND)): sorted(name for name in imported_names(path) if name.split(".")[0] in kinds)
        for path in modules_of("runs")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_every_task_a_module_names_is_registered():
    # given every task_named("...") in the backend
    named = set()
    for app in our_apps():
        for path in modules_of(app):
            for node in ast.walk(ast.parse(path.read_text())):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", None) == "task_named"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    named.add(node.args[0].value)
    assert {"planning.run_matching", "planning.solve_piece", "allocation.run", "reports.run_export"} <= named
    # then Celery knows each of them by that name
    current_app.autodiscover_tasks(force=True)
    assert sorted(named - set(current_app.tasks)) == []
