"""The scheduler's rounds (website/core/scheduler.py) and the periodic jobs
it enqueues; the process (lock, SIGTERM) is in test_processes.py."""

import datetime

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task

from website.core import scheduler
from website.core.models import LastRun

pytestmark = pytest.mark.django_db


def test_every_scheduled_job_is_a_task_with_a_sane_period():
    names = [name for name, _every, _path in settings.SCHEDULED_JOBS]
    assert len(names) == len(set(names))
    for _name, every, path in settings.SCHEDULED_JOBS:
        assert isinstance(import_string(path), Task), path
        assert every >= 60


def test_the_jobs_people_used_to_run_by_hand_are_scheduled():
    paths = {path for _name, _every, path in settings.SCHEDULED_JOBS}
    assert {
        "feedback.jobs.send_feedback_reminders",
        "feedback.jobs.purge_feedback",
        "participation.workshops.jobs.queue_reminders",
        "participation.workshops.jobs.anonymise_signups",
        "participation.panels.jobs.close_rounds",
        "participation.panels.jobs.purge_panel_data",
        "website.core.tasks.worker_heartbeat",
    } <= paths


def test_a_round_enqueues_what_is_due_once_and_remembers_it(settings):
    settings.SCHEDULED_JOBS = [
        ("worker_heartbeat", 60, "website.core.tasks.worker_heartbeat"),
        ("clear_sessions", 86400, "website.core.tasks.clear_sessions"),
    ]
    jobs = scheduler.jobs()
    now = timezone.now()
    assert scheduler.run_due(jobs, now=now) == ["worker_heartbeat", "clear_sessions"]
    # The immediate backend ran the heartbeat at once.
    assert LastRun.objects.get(name="worker_heartbeat").at >= now
    # A restarted scheduler reads the times back: nothing is due yet.
    assert scheduler.run_due(scheduler.jobs(), now=now + _seconds(30)) == []
    assert scheduler.run_due(jobs, now=now + _seconds(61)) == ["worker_heartbeat"]
    assert LastRun.objects.get(name="job:clear_sessions").at == now


def _seconds(n):
    return datetime.timedelta(seconds=n)


def test_the_scheduler_command_once_runs_the_due_jobs(settings):
    settings.SCHEDULED_JOBS = [
        ("panel_rounds_close", 300, "participation.panels.jobs.close_rounds"),
    ]
    from participation.panels.models import Round

    round_ = Round.objects.filter(status=Round.Status.OPEN).first()
    if round_ is None:
        round_ = Round.objects.exclude(status=Round.Status.CLOSED).first()
        round_.status = Round.Status.OPEN
    round_.closes_at = timezone.now() - _seconds(60)
    round_.save()
    call_command("scheduler", "--once", verbosity=0)
    round_.refresh_from_db()
    assert round_.status == Round.Status.CLOSED
    assert LastRun.objects.filter(name="job:panel_rounds_close").exists()


def test_feedback_purge_job_and_command_anonymise_the_same_feedback():
    from feedback.jobs import purge_feedback
    from feedback.models import Feedback

    old = timezone.now() - datetime.timedelta(days=settings.FEEDBACK_RETENTION_DAYS + 1)
    feedback = Feedback.objects.exclude(text="").filter(anonymised_at__isnull=True)[0]
    Feedback.objects.filter(pk=feedback.pk).update(created_at=old)
    assert purge_feedback.enqueue().return_value >= 1
    feedback.refresh_from_db()
    assert feedback.anonymised_at is not None and feedback.text == ""


def test_the_named_lock_admits_one_holder_at_a_time():
    from website.core.locks import NamedLock

    first, second = NamedLock("test-lock"), NamedLock("test-lock")
    assert first.acquire(wait=False)
    try:
        assert first.held()
        assert not second.acquire(wait=False)
        other = NamedLock("another-lock")
        assert other.acquire(wait=False)
        other.release()
    finally:
        first.release()
    assert second.acquire(wait=False)
    second.release()
