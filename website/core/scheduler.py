"""The scheduler's logic (`manage.py scheduler`, docs/operations.md).

Each job of settings.SCHEDULED_JOBS is ``(name, every_seconds, task path)``;
when `every_seconds` have passed since it was last enqueued, its django-tasks
task is enqueued (the worker runs it) and the time is stored in `LastRun`
("job:<name>"), so that a restarted scheduler carries on where it was
instead of running every job again.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import LastRun

logger = logging.getLogger("website.scheduler")


def jobs():
    """[(name, timedelta, task)] from the setting; fails at start, not at
    the first run, when a path is wrong."""
    return [
        (name, datetime.timedelta(seconds=every), import_string(path))
        for name, every, path in settings.SCHEDULED_JOBS
    ]


def run_due(job_list, now=None):
    """Enqueue every job that is due; returns the names enqueued."""
    now = now or timezone.now()
    last = dict(
        LastRun.objects.filter(
            name__in=[f"job:{name}" for name, _every, _task in job_list]
        ).values_list("name", "at")
    )
    enqueued = []
    for name, every, task in job_list:
        previous = last.get(f"job:{name}")
        if previous is not None and now - previous < every:
            continue
        with transaction.atomic():
            LastRun.objects.update_or_create(name=f"job:{name}", defaults={"at": now})
            task.enqueue()
        logger.info("Enqueued %s", name, extra={"job": name})
        enqueued.append(name)
    return enqueued
