"""/healthz and /readyz in process (website/core/health.py); the database
outage and the real worker are in test_processes.py."""

import datetime

import pytest
from django.utils import timezone

from website.core.models import LastRun

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def assert_uncached_json(response):
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_healthz_answers_without_touching_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert_uncached_json(response)


def test_health_urls_pass_host_checks_and_have_no_language_prefix(client, settings):
    # Load balancers probe an instance by its address, not the site's name.
    settings.ALLOWED_HOSTS = ["hyvinvointi.example.fi"]
    assert client.get("/healthz", HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.0.0.7:8000").status_code == 200
    # Everything else still refuses an unknown host.
    assert client.get("/fi/", HTTP_HOST="10.0.0.7:8000").status_code == 400


def test_readyz_on_the_demo_is_ready_and_skips_the_worker(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ok" and body["failing"] == []
    assert set(body["checks"]) == {
        "database",
        "cache",
        "migrations",
        "worker",
        "outbox",
    }
    assert body["checks"]["worker"]["detail"].startswith("skipped")
    assert_uncached_json(response)


def test_readyz_fails_when_the_worker_heartbeat_is_stale(client, settings):
    settings.TASKS = DATABASE_TASKS
    settings.WORKER_HEARTBEAT_MAX_AGE = 300
    LastRun.objects.create(
        name="worker_heartbeat", at=timezone.now() - datetime.timedelta(minutes=6)
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["failing"] == ["worker"]
    assert body["checks"]["worker"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
    assert_uncached_json(response)


def test_readyz_fails_before_any_heartbeat_and_recovers_with_one(client, settings):
    settings.TASKS = DATABASE_TASKS
    assert client.get("/readyz").json()["failing"] == ["worker"]

    from website.core.tasks import worker_heartbeat

    # What the worker does when it runs the scheduler's heartbeat job.
    worker_heartbeat.func()
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    assert response.json()["checks"]["worker"]["ok"] is True


def test_readyz_reports_a_failing_check_by_name_without_exception_text(
    client, settings
):
    settings.READINESS_CHECKS = [
        "website.core.health.check_database",
        "tests.runtime.test_health.check_broken",
    ]
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["broken"]
    # The exception's class, never its message (which may hold addresses).
    assert body["checks"]["broken"] == {"ok": False, "detail": "RuntimeError"}


def check_broken():
    raise RuntimeError("smtp://user:secret@mail.example.fi refused")


def test_health_urls_refuse_other_methods(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405
