"""The production smoke test: the Procfile's four processes with the
production settings on PostgreSQL and Redis, and a real SMTP server that
goes down. A resident signs up to a workshop and sends threatening feedback;
the SMTP server stops; more of both; the worker is killed with SIGKILL while
mail waits in the queue; the server and the worker come back. Every e-mail
the site queued arrives, each exactly once (issue 16)."""

import json
import time
from collections import Counter

import psycopg
import pytest
import redis

from tests.smtp_sink import SmtpSink

from . import harness

pytestmark = pytest.mark.postgres

PRODUCTION = "website.settings.production"

FIND_PAGES = """
import json
from django.utils import timezone
from feedback.models import FeedbackFormPage
from participation.workshops import services
from participation.workshops.models import WorkshopPage

workshop = next(
    page
    for page in WorkshopPage.objects.live()
    .filter(locale__language_code="fi", starts_at__gt=timezone.now())
    .order_by("starts_at")
    if services.seats(page).free >= 2 and page.signup_state() == "open"
)
form = FeedbackFormPage.objects.live().get(locale__language_code="fi")
print(json.dumps({"workshop": workshop.url, "feedback": form.url}))
"""


def wait_until(predicate, timeout, step=0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def test_every_mail_arrives_once_through_an_smtp_outage_and_a_killed_worker(
    postgres_demo, processes, tmp_path
):
    sink = SmtpSink()
    env = postgres_demo.env(
        PRODUCTION,
        SITE_URL="https://hyvinvointi.example.fi",
        REDIS_URL="redis://127.0.0.1:6379/9",
        # Behind the TLS-terminating load balancer (below: X-Forwarded-Proto).
        SECURE_SSL_REDIRECT=None,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=sink.port,
        EMAIL_USE_TLS="false",
        EMAIL_TIMEOUT=5,
        DEFAULT_FROM_EMAIL="Yhdessä <no-reply@hyvinvointi.example.fi>",
        FEEDBACK_FALLBACK_EMAILS="palaute@example.fi",
        SPAM_MIN_FILL_SECONDS=0,
        MAIL_RETRY_FIRST_SECONDS=2,
        MAIL_RETRY_MAX_SECONDS=5,
        MAIL_CLAIM_SECONDS=10,
        STATIC_ROOT=tmp_path / "static",
    )
    redis.Redis.from_url(env["REDIS_URL"]).flushdb()

    def query(sql, *args):
        with psycopg.connect(postgres_demo.url, autocommit=True) as db:
            return db.execute(sql, args or None).fetchall()

    def queued():
        """(recipient, subject) of every message queued since the start."""
        rows = query('SELECT "to", subject FROM post_office_email WHERE id > %s', start)
        return Counter((to.split(",")[0].strip(), s.strip()) for to, s in rows)

    def received():
        with sink.lock:
            return Counter(
                (str(m["To"]).split(",")[0].strip(), str(m["Subject"]).strip())
                for m in sink.messages
            )

    release = processes.start("release", env)
    assert release.wait(timeout=600) == 0, release.output()[-3000:]
    pages = json.loads(harness.django_shell(env, FIND_PAGES).strip().splitlines()[-1])
    [(start,)] = query("SELECT coalesce(max(id), 0) FROM post_office_email")

    sink.start()
    web = processes.start("web", env).wait_until_ready("/healthz")
    worker = processes.start("worker", env)
    processes.start("scheduler", env)
    visitor = web.client(
        headers={
            "Host": "127.0.0.1",
            "Accept-Language": "fi",
            "X-Forwarded-Proto": "https",
            "Origin": "https://127.0.0.1",
            "Referer": "https://127.0.0.1/",
        }
    )

    def sign_up(address):
        response = visitor.submit(
            pages["workshop"],
            {
                "name": "Savu Testaaja",
                "email": address,
                "organisation_type": "resident",
                "consent": "on",
            },
        )
        assert response.status == 302, response.text[-3000:]

    def threaten():
        response = visitor.submit(
            pages["feedback"], {"nps": "0", "text": "Tapan teidät kaikki"}
        )
        assert response.status == 302, response.text[-3000:]

    try:
        sign_up("savu1@example.fi")
        threaten()
        assert wait_until(lambda: sum(received().values()) >= 2, 120), received()

        # The SMTP server goes down; people keep using the site.
        sink.stop()
        sign_up("savu2@example.fi")
        threaten()
        waiting = queued()
        assert sum(waiting.values()) >= 4, waiting
        failures = "SELECT count(*) FROM post_office_log WHERE status = 1"
        assert wait_until(lambda: query(failures)[0][0], 60), (
            "the worker never tried the server while it was down"
        )

        # The worker dies hard with mail in the queue; both come back.
        worker.kill()
        sink.start()
        processes.start("worker", env)
        assert wait_until(
            lambda: sum(received().values()) >= sum(waiting.values()), 240
        ), (received(), waiting)
        time.sleep(5)  # a message sent twice would have arrived by now
    finally:
        sink.stop()

    # Everything queued (and whatever the scheduler queued since), once each.
    expected = queued()
    assert received() == expected
    recipients = {to for to, _subject in expected}
    assert {"savu1@example.fi", "savu2@example.fi"} <= recipients
    alerts = [s for _to, s in expected.elements() if "Palautehälytys" in s]
    assert len(alerts) >= 2, expected
    assert query(
        "SELECT count(*) FROM post_office_email WHERE id > %s AND status <> 0", start
    ) == [(0,)]
