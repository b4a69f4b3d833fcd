"""Counters of notice delivery for /metrics (core.metrics); kept by the process that delivers (a worker), summed
over processes through PROMETHEUS_MULTIPROC_DIR."""

from prometheus_client import Counter

from core.metrics import PREFIX

notices = Counter(
    f"{PREFIX}notices",
    "Notices and texts by channel and outcome (sent; skipped: opted out or "
    "nobody to send to; deferred: quiet hours; retried: a temporary failure; failed; unknown: the "
    "worker stopped during the send).",
    ["channel", "outcome"],
)
