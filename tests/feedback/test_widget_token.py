"""Audit 9: the CSRF-exempt page widget and embedded form take a short-lived,
single-use token bound to their form (and the widget's to its page), and
refuse posts from other sites; the configured embedding origins still work."""

import json

import pytest
from django.test import Client, override_settings
from wagtail.models import Page

from feedback.forms import EmbedFeedbackForm, WidgetForm, widget_token
from feedback.models import Channel, Feedback
from website.core.antispam import SHORT_FORM_AGE, TIMESTAMP_FIELD, started_token

from .conftest import answers

pytestmark = pytest.mark.django_db

EMBEDDER = "https://asiointi.example.fi"


@pytest.fixture
def home():
    return Page.objects.get(locale__language_code="fi", depth=2)


def widget_post(client, page, token, text="Selkeä sivu", language="fi", **headers):
    url = {"fi": "/fi/palaute/sivu/", "sv": "/sv/respons/sida/"}[language]
    return client.post(
        url,
        {
            "helpful": "yes",
            "text": text,
            "page": page.pk,
            "next": page.url,
            TIMESTAMP_FIELD: token,
        },
        headers=headers,
    )


def embed_post(client, unit, token, text="Upotettu", **headers):
    data = answers(unit=unit.pk, text=text)
    data[TIMESTAMP_FIELD] = token
    return client.post(f"/fi/palaute/upotus/?unit={unit.slug}", data, headers=headers)


def embed_token(seconds_ago=10):
    return started_token(seconds_ago, scope=EmbedFeedbackForm.token_scope)


def test_a_replayed_widget_token_is_refused(client, home):
    token = widget_token(home.pk)
    before = Feedback.objects.count()
    assert widget_post(client, home, token).status_code == 302
    replay = widget_post(client, home, token, text="Toinen kerta")
    assert replay.status_code == 400
    html = replay.content.decode()
    # A person (a no-JavaScript visitor of a cached page) keeps the answer
    # and gets a fresh token to send it again.
    assert "Toinen kerta" in html and "lomake on vanhentunut" in html.lower()
    assert token not in html
    assert Feedback.objects.count() == before + 1


def test_an_expired_widget_token_is_refused(client, home):
    token = started_token(
        SHORT_FORM_AGE + 5, scope=WidgetForm.token_scope, binding=str(home.pk)
    )
    before = Feedback.objects.count()
    assert widget_post(client, home, token).status_code == 400
    assert Feedback.objects.count() == before


def test_a_widget_token_belongs_to_its_page_and_form(client, home):
    other = Page.objects.get(locale__language_code="sv", depth=2)
    before = Feedback.objects.count()
    assert widget_post(client, home, widget_token(other.pk)).status_code == 400
    assert widget_post(client, home, embed_token()).status_code == 400
    assert widget_post(client, home, started_token(10)).status_code == 400
    assert Feedback.objects.count() == before


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": EMBEDDER},  # embedders may frame the form, not post widgets
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
@override_settings(FEEDBACK_EMBED_ORIGINS=[EMBEDDER])
def test_widget_posts_from_other_sites_are_refused_in_the_page_language(
    client, home, headers
):
    before = Feedback.objects.count()
    response = widget_post(
        client, home, widget_token(home.pk), language="sv", **headers
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="sv">' in html and "Åtkomst nekad" in html
    assert Feedback.objects.count() == before


def test_widget_posts_from_our_own_pages_pass(client, home):
    response = widget_post(
        client,
        home,
        widget_token(home.pk),
        Origin="http://testserver",
        **{"Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 302
    assert Feedback.objects.latest("pk").channel == Channel.WIDGET


@override_settings(FEEDBACK_EMBED_ORIGINS=[EMBEDDER])
def test_embed_posts_from_an_allowed_origin_and_not_from_another(unit):
    client = Client(enforce_csrf_checks=True)
    before = Feedback.objects.count()
    # The embedded form itself (our document in their frame) and a service
    # listed in FEEDBACK_EMBED_ORIGINS may post ...
    ours = embed_post(
        client, unit, embed_token(), Origin="http://testserver",
        **{"Sec-Fetch-Site": "same-origin"},
    )  # fmt: skip
    assert ours.status_code == 302
    theirs = embed_post(
        client, unit, embed_token(), Origin=EMBEDDER, **{"Sec-Fetch-Site": "cross-site"}
    )
    assert theirs.status_code == 302
    # ... any other site may not.
    evil = embed_post(client, unit, embed_token(), Origin="https://evil.example")
    assert evil.status_code == 403
    assert Feedback.objects.count() == before + 2


def test_embed_tokens_are_single_use_and_short_lived(unit):
    client = Client(enforce_csrf_checks=True)
    token = embed_token()
    before = Feedback.objects.count()
    assert embed_post(client, unit, token).status_code == 302
    replay = embed_post(client, unit, token, text="Uudelleen")
    assert replay.status_code == 200 and "Uudelleen" in replay.content.decode()
    old = embed_post(client, unit, embed_token(SHORT_FORM_AGE + 5))
    assert old.status_code == 200
    # The widget's token is not the embed's.
    assert embed_post(client, unit, widget_token("")).status_code == 200
    assert Feedback.objects.count() == before + 1


def test_each_visitor_gets_a_fresh_widget_token(client, home):
    """What static/js/page-widget.js fetches on a page from the page cache."""
    first = client.get(f"/fi/palaute/page-token/?page={home.pk}")
    second = client.get(f"/fi/palaute/page-token/?page={home.pk}")
    assert "no-store" in first["Cache-Control"]
    tokens = [json.loads(r.content)["token"] for r in (first, second)]
    assert tokens[0] != tokens[1]
    with override_settings(SPAM_MIN_FILL_SECONDS=0):
        for token in tokens:
            assert widget_post(client, home, token).status_code == 302


def test_the_widget_asks_for_a_fresh_token(client, home):
    html = client.get(home.url).content.decode()
    assert f'data-token-url="/fi/palaute/page-token/?page={home.pk}"' in html
    assert 'src="/static/js/page-widget.js"' in html


@override_settings(CSRF_TRUSTED_ORIGINS=["https://hyvinvointi.example.fi"])
def test_the_sites_trusted_origins_count_as_our_own(client, home):
    """Behind a proxy that rewrites Host, the public origin is in
    CSRF_TRUSTED_ORIGINS, as Django's own CSRF check requires."""
    response = widget_post(
        client, home, widget_token(home.pk), Origin="https://hyvinvointi.example.fi"
    )
    assert response.status_code == 302
