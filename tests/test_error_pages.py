"""Audit 14: Django's error pages in the request's language (fi/sv) and in
the site's layout; the 500 page without a database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, RequestFactory, override_settings
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.error_urls")]

HEADINGS = {
    400: {"fi": "Pyyntöä ei voitu käsitellä", "sv": "Begäran kunde inte behandlas"},
    403: {"fi": "Ei käyttöoikeutta", "sv": "Åtkomst nekad"},
    404: {"fi": "Sivua ei löytynyt", "sv": "Sidan hittades inte"},
    500: {"fi": "Jokin meni vikaan", "sv": "Något gick fel"},
}
PATHS = {400: "bad/", 403: "deny/", 404: "ei-ole-tallaista-sivua/", 500: "boom/"}


def assert_site_layout(html, language):
    assert f'<html lang="{language}">' in html
    assert 'class="skip-link"' in html and 'class="site-header' in html
    assert 'class="site-footer"' in html
    # Language links lead to the home pages (the failed URL has none).
    other = "sv" if language == "fi" else "fi"
    assert f'href="/{other}/" hreflang="{other}"' in html
    assert 'rel="alternate"' not in html
    assert 'id="page-widget"' not in html


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("status", [400, 403, 404, 500])
def test_error_pages_speak_the_url_language_in_the_site_layout(status, language):
    client = Client(raise_request_exception=False)
    response = client.get(f"/{language}/{PATHS[status]}")
    assert response.status_code == status
    html = response.content.decode()
    assert HEADINGS[status][language] in html
    assert_site_layout(html, language)
    assert response["Content-Language"] == language
    if status != 500:
        # With the database up, the footer lists the accessibility statement.
        statement = {"fi": "Saavutettavuusseloste", "sv": "Tillgänglighetsutlåtande"}
        assert statement[language] in html


@pytest.mark.parametrize(
    "accept,language", [("sv-FI,sv;q=0.9", "sv"), ("fi", "fi"), ("en-GB", "fi")]
)
def test_without_a_prefix_the_browser_language_else_finnish(accept, language):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 500
    assert HEADINGS[500][language] in response.content.decode()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_refused_csrf_post_page_in_the_layout(language, settings):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{language}/{'haku' if language == 'fi' else 'sok'}/")
    assert response.status_code == 403
    html = response.content.decode()
    assert {"fi": "Lomaketta ei lähetetty", "sv": "Formuläret skickades inte"}[
        language
    ] in html
    assert_site_layout(html, language)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_500_page_makes_no_query(language, django_assert_num_queries):
    from website.core.views import server_error

    request = RequestFactory().get(f"/{language}/boom/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert HEADINGS[500][language] in response.content.decode()
    translation.deactivate()


def test_the_500_page_renders_with_the_database_down():
    """A real outage: PostgreSQL unreachable, every page fails, and the
    visitor still gets the site's layout in their language."""
    script = (
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "c = Client(raise_request_exception=False)\n"
        "out = {}\n"
        "for lang in ('fi', 'sv'):\n"
        "    r = c.get(f'/{lang}/')\n"
        "    out[lang] = [r.status_code, r.content.decode()]\n"
        "print(json.dumps(out))\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        # Nothing listens on port 9: connecting fails at once.
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/yh_down",
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    pages = json.loads(result.stdout.strip().splitlines()[-1])
    assert "OperationalError" in result.stderr or "connection" in result.stderr
    for language, (status, html) in pages.items():
        assert status == 500
        assert HEADINGS[500][language] in html
        assert_site_layout(html, language)


@override_settings(ALLOWED_HOSTS=["hyvinvointi.example.fi"])
def test_a_bad_host_gets_the_400_page_not_a_500():
    """DisallowedHost is a 400; the page must not ask for the host again."""
    client = Client(raise_request_exception=False)
    response = client.get("/sv/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert HEADINGS[400]["sv"] in response.content.decode()
