"""Background tasks of the shared core, run by the worker or the scheduler
(SCHEDULED_JOBS in settings)."""

from django_tasks import task

from . import backup as backups


@task()
def backup():
    """The daily backup of the database and media (BACKUP_DIR)."""
    return str(backups.create_backup())
