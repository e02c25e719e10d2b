"""Hostile input on every public form and endpoint (hypothesis): overlong
strings, control characters, markup, wrong types, huge numbers, repeated
keys, missing CSRF token. Never a server error, an answer in the page's
language, and nothing stored from an invalid post.

Both tables are meant to grow: add a GET endpoint to `GET_ENDPOINTS`
(name -> (url resolver, query parameters)) and a form to `POST_FORMS`
(name -> PostForm)."""

from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = [
    pytest.mark.django_db,
    # Cache keys from hostile queries must stay valid (the open data hashes
    # the query string): a CacheKeyWarning fails the test.
    pytest.mark.filterwarnings("error::django.core.cache.CacheKeyWarning"),
]

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    derandomize=True,
)

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x1b[31m\x07\x08",
    "\r\n\t",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "%00",
    "../../../etc/passwd",
    '=HYPERLINK("http://x")',
    "-1",
    "0",
    "1e309",
    "NaN",
    "9" * 400,
    "-" + "9" * 40,
    "ä" * 5000,
    "x" * 100_000,
    "\u202e\u200b\ufeff",
    "𝕐𝕙𝕕𝕖𝕤𝕤𝕒̈",
]
# Any Unicode text except lone surrogates (which cannot be sent as UTF-8).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
VALUE = st.one_of(st.sampled_from(HOSTILE), TEXT)
# Repeated keys (?a=1&a=2) where a view expects one value.
VALUES = st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3))


def _map(language):
    from website.associations.models import AssociationMapPage

    return AssociationMapPage.objects.live().get(locale__language_code=language)


def _goal(language):
    from website.plan.models import GoalPage

    return GoalPage.objects.live().filter(locale__language_code=language)[0].url


def _programs_url(language):
    from website.programs.models import route_url

    return route_url("index", language=language)


def _workshop_listing(language):
    from tests.public_urls import PAGE_TYPES

    return PAGE_TYPES["workshop listing"][0](language)


MAP_FILTERS = ["q", "municipality", "theme", "target_group", "language", "sivu"]

GET_ENDPOINTS = {
    "search": (lambda lang: reverse("search"), ["q", "page"]),
    "association map": (lambda lang: _map(lang).url, MAP_FILTERS + ["sida"]),
    "association GeoJSON": (lambda lang: _map(lang).route_url("geojson"), MAP_FILTERS),
    "association CSV": (lambda lang: _map(lang).route_url("csv"), MAP_FILTERS),
    "goal filter": (_goal, ["status"]),
    "untranslated notice": (lambda lang: reverse("untranslated_notice"), ["page"]),
    "programs": (_programs_url, ["page"]),
    "workshop listing": (
        _workshop_listing,
        ["municipality", "theme", "start", "end", "page"],
    ),
    "API measures": (
        lambda lang: "/api/v1/measures/",
        ["lang", "page", "page_size", "status", "goal", "responsible"],
    ),
    "API indicators": (
        lambda lang: "/api/v1/indicators/",
        ["lang", "page", "area", "gender", "year_from", "year_to", "code"],
    ),
    "API associations": (
        lambda lang: "/api/v1/associations/",
        ["lang", "page_size", *MAP_FILTERS],
    ),
}


@dataclass
class PostForm:
    url: object  # language -> url
    fields: list
    # Querysets that an invalid post must leave unchanged.
    unchanged: list = field(default_factory=list)
    # Responses that mean "accepted" (the data was valid after all).
    accepted: tuple = (302,)
    # False for an endpoint that is CSRF-exempt by design (and defended by
    # the honeypot, time trap and rate limit instead).
    csrf: bool = True


def _users():
    return get_user_model().objects.all()


SPAM_FIELDS = ["homepage", "form_started", "captcha_0", "captcha_1"]


def _feedback():
    from feedback.models import Feedback

    return Feedback.objects.all()


def _signups():
    from participation.workshops.models import SignUp

    return SignUp.objects.all()


def _members():
    from participation.panels.models import Member

    return Member.objects.all()


def _feedback_page(language):
    from tests.public_urls import PAGE_TYPES

    return PAGE_TYPES["feedback form"][0](language)


def _workshop(language):
    from tests.public_urls import PAGE_TYPES

    return PAGE_TYPES["workshop, upcoming"][0](language)


def _panel(language):
    from tests.public_urls import PAGE_TYPES

    return PAGE_TYPES["resident panel, join"][0](language)


POST_FORMS = {
    "sign up": PostForm(
        lambda lang: reverse("account_signup"),
        ["email", "password1", "password2"],
        [_users],
    ),
    "log in": PostForm(
        lambda lang: reverse("account_login"), ["login", "password", "remember"]
    ),
    "password reset": PostForm(
        lambda lang: reverse("account_reset_password"), ["email"]
    ),
    "feedback form": PostForm(
        lambda lang: _feedback_page(lang),
        ["unit", "nps", "text", "wants_reply", "contact_email", *SPAM_FIELDS],
        [_feedback],
    ),
    "accessibility feedback": PostForm(
        lambda lang: reverse("feedback:contact", args=["saavutettavuus"]),
        ["text", "wants_reply", "contact_email", *SPAM_FIELDS],
        [_feedback],
    ),
    "feedback widget": PostForm(
        lambda lang: reverse("feedback:widget"),
        ["helpful", "text", "page", "next", *SPAM_FIELDS],
        [_feedback],
        csrf=False,
    ),
    "workshop sign-up": PostForm(
        lambda lang: _workshop(lang),
        [
            "organisation_type",
            "organisation_name",
            "name",
            "email",
            "attendees",
            "municipality",
            "consent",
            *SPAM_FIELDS,
        ],  # fmt: skip
        [_signups],
    ),
    "panel join": PostForm(
        lambda lang: _panel(lang),
        [
            "email",
            "name",
            "municipality",
            "age_group",
            "language",
            "eligible",
            "consent",
            *SPAM_FIELDS,
        ],  # fmt: skip
        [_members],
    ),
}


def resolve(resolver, language):
    with translation.override(language):
        return resolver(language)


def assert_answer(response, language, url):
    assert response.status_code < 500, (url, response.status_code)
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html") and response.status_code != 302:
        html = response.content.decode()
        assert f'<html lang="{language}">' in html, (url, html[:300])


def params_for(names):
    return st.dictionaries(
        st.one_of(st.sampled_from(names), TEXT.filter(bool)), VALUES, max_size=5
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("endpoint", sorted(GET_ENDPOINTS))
def test_hostile_query_strings_never_break_an_endpoint(client, endpoint, language):
    resolver, names = GET_ENDPOINTS[endpoint]
    url = resolve(resolver, language)

    @FUZZ
    @given(params=params_for(names))
    def check(params):
        assert_answer(client.get(url, params), language, url)

    check()


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("form", sorted(POST_FORMS))
def test_hostile_posts_store_nothing_and_answer_in_the_language(client, form, language):
    spec = POST_FORMS[form]
    url = resolve(spec.url, language)

    @FUZZ
    @given(data=params_for(spec.fields))
    def check(data):
        # allauth's own rate limits (login, signup…) stay on in the tests;
        # a fresh cache per example keeps the forms' validation under test.
        cache.clear()
        before = [list(qs().values_list("pk", flat=True)) for qs in spec.unchanged]
        mail.outbox.clear()
        response = client.post(url, data)
        assert_answer(response, language, url)
        if response.status_code not in spec.accepted:
            after = [list(qs().values_list("pk", flat=True)) for qs in spec.unchanged]
            assert after == before, (form, data)
            assert not mail.outbox, (form, data)

    check()


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("form", sorted(POST_FORMS))
def test_posts_without_a_csrf_token_are_refused_in_the_language(form, language):
    spec = POST_FORMS[form]
    if not spec.csrf:
        pytest.skip("CSRF-exempt by design (see feedback/views.py)")
    url = resolve(spec.url, language)
    client = Client(enforce_csrf_checks=True)
    cache.clear()
    before = [qs().count() for qs in [_users, *spec.unchanged]]
    response = client.post(
        url,
        {
            "email": "uusi@example.com",
            "login": "uusi@example.com",
            "password": "Pitka-salasana-2024",
            "password1": "Pitka-salasana-2024",
            "password2": "Pitka-salasana-2024",
        },
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    expected = {"fi": "Lomaketta ei lähetetty", "sv": "Formuläret skickades inte"}
    assert expected[language] in html
    assert [qs().count() for qs in [_users, *spec.unchanged]] == before
    assert not mail.outbox


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_rate_limited_posts_are_refused_in_the_language(client, settings, language):
    cache.clear()
    settings.ACCOUNT_RATE_LIMITS = {"login": "1/m/ip"}
    url = resolve(POST_FORMS["log in"].url, language)
    client.post(url, {"login": "a@example.com", "password": "x"})
    response = client.post(url, {"login": "a@example.com", "password": "x"})
    assert response.status_code == 429
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert {"fi": "Liian monta yritystä", "sv": "För många försök"}[language] in html
