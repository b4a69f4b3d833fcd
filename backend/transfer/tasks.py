"""Background work of imports: write a confirmed import run, then invite the people it created. acks_late with
reject_on_worker_lost: when the worker dies half-way the task is delivered again; the import takes the run over once
its heartbeat has stopped and resumes after the last chunk written, the invitations skip whoever has one."""

from celery import shared_task

from transfer import services


@shared_task(name="transfer.import_run", acks_late=True, reject_on_worker_lost=True)
def import_run_task(run_id: int) -> str:
    return services.import_run_execute(run_id=run_id)


@shared_task(name="transfer.import_run_invite", acks_late=True, reject_on_worker_lost=True)
def import_run_invite_task(run_id: int) -> int:
    return services.import_run_invite(run_id=run_id)
