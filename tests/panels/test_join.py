import re

import pytest
from django.core import mail
from django.test import override_settings

from participation.panels.models import Member
from website.core.antispam import HONEYPOT_FIELD, TIMESTAMP_FIELD, started_token

pytestmark = pytest.mark.django_db


def join_data(areas, **extra):
    data = {
        "email": "Asukas@Example.com",
        "name": "Anna Asukas",
        "municipality": areas["186"].pk,
        "age_group": "30-44",
        "language": "sv",
        "eligible": "on",
        "consent": "on",
        "bg_services": "0",
        TIMESTAMP_FIELD: started_token(),
    }
    data.update(extra)
    return data


def link_path(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


@pytest.mark.parametrize(
    "prefix", ["/fi/osallistu/asukaspaneelit/", "/sv/delta/invanarpaneler/"]
)
def test_panel_page_in_both_languages(
    client, panel, prefix, django_assert_max_num_queries
):
    # A route of the panel listing page: Wagtail's routing and the language
    # switcher's translations add a few queries, none per row.
    with django_assert_max_num_queries(20):
        response = client.get(f"{prefix}{panel.slug}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "v2" in text  # the current consent version
    assert 'name="email"' in text and "<label" in text


def test_double_opt_in(client, panel, areas, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fi/osallistu/asukaspaneelit/testipaneeli/", join_data(areas)
        )
    assert response.status_code == 302
    member = Member.objects.get(panel=panel)
    assert member.email == "asukas@example.com"
    assert member.confirmed_at is None
    assert member.consent.version == 2 and member.consented_at
    assert member.background == {"services": 0}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Content-Language"] == "sv"
    confirm = link_path(mail.outbox[0])
    assert confirm.startswith("/sv/paneler/c/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm)
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.confirmed_at is not None
    assert len(mail.outbox) == 2  # welcome with the self-service link
    assert "/sv/paneler/m/" in mail.outbox[1].body
    # The link works once.
    response = client.get(confirm)
    assert response.status_code == 410
    assert "asukas@example.com" not in response.content.decode()


def test_second_application_reveals_nothing(
    client, panel, areas, django_capture_on_commit_callbacks
):
    client.post("/fi/osallistu/asukaspaneelit/testipaneeli/", join_data(areas))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fi/osallistu/asukaspaneelit/testipaneeli/", join_data(areas, name="X")
        )
    assert response.status_code == 302
    assert Member.objects.filter(panel=panel).count() == 1
    assert Member.objects.get(panel=panel).name == "Anna Asukas"
    assert len(mail.outbox) == 1 and "/m/" in mail.outbox[0].body


def test_required_fields_and_errors(client, panel, areas):
    data = join_data(areas, email="", consent="", eligible="")
    response = client.post("/fi/osallistu/asukaspaneelit/testipaneeli/", data)
    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert not Member.objects.filter(panel=panel).exists()


def test_honeypot_and_time_trap(client, panel, areas):
    client.post(
        "/fi/osallistu/asukaspaneelit/testipaneeli/",
        join_data(areas, **{HONEYPOT_FIELD: "x"}),
    )
    client.post(
        "/fi/osallistu/asukaspaneelit/testipaneeli/",
        join_data(areas, **{TIMESTAMP_FIELD: ""}),
    )
    assert not Member.objects.filter(panel=panel).exists()


@override_settings(ACCOUNT_RATE_LIMITS={"panel_join": "1/h/ip"})
def test_captcha_after_rate_limit(client, panel, areas):
    from django.core.cache import cache

    cache.clear()
    client.post("/fi/osallistu/asukaspaneelit/testipaneeli/", join_data(areas))
    response = client.post(
        "/fi/osallistu/asukaspaneelit/testipaneeli/",
        join_data(areas, email="toinen@example.com"),
    )
    assert response.status_code == 200
    assert 'name="captcha_1"' in response.content.decode()
    assert not Member.objects.filter(email="toinen@example.com").exists()
    cache.clear()


def test_closed_recruitment_has_no_form(client, panel):
    panel.recruitment_open = False
    panel.save()
    response = client.get("/fi/osallistu/asukaspaneelit/testipaneeli/")
    assert 'name="email"' not in response.content.decode()


@pytest.mark.parametrize("token", ["nonsense", "eyJtIjoxfQ:1abc:def"])
def test_wrong_confirm_link(client, token):
    response = client.get(f"/fi/paneelit/c/{token}/")
    assert response.status_code == 404
    assert "Linkki ei toimi" in response.content.decode()


def test_expired_confirm_link(client, panel, areas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/fi/osallistu/asukaspaneelit/testipaneeli/",
            join_data(areas, language="fi"),
        )
    path = link_path(mail.outbox[-1])
    with override_settings(PANEL_CONFIRM_MAX_AGE=-1):
        response = client.get(path)
    assert response.status_code == 410
    assert Member.objects.get(panel=panel).confirmed_at is None
