"""Scale-out is real (issue 16, item 8): two gunicorn instances on one
PostgreSQL database and one Redis stay coherent. Production settings
(DEBUG off, page cache on, rate limits on; tests/runtime/scaleout_settings.py
says what differs). Without a shared Redis (REDIS_URL unset: each process
has its own local-memory cache) the page cache and the rate limit parts
fail, which is why production needs REDIS_URL."""

import json

import psycopg
import pytest
import redis

from . import harness

REDIS_URL = "redis://127.0.0.1:6379/2"
# Behind the load balancer both instances see the site's public host name
# (the page cache's keys contain it).
HOST = {"Host": "yhdessa.example"}

PREPARE = """
import json
from django.urls import reverse
from django.utils import translation
from feedback.models import FeedbackFormPage
from participation.workshops.models import SignUp, WorkshopPage
from website.plan.models import PlanPage

workshop = next(
    page for page in WorkshopPage.objects.live().filter(locale__language_code="fi")
    if page.signup_state() == "open"
)
SignUp.objects.filter(workshop=workshop).delete()
WorkshopPage.objects.filter(pk=workshop.pk).update(
    capacity=10, waitlist_limit=None, max_per_organisation=None
)
plan = PlanPage.objects.live().get(locale__language_code="fi")
print(json.dumps({
    "workshop": workshop.pk,
    "workshop_url": workshop.url,
    "feedback_url": FeedbackFormPage.objects.live().get(locale__language_code="fi").url,
    "plan": plan.pk,
    "plan_url": plan.url,
}))
"""

PUBLISH = """
from website.plan.models import PlanPage
page = PlanPage.objects.get(pk=%(plan)d)
page.title = "%(title)s"
page.save_revision().publish()
"""

SEATS = """
import json
from django.db.models import Sum
from participation.workshops.models import SignUp
rows = SignUp.objects.filter(workshop_id=%(workshop)d)
print(json.dumps({
    status: rows.filter(status=status).aggregate(n=Sum("party_size"))["n"] or 0
    for status in ("confirmed", "waiting")
} | {"signups": rows.count()}))
"""


@pytest.fixture
def two_servers(postgres_demo, processes):
    redis.Redis.from_url(REDIS_URL).flushdb()
    env = postgres_demo.env(
        "tests.runtime.scaleout_settings",
        REDIS_URL=REDIS_URL,
        PAGE_CACHE_SECONDS=300,
        SPAM_MIN_FILL_SECONDS=0,
        # Staff log in with a password here; MFA has its own tests.
        MFA_REQUIRED_FOR_STAFF="false",
        ALLOWED_HOSTS="127.0.0.1,yhdessa.example",
        # The rest of what production requires (nothing is mailed here).
        SITE_URL="https://yhdessa.example",
        EMAIL_HOST="127.0.0.1",
        DEFAULT_FROM_EMAIL="Yhdessä <no-reply@yhdessa.example>",
    )
    info = json.loads(harness.django_shell(env, PREPARE))
    a = processes.gunicorn(env, workers=2, threads=4, name="web-a")
    b = processes.gunicorn(env, workers=2, threads=4, name="web-b")
    a.wait_until_ready("/fi/")
    b.wait_until_ready("/fi/")
    yield env, info, a, b, postgres_demo
    redis.Redis.from_url(REDIS_URL).flushdb()


def test_page_cache_is_shared_and_invalidated_for_both(two_servers):
    env, info, a, b, demo = two_servers
    path = info["plan_url"]
    first = a.client(HOST).get(path)
    assert first.status == 200
    assert "Set-Cookie" not in dict(first.headers), "the plan page is cacheable"
    # Change the title behind the site's back (no signal, no invalidation):
    # B still answers with the page A rendered, so the cache is shared.
    with psycopg.connect(demo.url, autocommit=True) as connection:
        connection.execute(
            "UPDATE wagtailcore_page SET title = 'Muutettu ohi sivuston' "
            "WHERE id = %s",
            [info["plan"]],
        )
    cached = b.client(HOST).get(path)
    assert cached.status == 200
    assert "Muutettu ohi sivuston" not in cached.text
    # Publishing (here from a third process) invalidates the page for both.
    harness.django_shell(env, PUBLISH % {"plan": info["plan"], "title": "Julkaistu"})
    for server in (b, a):
        response = server.client(HOST).get(path)
        assert response.status == 200
        assert "Julkaistu" in response.text, server.name


def test_session_from_one_instance_works_on_the_other(two_servers):
    env, info, a, b, demo = two_servers
    client = a.client(HOST)
    fields, _ = client.form("/admin/login/")
    response = client.post(
        "/admin/login/",
        {**fields, "username": "admin", "password": "yhdessa-demo"},
    )
    assert response.status == 302, response.text[:2000]
    assert "sessionid" in client.cookies
    on_b = b.client(HOST)
    on_b.cookies = dict(client.cookies)
    dashboard = on_b.get("/admin/")
    assert dashboard.status == 200, dashboard.header("Location")
    # Logging out through B ends the session on A too.
    logout = on_b.post(
        "/admin/logout/", {"csrfmiddlewaretoken": on_b.cookies["csrftoken"]}
    )
    assert logout.status == 302
    stale = a.client(HOST)
    stale.cookies = dict(client.cookies)
    assert stale.get("/admin/").status == 302


def test_rate_limit_reached_through_one_instance_applies_on_the_other(two_servers):
    env, info, a, b, demo = two_servers
    path = info["feedback_url"]
    # Production's feedback limit: 20 per hour per address.
    for number in range(20):
        response = a.client(HOST).submit(
            path, {"nps": str(number % 11), "text": f"Kaksi palvelinta {number}"}
        )
        assert response.status == 302, (number, response.status)
    # The 21st, through B, is not accepted: B asks for the captcha.
    response = b.client(HOST).submit(path, {"nps": "7", "text": "Kaksi palvelinta 21"})
    assert response.status != 302
    assert 'name="captcha_1"' in response.text


def test_signups_through_both_instances_share_the_seats(two_servers):
    env, info, a, b, demo = two_servers
    path = info["workshop_url"]

    def visitor(number, barrier):
        client = (a if number % 2 else b).client(HOST)
        fields, page = client.form(path)
        data = {
            **harness.first_choices(page.text),
            **fields,
            "name": f"Skaala {number}",
            "email": f"skaala{number}@example.invalid",
            "organisation_type": "resident",
            "party_size": "1",
            "attendees": "",
            "consent": "on",
        }
        barrier.wait(timeout=120)
        return client.post(path, data).status

    statuses = harness.in_parallel(visitor, range(40))
    seats = json.loads(harness.django_shell(env, SEATS % info))
    assert statuses == [302] * 40, statuses
    assert seats == {"confirmed": 10, "waiting": 30, "signups": 40}
