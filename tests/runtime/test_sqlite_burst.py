"""The embedded default holds a burst (issue 16, item 7).

gunicorn with the demo's settings and process shape (the Makefile's `demo`
target) on a file SQLite database with the demo content; 100 visitors each
fetch the form (their own CSRF cookie and token), wait at a barrier and post
at the same moment. Before SQLite ran in WAL mode with IMMEDIATE
transactions and a busy timeout, deferred transactions could not upgrade
their read lock and the server answered "database is locked" 500s (see
docs/operations.md for the numbers).
"""

import json
import re
import time

from . import harness

BURST = 100
SEATS = 10

PREPARE = """
import json
from django.urls import reverse
from django.utils import translation
from feedback.models import FeedbackFormPage
from participation.panels.models import Panel
from participation.workshops.models import SignUp, WorkshopPage

workshop = next(
    page for page in WorkshopPage.objects.live().filter(locale__language_code="fi")
    if page.signup_state() == "open"
)
SignUp.objects.filter(workshop=workshop).delete()
WorkshopPage.objects.filter(pk=workshop.pk).update(
    capacity=%(seats)d, waitlist_limit=None, max_per_organisation=None
)
panel = Panel.objects.filter(recruitment_open=True).order_by("pk").first()
with translation.override("fi"):
    panel_url = panel.route_url()
print(json.dumps({
    "workshop": workshop.pk,
    "workshop_url": workshop.url,
    "feedback_url": FeedbackFormPage.objects.live().get(locale__language_code="fi").url,
    "panel": panel.pk,
    "panel_url": panel_url,
}))
"""

COUNT = """
import json
from django.db.models import Sum
from feedback.models import Feedback
from participation.panels.models import Member
from participation.workshops.models import SignUp

signups = SignUp.objects.filter(workshop_id=%(workshop)d)
persons = {
    status: signups.filter(status=status).aggregate(n=Sum("party_size"))["n"] or 0
    for status in ("confirmed", "waiting")
}
print(json.dumps({
    "signups": signups.count(),
    **persons,
    "burst_feedback": Feedback.objects.filter(text__startswith="Ryntäys ").count(),
    "burst_members": Member.objects.filter(
        panel_id=%(panel)d, email__startswith="ryntays"
    ).count(),
}))
"""


def demo_server_shape():
    """(workers, threads) of gunicorn in the Makefile's `demo` target, so
    that the burst runs against what `make demo` serves."""
    makefile = (harness.ROOT / "Makefile").read_text()
    match = re.search(r"--workers[= ](\d+)\s+--threads[= ](\d+)", makefile)
    assert match, "the Makefile's demo target runs gunicorn with --workers/--threads"
    return int(match.group(1)), int(match.group(2))


def serve_demo(processes, demo, settings):
    env = demo.env(settings)
    info = json.loads(harness.django_shell(env, PREPARE % {"seats": SEATS}))
    workers, threads = demo_server_shape()
    server = processes.gunicorn(env, workers=workers, threads=threads)
    server.wait_until_ready("/fi/")
    return env, server, info


def burst(server, path, answers, count=BURST, think_time=0):
    """`count` visitors fetch the form at `path`, wait until all have it
    (and `think_time` seconds, for the time trap), then post at once."""

    def visitor(number, barrier):
        client = server.client()
        fields, page = client.form(path)
        data = {**harness.first_choices(page.text), **fields, **answers(number)}
        barrier.wait(timeout=120)
        if think_time:
            time.sleep(think_time)
        return client.post(path, data).status

    return harness.in_parallel(visitor, range(count))


def summary(statuses):
    counts = {}
    for status in statuses:
        key = status if isinstance(status, int) else type(status).__name__
        counts[key] = counts.get(key, 0) + 1
    return counts


def signup_answers(number):
    return {
        "name": f"Ryntäys {number}",
        "email": f"ryntays{number}@example.invalid",
        "organisation_type": "resident",
        "party_size": "1",
        "attendees": "",
        "consent": "on",
    }


def test_burst_of_signups_feedback_and_panel_joins(processes, sqlite_demo):
    env, server, info = serve_demo(
        processes, sqlite_demo, "tests.runtime.burst_settings"
    )

    signups = burst(server, info["workshop_url"], signup_answers)
    feedback = burst(
        server,
        info["feedback_url"],
        lambda n: {"nps": str(n % 11), "text": f"Ryntäys {n}"},
    )
    joins = burst(
        server,
        info["panel_url"],
        lambda n: {
            "email": f"ryntays{n}@example.invalid",
            "name": f"Ryntäys {n}",
            "language": "fi",
            "eligible": "on",
            "consent": "on",
        },
    )
    counts = json.loads(harness.django_shell(env, COUNT % info))
    log = server.output()[-3000:]

    # Every post was accepted (a redirect), none failed or was lost.
    outcome = {
        "sign-ups": summary(signups),
        "feedback": summary(feedback),
        "panel joins": summary(joins),
    }
    accepted = {302: BURST}
    assert outcome == dict.fromkeys(outcome, accepted), (outcome, counts, log)
    assert counts["signups"] == BURST
    assert counts["confirmed"] == SEATS
    assert counts["waiting"] == BURST - SEATS
    assert counts["burst_feedback"] == BURST
    assert counts["burst_members"] == BURST


def test_concurrent_signups_with_the_demo_settings_give_no_server_error(
    processes, sqlite_demo
):
    """The demo's real settings (rate limit 10 per hour per address, a 3 s
    time trap): 30 visitors from one address post at once. Past the rate
    limit the form comes back with a captcha (400), never a 5xx, and every
    accepted post is a sign-up."""
    env, server, info = serve_demo(processes, sqlite_demo, "website.settings.demo")

    statuses = burst(
        server, info["workshop_url"], signup_answers, count=30, think_time=3.5
    )
    counts = json.loads(harness.django_shell(env, COUNT % info))

    assert all(isinstance(status, int) for status in statuses), summary(statuses)
    assert not [s for s in statuses if s >= 500], (
        summary(statuses),
        server.output()[-3000:],
    )
    assert set(statuses) <= {302, 400}, summary(statuses)
    assert counts["signups"] == statuses.count(302)
    assert counts["confirmed"] == min(SEATS, counts["signups"])
