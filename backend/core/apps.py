from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from celery import signals
        from django.conf import settings
        from django.core.signals import request_finished

        from core import clock, logs, multiprocess

        clock.install(settings.SIMULATED_CLOCK_FILE)

        request_finished.connect(logs.request_end_forgets_request_id, weak=False)
        signals.before_task_publish.connect(logs.task_publish_carries_request_id, weak=False)
        signals.task_prerun.connect(logs.task_run_takes_request_id, weak=False)
        signals.task_postrun.connect(logs.task_end_forgets_request_id, weak=False)
        signals.after_setup_logger.connect(logs.worker_logs_in_our_format, weak=False)
        signals.after_setup_task_logger.connect(logs.worker_logs_in_our_format, weak=False)
        # a worker service's folder of counters is emptied as it starts, before its pool's processes write there
        signals.worker_init.connect(lambda **_: multiprocess.service_starts(), weak=False)
        signals.worker_process_shutdown.connect(
            lambda pid=None, **_: multiprocess.process_ended(pid) if pid else None, weak=False
        )
