"""`core` is the floor every app stands on: it imports no domain app. Where core needs a domain fact, the domain app
registers it (metrics' collectors, settings such as BACKUP_CHECKSUMMED_MODELS) or the fact lives in its domain app."""

import pytest

from module_imports import imported_names, modules_of, our_apps


def _domain_apps() -> set[str]:
    return our_apps() - {"core"}


def test_the_domain_apps_are_found():
    assert {"accounts", "people", "geo", "planning", "allocation"} <= _domain_apps()
    assert "core" not in _domain_apps()


@pytest.mark.parametrize("path", modules_of("core"), ids=lambda path: str(path.relative_to(path.parents[1])))
def test_core_imports_no_domain_app(path):
    # given every import of the module, top level or inside a function
    names = imported_names(path)

    # then none names a domain app
    assert sorted(name for name in names if name.split(".")[0] in _domain_apps()) == []


def test_the_check_sees_imports_inside_functions(tmp_path):
    # given a module that reaches a domain app only inside a function and by name
    module = tmp_path / "sneaky.py"
    module.write_text("def f():\n    from people.models import Skill\n    return apps.get_model('geo', 'Grid')\n")

    # then both are seen
    assert imported_names(module) == {"people.models", "people.models.Skill", "geo"}
