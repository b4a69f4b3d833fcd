"""Counters of sheet imports for /metrics (core.metrics), kept by the web process that imports."""

from prometheus_client import Counter

from core.metrics import PREFIX

imports = Counter(
    f"{PREFIX}imports",
    "Sheet imports by sheet and outcome (imported, checked: a dry run, rejected).",
    ["sheet", "outcome"],
)
imported_rows = Counter(f"{PREFIX}imported_rows", "Rows created or updated by sheet imports.", ["sheet"])
