"""Counters of notice delivery for /metrics (core.metrics); kept by the process that delivers (a worker), summed
over processes through PROMETHEUS_MULTIPROC_DIR."""
from prometheus_client import Counter

from core.metrics import PREFIX

notices = Counter(f"{PREFIX}notices", "Notices handed to a delivery channel, by channel and outcome "
                  "(sent; skipped: nobody to send to; failed).", ["channel", "outcome"])
