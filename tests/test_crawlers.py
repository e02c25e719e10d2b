"""Crawlers and sharing (issue 19 part 7): sitemap with hreflang alternates,
robots.txt, favicon, Open Graph / Twitter meta and canonical URLs."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from tests.public_urls import LANGUAGES, public_urls

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}
# Page types of tests/public_urls.py that are not their own document for a
# search engine: filtered or personal views, forms' helpers, errors.
NOT_IN_SITEMAP = {
    "goal, filtered",
    "association map, filtered",
    "activity, print and send",
    "feedback QR landing",
    "feedback embed",
    "search",
    "search, no results",
    "log in",
    "sign up",
    "password reset",
    "not found",
    # Program views: the sitemap lists their index.
    "programs period",
    "program",
    # Forms reached from a page that the sitemap lists: the panel's join
    # form (its panel listing page is listed) and the accessibility feedback
    # form (one per unit, linked from the accessibility statement).
    "resident panel, join",
    "accessibility feedback",
}


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", NS):
        path = urlsplit(url.find("s:loc", NS).text).path
        entries[path] = {
            link.get("hreflang"): urlsplit(link.get("href")).path
            for link in url.findall("x:link", NS)
        }
    return entries


def test_sitemap_lists_every_public_page_in_both_languages_with_alternates(client):
    entries = _sitemap(client)
    rows = [row for row in public_urls() if row[0] not in NOT_IN_SITEMAP]
    assert {name for name, *_ in rows} >= {"home", "plan", "goal", "report"}
    by_name = {}
    for name, language, url, _status in rows:
        path = urlsplit(url).path
        assert path in entries, f"{name} ({language}) {path} not in the sitemap"
        by_name.setdefault(name, {})[language] = path
    for name, paths in by_name.items():
        for language in LANGUAGES:
            # Each language version names both versions as alternates.
            assert entries[paths[language]][language] == paths[language], name
            assert set(entries[paths[language]]) == set(LANGUAGES), name


def test_sitemap_alternates_pair_a_page_with_its_own_translation(client):
    from website.plan.models import GoalPage

    entries = _sitemap(client)
    goals = {
        (goal.number, goal.locale.language_code): goal.url
        for goal in GoalPage.objects.live().select_related("locale")
    }
    for (number, _language), url in goals.items():
        assert entries[url] == {"fi": goals[number, "fi"], "sv": goals[number, "sv"]}


def test_sitemap_lists_no_draft_or_private_page(client):
    from wagtail.models import Page

    entries = _sitemap(client)
    hidden = Page.objects.filter(depth__gt=1).exclude(live=True)
    for page in hidden:
        assert page.url not in entries


def test_sitemap_queries_do_not_grow_with_pages(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):  # per page type, not per page
        client.get("/sitemap.xml")


def test_robots_names_the_sitemap_and_keeps_crawlers_out_of_private_paths(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    disallowed = {line.split(": ", 1)[1] for line in lines if line.startswith("Dis")}
    assert "/admin/" in disallowed
    for language in LANGUAGES:
        with translation.override(language):
            login = reverse("account_login")
            signup_link = reverse("workshops:signup", args=["abc"])
            panel_link = reverse("panels:self_service", args=["abc"])
        for private in (login, signup_link, panel_link):
            assert any(private.startswith(prefix) for prefix in disallowed), private
    # Public pages stay crawlable.
    for _name, _language, url, _status in public_urls():
        if _name in {"log in", "sign up", "password reset"}:
            continue
        assert not any(url.startswith(prefix) for prefix in disallowed), url


def test_favicon_and_touch_icons_answer(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"
    html = client.get("/fi/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("link", rel="icon", href="/favicon.ico")
    assert soup.find("link", rel="apple-touch-icon")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "name", ["home", "plan", "goal", "measure", "report", "search", "log in"]
)
def test_open_graph_and_canonical(client, name, language):
    url = next(row[2] for row in public_urls([language]) if row[0] == name)
    soup = BeautifulSoup(client.get(url).content, "html.parser")

    def meta(prop):
        tag = soup.find("meta", property=prop) or soup.find(
            "meta", attrs={"name": prop}
        )
        return tag and tag["content"]

    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == "http://testserver" + urlsplit(url).path
    assert meta("og:url") == canonical
    assert meta("og:title")
    assert meta("og:image").startswith("http://testserver/")
    assert meta("og:locale") == f"{language}_FI"
    other = "sv" if language == "fi" else "fi"
    assert meta("og:locale:alternate") == f"{other}_FI"
    assert meta("twitter:card") == "summary"
    if name in {"home", "plan", "goal"}:
        assert meta("og:description")
