"""Audit finding 10: confirmation only by POST from the page the link opens,
and "send the link again" that reveals nothing."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings

from participation.panels.models import Member

from .test_join import join_data, link_path

pytestmark = pytest.mark.django_db

PAGES = {
    "fi": (
        "/fi/osallistu/asukaspaneelit/testipaneeli/",
        "Vahvista",
        "Lähetä linkki uudelleen",
    ),
    "sv": ("/sv/delta/invanarpaneler/testipaneeli/", "Bekräfta", "Skicka länken igen"),
}


def applied(client, areas, capture, language, email="asukas@example.com"):
    with capture(execute=True):
        client.post(
            PAGES[language][0], join_data(areas, language=language, email=email)
        )
    return link_path(mail.outbox[-1])


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_get_of_the_link_confirms_nothing(
    client, panel, areas, django_capture_on_commit_callbacks, language
):
    mail.outbox.clear()
    path = applied(client, areas, django_capture_on_commit_callbacks, language)
    # What a mail server's link scanner does: fetch the link, several times.
    for _i in range(3):
        response = client.get(path)
        assert response.status_code == 200
    member = Member.objects.get(panel=panel)
    assert member.confirmed_at is None
    assert len(mail.outbox) == 1
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert re.search(r'<form method="post"', html)
    assert PAGES[language][1] in html
    assert (
        "no-store" in response["Cache-Control"]
        or "max-age=0" in response["Cache-Control"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.confirmed_at is not None
    assert len(mail.outbox) == 2  # the welcome
    assert client.get(path).status_code == 410
    assert client.post(path).status_code == 410


def test_confirm_post_needs_csrf(
    client, panel, areas, django_capture_on_commit_callbacks
):
    from django.test import Client

    mail.outbox.clear()
    path = applied(client, areas, django_capture_on_commit_callbacks, "fi")
    assert Client(enforce_csrf_checks=True).post(path).status_code == 403
    assert Member.objects.get(panel=panel).confirmed_at is None


def resend(client, language, email):
    from website.core.antispam import TIMESTAMP_FIELD, started_token

    return client.post(
        PAGES[language][0] + "resend/",
        {"email": email, TIMESTAMP_FIELD: started_token(seconds_ago=10)},
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_resend_is_neutral_and_mails_only_pending(
    client, panel, areas, django_capture_on_commit_callbacks, language
):
    mail.outbox.clear()
    applied(client, areas, django_capture_on_commit_callbacks, language)
    confirmed = applied(
        client, areas, django_capture_on_commit_callbacks, language, "ok@example.com"
    )
    client.post(confirmed)
    response = client.get(PAGES[language][0] + "resend/")
    assert response.status_code == 200
    html = response.content.decode()
    assert PAGES[language][2] in html and "<label" in html
    assert "max-age=0" in response["Cache-Control"]
    mail.outbox.clear()
    pages = []
    for email in ("Asukas@Example.com", "ok@example.com", "nobody@example.com"):
        with django_capture_on_commit_callbacks(execute=True):
            response = resend(client, language, email)
        assert response.status_code == 302
        page = client.get(response["Location"])
        assert "max-age=0" in page["Cache-Control"]
        # Without the per-render tokens of the layout's forms.
        pages.append(re.sub(r'value="[^"]*:[^"]*"', "", page.content.decode()))
    # The same page whatever the address.
    assert pages[0] == pages[1] == pages[2]
    assert "asukas@example.com" not in pages[0].lower()
    # Only the pending application got a mail: a new, working link.
    assert [m.to for m in mail.outbox] == [["asukas@example.com"]]
    path = link_path(mail.outbox[0])
    assert path.startswith(f"/{language}/")
    client.post(path)
    assert Member.objects.get(email="asukas@example.com").confirmed_at is not None


def test_resend_errors_in_the_form(client, panel):
    response = resend(client, "sv", "not an address")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html and "not an address" in html


@override_settings(
    ACCOUNT_RATE_LIMITS={"panel_resend": "2/h/ip", "panel_resend_address": "2/h/key"}
)
def test_resend_is_rate_limited(
    client, panel, areas, django_capture_on_commit_callbacks
):
    cache.clear()
    mail.outbox.clear()
    applied(client, areas, django_capture_on_commit_callbacks, "fi")
    mail.outbox.clear()
    for _i in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert resend(client, "fi", "asukas@example.com").status_code == 302
    assert len(mail.outbox) == 2
    # Past the client's rate: a captcha, and nothing is sent.
    response = resend(client, "fi", "asukas@example.com")
    assert response.status_code == 400
    assert 'name="captcha_1"' in response.content.decode()
    assert len(mail.outbox) == 2
    cache.clear()


@override_settings(
    ACCOUNT_RATE_LIMITS={"panel_resend": "20/h/ip", "panel_resend_address": "1/h/key"}
)
def test_resend_to_one_address_is_limited_silently(
    client, panel, areas, django_capture_on_commit_callbacks
):
    cache.clear()
    applied(client, areas, django_capture_on_commit_callbacks, "fi")
    mail.outbox.clear()
    for _i in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            assert resend(client, "fi", "asukas@example.com").status_code == 302
    assert len(mail.outbox) == 1
    cache.clear()
