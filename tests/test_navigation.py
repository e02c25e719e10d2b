"""Findable (issue 19 parts 2, 3): the main menu, breadcrumbs, the composed
home page, and the crawl: every service within three clicks of /fi/ and
/sv/, following links only."""

from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page

from tests.public_urls import LANGUAGES, public_urls
from website.core.navigation import main_menu

pytestmark = pytest.mark.django_db


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def _menu_links(soup):
    nav = soup.select_one("details.site-menu nav")
    assert nav is not None
    return {a["href"]: a for a in nav.find_all("a")}


def _live(app_label, model, language):
    return Page.objects.live().filter(
        content_type__app_label=app_label,
        content_type__model=model,
        locale__language_code=language,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_menu_lists_the_services_of_the_language_with_one_level_of_children(
    client, language
):
    links = _menu_links(_soup(client, f"/{language}/"))
    plan = _live("plan", "planpage", language).get()
    goals = _live("plan", "goalpage", language)
    for page in (
        plan,
        _live("report", "reportindexpage", language).get(),
        _live("associations", "associationmappage", language).get(),
        _live("feedback", "feedbackformpage", language).get(),
        *goals,
    ):
        assert page.url in links, page.title
        assert links[page.url].get_text(strip=True) == page.title
    # Only this language's pages; statutory pages stay in the footer.
    assert all(href.startswith(f"/{language}/") for href in links)
    statutory = Page.objects.filter(
        content_type__model="standardpage", locale__language_code=language
    )
    assert not set(links) & {page.url for page in statutory}
    # A goal is listed under its plan.
    plan_item = links[plan.url].find_parent("li")
    assert plan_item.find("a", href=goals[0].url)


def test_menu_marks_the_current_section_and_page(client):
    goal = _live("plan", "goalpage", "sv").first()
    plan = goal.get_parent()
    links = _menu_links(_soup(client, goal.url))
    assert links[plan.url]["aria-current"] == "true"
    assert links[goal.url]["aria-current"] == "page"
    report_index = _live("report", "reportindexpage", "sv").get()
    assert not links[report_index.url].has_attr("aria-current")


def test_menu_is_built_in_a_bounded_number_of_queries_and_cached():
    caches["default"].clear()
    request = RequestFactory().get("/fi/")
    request.META["HTTP_HOST"] = "localhost"
    with CaptureQueriesContext(connection) as first:
        menu = main_menu(request, "fi")
    assert menu
    assert len(first) <= 10  # site, root paths, home, top pages, children
    with CaptureQueriesContext(connection) as second:
        assert main_menu(request, "fi") == menu
    assert len(second) <= 1  # the site lookup at most; the menu is cached


def test_publishing_a_page_updates_the_cached_menu(client):
    from website.home.models import StandardPage

    plan = _live("plan", "planpage", "fi").get()
    before = _menu_links(_soup(client, "/fi/"))  # builds and caches the menu
    child = StandardPage(title="Uusi alasivu", slug="uusi-alasivu", show_in_menus=True)
    plan.add_child(instance=child)
    child.save_revision().publish()
    links = _menu_links(_soup(client, "/fi/"))
    assert child.url not in before
    assert child.url in links
    assert links[child.url].find_parent("li").find_parent("li").a["href"] == plan.url


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_links_to_log_in_and_account(client, language, staff_user):
    with translation.override(language):
        login = reverse("account_login")
        account = reverse("association_selfservice:dashboard")
    soup = _soup(client, f"/{language}/")
    assert soup.select_one(f".site-header a[href='{login}']")
    client.force_login(staff_user)
    soup = _soup(client, f"/{language}/")
    assert soup.select_one(f".site-header a[href='{account}']")
    assert not soup.select_one(f".site-header a[href='{login}']")


# Page types without the site's breadcrumbs: the home page itself, a bare
# widget for other sites, and error pages.
NO_BREADCRUMBS = {"home", "feedback embed", "not found"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_below_home_has_breadcrumbs_from_home(client, language):
    home = f"/{language}/"
    missing = []
    for name, _language, url, status in public_urls([language]):
        if name in NO_BREADCRUMBS:
            continue
        response = client.get(url)
        assert response.status_code == status, (name, url)
        soup = BeautifulSoup(response.content, "html.parser")
        trail = soup.select_one("nav.breadcrumbs ol")
        if trail is None:
            missing.append(name)
            continue
        items = trail.find_all("li", recursive=False)
        assert len(items) >= 2, name
        first = items[0].find("a")
        if first is None or first["href"] != home:
            missing.append(f"{name} (does not start at home)")
        assert items[-1].find(attrs={"aria-current": "page"}), name
    assert not missing
    soup = _soup(client, home)
    assert soup.select_one("nav.breadcrumbs") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_composed_home_page_shows_its_blocks(client, language):
    soup = _soup(client, f"/{language}/")
    main = soup.find("main")
    assert len(main.find_all("h1")) == 1
    hrefs = {a["href"] for a in main.find_all("a")}
    feedback = _live("feedback", "feedbackformpage", language).get()
    summary = _live("analytics", "participationsummarypage", language).get()
    assert {feedback.url, summary.url} <= hrefs
    # Upcoming workshops: live, in this language, in the future, soonest first.
    from participation.workshops.models import WorkshopPage

    upcoming = list(
        WorkshopPage.objects.live()
        .filter(locale__language_code=language, starts_at__gt=timezone.now())
        .order_by("starts_at")[:3]
    )
    assert upcoming
    shown = [
        a["href"] for a in main.find_all("a") if a["href"].startswith(upcoming[0].url)
    ]
    assert shown
    past = WorkshopPage.objects.filter(
        locale__language_code=language, starts_at__lt=timezone.now()
    )
    assert not hrefs & {page.url for page in past}
    # Latest news: pages under the plan and the reports, in this language.
    report = _live("report", "reportpage", language).first()
    goals = {g.url for g in _live("plan", "goalpage", language)}
    assert report.url in hrefs or hrefs & goals
    from participation.panels.models import PanelIndexPage

    index = PanelIndexPage.objects.live().get(locale__language_code=language)
    assert any(href.startswith(index.url) for href in hrefs)


def test_home_page_queries_are_bounded(client, django_assert_max_num_queries):
    caches["pages"].clear()
    client.get("/sv/")
    with django_assert_max_num_queries(40):
        client.get("/sv/", HTTP_COOKIE="sessionid=x")


# --- The crawl --------------------------------------------------------------
# Every service a resident uses, found by following links from the home page
# within MAX_CLICKS. To add a service: a row (name, function(language) ->
# the set of paths that count as reaching it).


def _page_urls(app_label, model):
    return lambda language: {p.url for p in _live(app_label, model, language)}


def _url_name(name, *args):
    def paths(language):
        with translation.override(language):
            return {reverse(name, args=args)}

    return paths


def _panel_pages(language):
    from participation.panels.models import Panel

    with translation.override(language):
        return {panel.route_url() for panel in Panel.objects.all()} - {""}


CRAWL_TARGETS = [
    ("plan", _page_urls("plan", "planpage")),
    ("a goal", _page_urls("plan", "goalpage")),
    ("report", _page_urls("report", "reportpage")),
    ("association map", _page_urls("associations", "associationmappage")),
    ("feedback form", _page_urls("feedback", "feedbackformpage")),
    (
        "participation summary",
        _page_urls("analytics", "participationsummarypage"),
    ),
    ("a workshop", _page_urls("workshops", "workshoppage")),
    ("log in", _url_name("account_login")),
    ("workshop listing", _page_urls("workshops", "workshopindexpage")),
    ("resident panels", _page_urls("panels", "panelindexpage")),
    ("a panel's join page", _panel_pages),
    ("programmes", _page_urls("programs", "programindexpage")),
    ("participate hub", _page_urls("home", "hubpage")),
]
MAX_CLICKS = 3


def _links(html, language):
    soup = BeautifulSoup(html, "html.parser")
    for a in soup.find_all("a", href=True):
        href = urldefrag(a["href"])[0]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith(f"/{language}/"):
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_service_is_reached_within_three_clicks(client, language):
    targets = {name: paths(language) for name, paths in CRAWL_TARGETS}
    assert all(targets.values()), targets
    found = {}
    start = f"/{language}/"
    seen = {start}
    queue = deque([(start, 0)])
    while queue and len(found) < len(targets):
        url, clicks = queue.popleft()
        if clicks >= MAX_CLICKS:
            continue
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get(
            "Content-Type", ""
        ):
            continue
        for link in _links(response.content, language):
            if link in seen:
                continue
            seen.add(link)
            path = urlsplit(link).path
            for name, paths in targets.items():
                if name not in found and path in paths:
                    found[name] = clicks + 1
            queue.append((link, clicks + 1))
    assert set(found) == set(targets), set(targets) - set(found)
    assert max(found.values()) <= MAX_CLICKS
