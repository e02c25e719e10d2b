import re

import pytest
from wagtail.models import Page

from website.home.models import HomePage, StandardPage
from website.plan.models import Measure, MeasureStatus

pytestmark = pytest.mark.django_db

# Upper bounds of queries per uncached page view; they do not grow with the
# number of goals or measures (see test_query_count_does_not_grow_*).
# The home page is composed from blocks (issue 19): each block's chosen pages
# in the page's language, the workshops and the news are a few queries each.
MAX_QUERIES = {"home": 34, "plan": 14, "goal": 24, "measure": 18, "standard": 12}


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def hreflangs(html):
    return dict(
        re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html)
    )


def switcher_links(html):
    nav = re.search(r'<nav class="lang-switcher".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)[::1])


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_home_page(client, language, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES["home"]):
        html = get(client, f"/{language}/")
    assert f'<html lang="{language}">' in html
    plan = Page.objects.get(
        locale__language_code=language, depth=3, content_type__model="planpage"
    )
    assert plan.url in html


def test_root_redirects_to_finnish_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


def test_root_redirects_swedish_browsers_to_swedish(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9")
    assert response["Location"] == "/sv/"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_plan_page_shows_goals_with_status_counts(
    client, plan_pages, goal_pages, language, django_assert_max_num_queries
):
    plan = plan_pages[0 if language == "fi" else 1]
    with django_assert_max_num_queries(MAX_QUERIES["plan"]):
        html = get(client, plan.url)
    assert f'<html lang="{language}">' in html
    for fi_goal, sv_goal in goal_pages.values():
        goal = fi_goal if language == "fi" else sv_goal
        assert goal.title in html
        assert goal.url in html
    # Counts per status are shown with a symbol and a word, not colour alone.
    label = "Ei aloitettu" if language == "fi" else "Inte påbörjad"
    assert f'<span class="status__symbol" aria-hidden="true">○</span> {label}' in html


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_goal_page_shows_smart_form_and_measures(
    client, goal_pages, language, django_assert_max_num_queries
):
    fi_goal, sv_goal = goal_pages[1]
    goal = fi_goal if language == "fi" else sv_goal
    with django_assert_max_num_queries(MAX_QUERIES["goal"]):
        html = get(client, goal.url)
    headings = {
        "fi": ["Kehittämistarve", "Lähtötilanne", "Tavoitetila", "SMART-tavoite"],
        "sv": ["Utvecklingsbehov", "Utgångsläge", "Önskat läge", "SMART-mål"],
    }[language]
    for heading in headings:
        assert heading in html
    for measure in goal.get_measures():
        assert measure.title in html
        assert measure.locale_id == goal.locale_id
    # Baseline indicator values by municipality in the page's language.
    if goal.indicator_links.exists():
        assert ("Hyvinkää" if language == "fi" else "Hyvinge") in html


def test_goal_measures_filter_works_without_javascript(client, goal_pages):
    goal = max(
        (pair[0] for pair in goal_pages.values()),
        key=lambda g: len({m.status for m in g.get_measures()}),
    )
    measures = goal.get_measures()
    status = measures[0].status
    html = get(client, goal.url, status=status)
    table = html.split('class="data-table measures-table"')[1]
    for measure in measures:
        assert (measure.title in table) == (measure.status == status)
    assert f'<option value="{status}" selected>' in html

    responsible = measures[0].responsible.split(",")[0].strip()
    html = get(client, goal.url, responsible=responsible)
    table = html.split('class="data-table measures-table"')[1]
    for measure in measures:
        parts = [p.strip() for p in measure.responsible.split(",")]
        assert (measure.title in table) == (responsible in parts)


def test_goal_filter_ignores_unknown_values(client, goal_pages):
    goal = goal_pages[1][0]
    html = get(client, goal.url, status="<script>", responsible="x" * 500)
    for measure in goal.get_measures():
        assert measure.title in html
    assert "<script>" not in html


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_measure_page_shows_details_and_history(
    client, language, django_assert_max_num_queries
):
    measure = (
        Measure.objects.filter(locale__language_code=language, live=True)
        .exclude(status=MeasureStatus.NOT_STARTED)
        .first()
    )
    with django_assert_max_num_queries(MAX_QUERIES["measure"]):
        html = get(client, measure.get_url())
    assert measure.title in html
    assert measure.responsible in html
    history_heading = "Tilahistoria" if language == "fi" else "Statushistorik"
    assert history_heading in html
    assert "→" in html
    for goal in measure.get_goals():
        assert goal.title in html
    expected_path = "/toimenpiteet/" if language == "fi" else "/atgarder/"
    assert expected_path in measure.get_url()


def test_measure_of_another_language_is_not_served_under_this_plan(client, plan_pages):
    sv_measure = Measure.objects.filter(locale__language_code="sv").first()
    fi_plan = plan_pages[0]
    url = fi_plan.url + fi_plan.reverse_subpage(
        "measure", kwargs={"measure_id": sv_measure.pk}
    )
    assert client.get(url).status_code == 404


def test_unknown_page_is_404_in_the_right_language(client):
    response = client.get("/sv/finns-inte/")
    assert response.status_code == 404
    assert '<html lang="sv">' in response.content.decode()
    assert "Sidan hittades inte" in response.content.decode()


@pytest.mark.parametrize(
    "getter",
    [
        lambda pairs: (
            HomePage.objects.get(locale__language_code="fi"),
            HomePage.objects.get(locale__language_code="sv"),
        ),
        lambda pairs: pairs[3],
    ],
    ids=["home", "goal"],
)
def test_switcher_and_hreflang_lead_to_the_translation(client, goal_pages, getter):
    fi_page, sv_page = getter(goal_pages)
    html = get(client, fi_page.url)
    assert switcher_links(html)[sv_page.url] == "sv"
    links = hreflangs(html)
    assert links["fi"].endswith(fi_page.url)
    assert links["sv"].endswith(sv_page.url)
    assert links["x-default"].endswith(fi_page.url)
    html = get(client, sv_page.url)
    assert switcher_links(html)[fi_page.url] == "fi"


def test_switcher_on_a_measure_leads_to_the_translated_measure(client):
    fi_measure = Measure.objects.filter(locale__language_code="fi").first()
    sv_measure = fi_measure.get_translation(
        Measure.objects.filter(locale__language_code="sv").first().locale
    )
    html = get(client, fi_measure.get_url())
    assert switcher_links(html)[sv_measure.get_url()] == "sv"
    assert hreflangs(html)["sv"].endswith(sv_measure.get_url())


def test_statutory_pages_render_and_are_linked_from_every_footer(
    client, goal_pages, django_assert_max_num_queries
):
    from website.statutory.models import AccessibilityStatementPage

    # The statutory pages are their own types (website.statutory, issue 22).
    pages = Page.objects.live().filter(
        show_in_menus=True,
        content_type__app_label="statutory",
        depth=3,
    )
    assert AccessibilityStatementPage.objects.live().count() == 2
    for language in ("fi", "sv"):
        assert pages.filter(locale__language_code=language).count() >= 3
        for page in pages.filter(locale__language_code=language):
            with django_assert_max_num_queries(MAX_QUERIES["standard"]):
                html = get(client, page.url)
            assert f'<html lang="{language}">' in html
        footer = get(client, goal_pages[1][0 if language == "fi" else 1].url)
        footer = footer.split('<footer class="site-footer">')[1]
        for page in pages.filter(locale__language_code=language):
            assert f'href="{page.url}"' in footer


def test_query_count_does_not_grow_with_measures(
    client, goal_pages, django_assert_num_queries
):
    """Adding measures to a goal adds rows, not queries."""
    from tests.factories import MeasureFactory
    from website.plan.models import GoalMeasure

    goal = goal_pages[2][0]
    client.get(goal.url)  # warm caches (site root paths)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(goal.url)
    for i in range(5):
        measure = MeasureFactory()
        GoalMeasure.objects.create(page=goal, measure=measure, sort_order=100 + i)
    with CaptureQueriesContext(connection) as after:
        html = client.get(goal.url).content.decode()
    assert measure.title in html
    assert len(after) == len(before)


@pytest.mark.parametrize(("source", "target"), [("fi", "sv"), ("sv", "fi")])
def test_switcher_explains_a_missing_translation(client, source, target):
    """No 404 and no silent language change: a notice in the reader's language
    says the page exists only in the other language and links to it."""
    home = HomePage.objects.get(locale__language_code=source)
    page = StandardPage(title="Vain yhdellä kielellä", slug="vain-yksi")
    home.add_child(instance=page)
    page.save_revision().publish()

    html = get(client, page.url)
    notice_url = next(
        url for url, code in switcher_links(html).items() if code == target
    )
    assert target not in hreflangs(html)
    response = client.get(notice_url)
    assert response.status_code == 200
    notice = response.content.decode()
    assert f'<html lang="{target}">' in notice
    heading = {
        "fi": "Tämä sisältö ei ole saatavilla tällä kielellä",
        "sv": "Detta innehåll finns inte på det här språket",
    }[target]
    assert heading in notice
    assert f'href="{page.url}" lang="{source}"' in notice


def test_untranslated_notice_rejects_bad_input(client):
    assert client.get("/sv/inte-oversatt/", {"page": "x"}).status_code == 404
    assert client.get("/sv/inte-oversatt/", {"page": "999999"}).status_code == 404


def test_swapped_language_prefix_leads_to_the_translation(client, plan_pages):
    fi_plan, sv_plan = plan_pages
    response = client.get("/sv/" + fi_plan.url.split("/", 2)[2])
    assert response.status_code == 302
    assert response["Location"] == sv_plan.url


def test_swapped_prefix_of_an_untranslated_page_explains_in_swedish(client):
    home = HomePage.objects.get(locale__language_code="fi")
    page = StandardPage(title="Vain suomeksi", slug="vain-suomeksi")
    home.add_child(instance=page)
    page.save_revision().publish()
    response = client.get("/sv/vain-suomeksi/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "Detta innehåll finns inte på det här språket" in html
    assert f'href="{page.url}" lang="fi"' in html
