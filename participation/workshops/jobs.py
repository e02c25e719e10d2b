"""Workshops' periodic jobs as django-tasks tasks (settings.SCHEDULED_JOBS);
the management commands call the same functions. The outbox sender
(`send_pending_workshop_emails`) belongs to the mail queue."""

from django_tasks import task

from . import retention, services


@task()
def queue_reminders():
    return services.queue_reminders()


@task()
def anonymise_signups():
    return retention.anonymise()
