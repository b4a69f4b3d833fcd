"""`/metrics` in the Prometheus text format: django-prometheus's requests, latencies and database queries, the
counters our processes keep (notices, imports), and figures read at scrape time from the database and the broker
(runs by status, solve seconds, queue lengths).

Figures of state are read when scraped, so every process (gunicorn's, the workers') reports the same truth;
counters of events live in the process where they happen, and are summed over processes when
PROMETHEUS_MULTIPROC_DIR names the folder of the service's processes (prometheus_client's multiprocess mode), and
over the folders of other services that METRICS_READ_DIRS names (core.multiprocess). Domain apps add
their scrape-time figures with `register_collector` in `AppConfig.ready` (core imports no domain app).
Access: from METRICS_ALLOWED_IPS, or with `Authorization: Bearer <METRICS_TOKEN>`; anybody else gets a 403.
"""

import hmac
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterable

import prometheus_client
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from prometheus_client import multiprocess
from prometheus_client.core import GaugeMetricFamily, Metric

from core import multiprocess as multiprocess_folders
from core.errors import error_body

log = logging.getLogger(__name__)

METRICS = "/metrics"
PREFIX = "volunteer_"

_collectors: list[Callable[[], Iterable[Metric]]] = []


def register_collector(collect: Callable[[], Iterable[Metric]]) -> None:
    """A function yielding metric families, read when /metrics is scraped (once per function)."""
    if collect not in _collectors:
        _collectors.append(collect)


def queue_lengths() -> dict[str, int]:
    """Messages waiting in each queue the app declares (default: "celery") on the configured broker."""
    from config import celery_app

    names = sorted(celery_app.amqp.queues) or [celery_app.conf.task_default_queue]
    if settings.REDIS_URL:
        import redis

        client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=1, socket_connect_timeout=1)
        try:
            return {name: int(client.llen(name)) for name in names}
        finally:
            client.close()
    # kombu's filesystem transport names each message "<ms>_<uuid>.<queue>.msg"
    waiting = Counter(
        name.partition(".")[2].removesuffix(".msg")
        for name in os.listdir(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"])
        if name.endswith(".msg")
    )
    return {name: waiting.get(name, 0) for name in names}


def _queues() -> Iterable[Metric]:
    family = GaugeMetricFamily(f"{PREFIX}queue_length", "Tasks waiting in each broker queue.", labels=["queue"])
    for name, length in queue_lengths().items():
        family.add_metric([name], length)
    yield family


class _ScrapeTimeCollector:
    """Every registered function, each failure logged and skipped: one broken figure never hides the others."""

    def collect(self):
        for collect in [_queues, *_collectors]:
            try:
                yield from list(collect())
            except Exception as exc:
                log.warning(
                    "metrics collector %s failed: %s", getattr(collect, "__name__", collect), type(exc).__name__
                )


class _FoldersCollector:
    """The counters of every process of this service (PROMETHEUS_MULTIPROC_DIR) and of the services whose folders
    METRICS_READ_DIRS names (the workers'), summed as prometheus_client sums one folder."""

    def collect(self):
        folders = [multiprocess_folders.own_folder(), *settings.METRICS_READ_DIRS]
        return multiprocess.MultiProcessCollector.merge(multiprocess_folders.files_of(folders), accumulate=True)


def _registry() -> prometheus_client.CollectorRegistry:
    if multiprocess_folders.own_folder():
        registry = prometheus_client.CollectorRegistry()
        registry.register(_FoldersCollector())
    else:
        registry = prometheus_client.CollectorRegistry()
        registry.register(_ProcessRegistry())
    registry.register(_ScrapeTimeCollector())
    return registry


class _ProcessRegistry:
    """This process's default registry (django-prometheus's metrics and our counters), for one scrape."""

    def collect(self):
        return prometheus_client.REGISTRY.collect()


def _allowed(request) -> bool:
    token = settings.METRICS_TOKEN
    given = request.META.get("HTTP_AUTHORIZATION", "")
    if token and hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return True
    # REMOTE_ADDR, never X-Forwarded-For: a client can write that header itself
    return request.META.get("REMOTE_ADDR") in settings.METRICS_ALLOWED_IPS


def metrics_response(request) -> HttpResponse:
    if not _allowed(request):
        return JsonResponse(error_body(_("You may not read the metrics."), "permission_denied"), status=403)
    return HttpResponse(
        prometheus_client.generate_latest(_registry()), content_type=prometheus_client.CONTENT_TYPE_LATEST
    )
