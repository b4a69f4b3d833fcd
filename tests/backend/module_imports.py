"""What a backend module imports, read from its source with `ast` (so imports inside functions count too), and which
apps of INSTALLED_APPS are ours (their code under backend/): the layering tests are written with these."""

import ast
from pathlib import Path

from django.apps import apps

BACKEND = Path(__file__).resolve().parents[2] / "backend"
# calls that reach a module or a model by its dotted name: importlib.import_module("people.models"),
# apps.get_model("people.Skill"), apps.get_model("people", "Skill")
_BY_NAME = {"import_module", "get_model"}


def imported_names(path: Path) -> set[str]:
    """Dotted names the module imports (absolute imports, top level or inside functions), and the names it reaches
    by a string in import_module / get_model calls."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if called in _BY_NAME and isinstance(node.args[0].value, str):
                names.add(node.args[0].value)
    return names


def our_apps() -> set[str]:
    """Labels of the installed apps whose code is under backend/ (core and every domain app)."""
    return {config.name for config in apps.get_app_configs() if Path(config.path).resolve().is_relative_to(BACKEND)}


def modules_of(app: str) -> list[Path]:
    return sorted((BACKEND / app).rglob("*.py"))
