"""Accounts (django-allauth) as a resident meets them: the verification
e-mail names the service in the person's language (not the host), never
shows the generated username, links to the public site and carries the
page the person started from; confirming in the same browser signs them in
and takes them back there. Mail goes through the outbox to a real SMTP
server (tests/smtp_sink.py)."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from tests.smtp_sink import text_of
from website.settings import base

pytestmark = pytest.mark.django_db

SITE_NAMES = {"fi": "Hyvinvointia yhdessä", "sv": "Välfärd tillsammans"}


def part(message, content_type):
    for item in message.walk():
        if item.get_content_type() == content_type:
            return item.get_content()
    return None


@pytest.mark.parametrize(
    "language,start", [("fi", "/fi/hyvinvointisuunnitelma/"), ("sv", "/sv/")]
)
def test_verification_mail_and_next_survive_the_round_trip(
    client,
    smtp_transport,
    settings,
    django_capture_on_commit_callbacks,
    language,
    start,
):
    settings.WAGTAILADMIN_BASE_URL = "https://hyvinvointi.example.fi"
    settings.MAIL_REPLY_TO = "Hyvinvointitiimi <tiimi@example.fi>"
    with translation.override(language):
        signup = reverse("account_signup")
    with (
        override_settings(EMAIL_BACKEND=base.EMAIL_BACKEND),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(
            f"{signup}?next={start}",
            {
                "email": f"asukas.{language}@example.org",
                "password1": "Pitka-salasana-123",
                "password2": "Pitka-salasana-123",
                "next": start,
            },
        )
    assert response.status_code == 302
    smtp_transport.wait_for(1)
    [message] = smtp_transport.messages
    text = text_of(message)
    assert str(message["Subject"]).strip().startswith(SITE_NAMES[language])
    assert str(message["Reply-To"]).strip() == "Hyvinvointitiimi <tiimi@example.fi>"
    assert str(message["Content-Language"]).strip() == language
    html = part(message, "text/html")
    assert html and f'lang="{language}"' in html
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(email=f"asukas.{language}@example.org")
    for body in (text, html):
        assert "testserver" not in body
        assert user.username not in body.replace(user.email, "")
        assert SITE_NAMES[language] in body
    link = re.search(r"https://hyvinvointi\.example\.fi(/\S+)", text).group(1)
    assert "next=" in link

    # The same browser opens the link and confirms: signed in, back at start.
    page = client.get(link)
    assert page.status_code == 200
    assert user.username not in page.content.decode().replace(user.email, "")
    response = client.post(link, {"next": start})
    assert response.status_code == 302
    assert response["Location"] == start
    assert client.get(start).wsgi_request.user == user
