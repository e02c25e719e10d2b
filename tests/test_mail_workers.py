"""The outbox under several delivery workers and a killed one (PostgreSQL:
rows are committed from other connections, as real workers do).

Test data is written and removed through a connection of its own (a helper
thread, autocommit), because the workers must see it committed; the demo
data of the test database is not touched."""

import datetime
import json
import os
import signal
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import override_settings
from django.utils import timezone
from post_office.models import STATUS, Email

from tests.smtp_sink import SmtpSink
from website.core.mail import deliver_queued

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="several workers are a PostgreSQL deployment (SQLite runs one)",
    ),
]
ROOT = Path(__file__).resolve().parent.parent
WORKER = """
import json, sys
import django
django.setup()
from django.conf import settings
for name, value in json.loads(sys.argv[1]).items():
    setattr(settings, name, value)
from website.core.mail import deliver_queued
print(deliver_queued())
"""


def outside(function, *args):
    """Run `function` on a connection of its own (committed at once)."""
    with ThreadPoolExecutor(1) as pool:

        def run():
            try:
                return function(*args)
            finally:
                connections.close_all()

        return pool.submit(run).result()


def make_messages(prefix, count):
    return [
        Email.objects.create(
            from_email="x@example.com",
            to=[f"{prefix}{i}@example.com"],
            subject=f"{prefix} {i}",
            message="B",
            status=STATUS.queued,
            number_of_retries=0,
        ).pk
        for i in range(count)
    ]


def remove(ids):
    Email.objects.filter(pk__in=ids).delete()


@pytest.fixture
def slow_sink():
    sink = SmtpSink(delay=0.5)
    sink.start()
    yield sink
    sink.stop()


def test_two_workers_never_send_a_message_twice(slow_sink):
    ids = outside(make_messages, "two", 8)
    try:
        results = []

        def worker():
            results.append(deliver_queued())
            connections.close_all()

        with override_settings(**slow_sink.transport_settings()):
            threads = [threading.Thread(target=worker) for _ in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
        subjects = slow_sink.subjects()
        assert sorted(subjects) == sorted(f"two {i}" for i in range(8))
        assert sum(sent for sent, _failed in results) == 8
        # Both took part (each claims one message at a time).
        assert all(sent for sent, _failed in results)
    finally:
        outside(remove, ids)


def test_message_of_a_killed_worker_is_sent_later_once(slow_sink):
    ids = outside(make_messages, "kill", 4)
    try:
        transport = slow_sink.transport_settings()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.test",
            "DATABASE_URL": "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(
                **settings.DATABASES["default"]
            ),
        }
        process = subprocess.Popen(
            [sys.executable, "-c", WORKER, json.dumps(transport)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            # Killed while the server is still answering the third message
            # (the first two were accepted and recorded as sent).
            assert slow_sink.wait_for(3, timeout=60, started=True), (
                process.stderr.read1()
            )
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(10)
        assert process.returncode == -signal.SIGKILL
        delivered = set(slow_sink.subjects())
        assert delivered == {"kill 0", "kill 1"}

        def rest(now=None):
            with override_settings(**transport):
                return deliver_queued(now=now)

        # The message the dead worker held is not sent while its claim runs.
        outside(rest)
        claimed = outside(
            lambda: list(
                Email.objects.filter(pk__in=ids)
                .exclude(status=STATUS.sent)
                .values_list("subject", flat=True)
            )
        )
        assert claimed == ["kill 2"]
        # After the claim has run out, it is sent: every message exactly once.
        after = timezone.now() + datetime.timedelta(
            seconds=settings.MAIL_CLAIM_SECONDS + 1
        )
        outside(rest, after)
        subjects = slow_sink.subjects()
        assert sorted(subjects) == sorted(f"kill {i}" for i in range(4))
        statuses = outside(
            lambda: set(
                Email.objects.filter(pk__in=ids).values_list("status", flat=True)
            )
        )
        assert statuses == {STATUS.sent}
    finally:
        outside(remove, ids)
