"""Periodic housekeeping tasks of the runtime (settings.SCHEDULED_JOBS)."""

from django.core.management import call_command
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task, task_backends

from .health import HEARTBEAT


@task()
def worker_heartbeat():
    """Run by a task worker: /readyz reads when it last did."""
    from .models import LastRun

    LastRun.objects.update_or_create(name=HEARTBEAT, defaults={"at": timezone.now()})


@task()
def clear_sessions():
    """Delete expired sessions (Django keeps them until someone does)."""
    call_command("clearsessions")


@task()
def prune_task_results():
    """Delete finished task results older than 14 days (failed ones too), so
    the database queue stays small. Nothing to do without that backend."""
    from django_tasks_db import DatabaseBackend

    if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        call_command(
            "prune_db_task_results",
            "--queue-name=*",
            "--min-age-days=14",
            "--failed-min-age-days=14",
            verbosity=0,
        )
