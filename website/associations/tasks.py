"""Background tasks of the association register."""

from django_tasks import task

from . import retention


@task()
def purge_associations():
    """Daily retention purge (SCHEDULED_JOBS "purge-associations")."""
    return retention.purge()
