"""gunicorn's hooks for the web processes: `gunicorn -c config/gunicorn.py config.wsgi:application ...` (the image,
docker-compose.yml). They keep the web server's multiprocess folder of metrics (core.multiprocess): emptied when the
server starts, and a dead worker's live gauges dropped.
"""

from core import multiprocess


def on_starting(server) -> None:
    removed = multiprocess.service_starts()
    if removed:
        server.log.info("metrics: %d files of an earlier run removed from PROMETHEUS_MULTIPROC_DIR", len(removed))


def child_exit(server, worker) -> None:
    multiprocess.process_ended(worker.pid)
