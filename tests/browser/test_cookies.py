"""No cookie banner is needed: an anonymous visitor of any public page type
(tests/public_urls.py), in Finnish and Swedish, gets only strictly necessary
cookies — the CSRF cookie where a page has a form that needs it, nothing
else — and every cookie the site sets is on the cookie page's list
(website/core/cookies.py). Signing in adds the session cookie."""

import pytest

from tests.public_urls import public_urls
from website.core import cookies

pytestmark = pytest.mark.browser

CSRF_FORM = "form[method=post] input[name=csrfmiddlewaretoken]"


def allowed_for(page):
    """The exact set an anonymous visit of this page may set."""
    return {"csrftoken"} if page.locator(CSRF_FORM).count() else set()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_anonymous_visits_set_only_strictly_necessary_cookies(
    demo_server, browser, language
):
    context = browser.new_context(locale=f"{language}-FI")
    page = context.new_page()
    unexpected = []
    with_csrf = without = 0
    try:
        for name, _lang, url, status in public_urls([language]):
            context.clear_cookies()
            response = page.goto(demo_server.url + url)
            assert response.status == status, (name, url)
            page.wait_for_load_state("networkidle")
            set_ = {cookie["name"] for cookie in context.cookies()}
            allowed = allowed_for(page)
            if set_ != allowed:
                unexpected.append(f"{name} {url}: {sorted(set_)} != {sorted(allowed)}")
            with_csrf += bool(allowed)
            without += not allowed
    finally:
        context.close()
    assert unexpected == []
    # Both kinds of page were seen: reading pages set nothing, forms csrftoken.
    assert with_csrf and without
    assert {"csrftoken"} <= cookies.names()


def test_signing_in_adds_only_listed_cookies(demo_server, browser):
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from django.utils import translation

    get_user_model().objects.create_user(
        username="asukas@example.org",
        email="asukas@example.org",
        password="pw-1-kokeilu",
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        email="asukas@example.org",
        user=get_user_model().objects.get(username="asukas@example.org"),
        verified=True,
        primary=True,
    )
    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    try:
        with translation.override("fi"):
            login = reverse("account_login")
        page.goto(demo_server.url + login)
        assert {c["name"] for c in context.cookies()} == {"csrftoken"}
        page.fill("input[name=login]", "asukas@example.org")
        page.fill("input[name=password]", "pw-1-kokeilu")
        page.locator("form:has(input[name=login]) button[type=submit]").click()
        page.wait_for_load_state("networkidle")
        names = {c["name"] for c in context.cookies()}
    finally:
        context.close()
    assert "sessionid" in names
    assert names <= cookies.names()
