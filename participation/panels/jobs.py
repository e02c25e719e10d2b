"""Panels' periodic jobs as django-tasks tasks (settings.SCHEDULED_JOBS);
the management commands call the same functions."""

from django_tasks import task

from . import retention, services


@task()
def close_rounds():
    """Close rounds whose closing time has passed; returns how many."""
    return len(services.close_due_rounds())


@task()
def purge_panel_data():
    return retention.purge()
