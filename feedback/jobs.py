"""Feedback's periodic jobs as django-tasks tasks (settings.SCHEDULED_JOBS);
the management commands of the same name call the same functions."""

from django_tasks import task

from . import reminders, retention


@task()
def send_feedback_reminders():
    return reminders.send_reminders()


@task()
def purge_feedback():
    return retention.purge()
