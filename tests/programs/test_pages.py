import re

import pytest
from django.utils import translation

from website.programs.models import (
    LEVEL_SYMBOLS,
    Program,
    ProgramIndexPage,
    ProgramStatusCard,
    ReportingPeriod,
    StatusLevel,
    route_url,
)

pytestmark = pytest.mark.django_db

# Upper bounds of queries per page view; they do not grow with the number of
# programs or periods (see test_period_page_queries_do_not_grow). The pages
# are routes of the program page: Wagtail's routing (site, the page by its
# path, view restrictions) and the language switcher's translations add a
# fixed number.
MAX_QUERIES = {"index": 17, "period": 22, "program": 20}  # + main menu


def url(language, name, **kwargs):
    """A route of the program page (ProgramIndexPage) in that language."""
    return route_url(name, *kwargs.values(), language=language)


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def level_html(language, level):
    with translation.override(language):
        label = str(StatusLevel(level).label)
    symbol = LEVEL_SYMBOLS[level]
    return (
        f'<span class="program-level__symbol" aria-hidden="true">{symbol}</span> '
        f"{label}"
    )


def switcher_links(html):
    nav = re.search(r'<nav class="lang-switcher".*?</nav>', html, re.S).group(0)
    return {
        lang: href
        for href, lang in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)
    }


def demo_programs(language):
    return list(
        Program.objects.filter(locale__language_code=language).order_by("sort_order")
    )


def other(language):
    return "sv" if language == "fi" else "fi"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_period_page_shows_all_programs_in_the_active_language(
    client, language, django_assert_max_num_queries
):
    with django_assert_max_num_queries(MAX_QUERIES["period"]):
        html = get(client, url(language, "period", year=2024, half=2))
    assert f'<html lang="{language}">' in html
    for program in demo_programs(language):
        assert program.name in html
    for program in demo_programs(other(language)):
        assert program.name not in html
    cards = ProgramStatusCard.objects.filter(
        locale__language_code=language, period__year=2024, period__half=2
    )
    for card in cards:
        for field in ("overall", "schedule", "risks", "resources"):
            assert level_html(language, getattr(card, field)) in html
    assert "<caption>" in html
    assert 'scope="row"' in html
    # The other language's section texts are not shown.
    other_card = ProgramStatusCard.objects.filter(
        locale__language_code=other(language), period__year=2024, period__half=2
    ).first()
    assert re.sub(r"<[^>]+>", "", other_card.past_successes)[:40] not in html
    # The switcher leads to the same period in the other language.
    assert switcher_links(html)[other(language)] == url(
        other(language), "period", year=2024, half=2
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_program_page_shows_history_newest_first(
    client, language, django_assert_max_num_queries
):
    program = demo_programs(language)[1]
    with django_assert_max_num_queries(MAX_QUERIES["program"]):
        html = get(client, url(language, "program", pk=program.pk))
    assert f"<h1>{program.name}</h1>" in html
    with translation.override(language):
        first = ReportingPeriod.objects.get(year=2024, half=1).label
        second = ReportingPeriod.objects.get(year=2024, half=2).label
    assert html.index(second) < html.index(first)
    assert level_html(language, StatusLevel.CRITICAL) in html
    assert level_html(language, StatusLevel.ON_TRACK) in html
    assert "Demo: Liisa Esimerkki" in html
    translated = Program.objects.get(
        translation_key=program.translation_key,
        locale__language_code=other(language),
    )
    assert translated.name not in html
    assert switcher_links(html)[other(language)] == url(
        other(language), "program", pk=translated.pk
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_index_lists_periods_and_programs(
    client, language, django_assert_max_num_queries
):
    with django_assert_max_num_queries(MAX_QUERIES["index"]):
        html = get(client, url(language, "index"))
    assert url(language, "period", year=2024, half=1) in html
    for program in demo_programs(language):
        assert url(language, "program", pk=program.pk) in html


def test_program_url_in_the_wrong_language_goes_to_the_translation(client):
    fi_program = demo_programs("fi")[0]
    sv_program = demo_programs("sv")[0]
    response = client.get(url("sv", "program", pk=fi_program.pk))
    assert response.status_code == 302
    assert response["Location"] == url("sv", "program", pk=sv_program.pk)


def test_untranslated_program_gets_an_honest_notice(
    client, make_program, make_card, period
):
    program = make_program(name="Vain suomeksi")
    make_card(program, period)
    fi_html = get(client, url("fi", "program", pk=program.pk))
    notice_url = url("sv", "program", pk=program.pk)
    assert switcher_links(fi_html)["sv"] == notice_url
    assert 'hreflang="sv"' not in fi_html.split("</head>")[0]
    sv_html = get(client, notice_url)
    assert '<html lang="sv">' in sv_html
    assert 'lang="fi" hreflang="fi">Vain suomeksi</a>' in sv_html
    # The Finnish card is named on the Swedish period page, not shown.
    period_html = get(client, url("sv", "period", year=period.year, half=period.half))
    assert "Vain suomeksi" in period_html
    assert "Onnistuimme" not in period_html
    assert 'class="program-notice"' in period_html


def test_drafts_and_unknown_periods_are_not_shown(
    client, make_program, make_card, period
):
    make_card(make_program(name="Luonnosohjelma"), period, publish=False)
    html = get(client, url("fi", "period", year=period.year, half=period.half))
    assert "Luonnosohjelma" not in html
    assert client.get(url("fi", "period", year=1999, half=1)).status_code == 404
    draft_program = make_program(name="Julkaisematon", publish=False)
    response = client.get(url("fi", "program", pk=draft_program.pk))
    assert response.status_code == 404


def test_period_page_queries_do_not_grow(
    client, make_program, make_card, period, django_assert_max_num_queries
):
    for i in range(12):
        make_card(make_program(name=f"Ohjelma {i}", sort_order=i), period)
    with django_assert_max_num_queries(MAX_QUERIES["period"]):
        html = get(client, url("fi", "period", year=period.year, half=period.half))
    assert html.count('scope="row"') == 12
    program = Program.objects.get(name="Ohjelma 0")
    for year in (2031, 2032, 2033):
        make_card(program, ReportingPeriod.objects.create(year=year, half=1))
    with django_assert_max_num_queries(MAX_QUERIES["program"]):
        get(client, url("fi", "program", pk=program.pk))


@pytest.mark.parametrize(
    ("language", "address"), [("fi", "/fi/ohjelmat/"), ("sv", "/sv/program/")]
)
def test_program_page_is_in_the_tree_at_the_old_address(client, language, address):
    page = ProgramIndexPage.objects.live().get(locale__language_code=language)
    assert page.show_in_menus
    assert page.get_parent().depth == 2  # directly under the home page
    assert page.url == address
    assert url(language, "index") == address
    assert url(language, "period", year=2024, half=2) == f"{address}2024-2/"
    get(client, address)
