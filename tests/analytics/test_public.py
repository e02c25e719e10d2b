"""The public participation summary and the goal pages' participation
section: aggregates only, small groups suppressed, both languages."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from participation.analytics.models import ParticipationSummaryPage, TextTheme
from website.plan.models import GoalPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    "language,heading", [("fi", "Osallisuus lukuina"), ("sv", "Delaktighet i siffror")]
)
def test_summary_page_in_both_languages(
    client, language, heading, django_assert_max_num_queries
):
    page = ParticipationSummaryPage.objects.get(locale__language_code=language)
    # Feedback (about 12), workshops (5) and per panel about 9 (the demo has
    # one); the page's figures are cached for ten minutes.
    with django_assert_max_num_queries(44):
        response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in html
    assert "NPS" in html
    # Aggregates only: no free text from the demo answers.
    assert "@example.invalid" not in html


@override_settings(PARTICIPATION_MIN_GROUP_SIZE=100_000)
def test_small_groups_are_suppressed(client):
    page = ParticipationSummaryPage.objects.get(locale__language_code="fi")
    html = client.get(page.url).content.decode()
    assert '<p class="big-figure">' not in html
    assert "pisteytettyä vastausta: lukua ei näytetä" in html
    assert "liian vähän" in html


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_goal_page_shows_feedback_themes_of_the_goal(client, language):
    theme = TextTheme.objects.get(slug="care")
    goal_fi = theme.goals.first()
    assert goal_fi is not None, "the demo links the care theme to a goal"
    goal = GoalPage.objects.get(
        translation_key=goal_fi.translation_key, locale__language_code=language
    )
    html = client.get(goal.url).content.decode()
    assert 'id="participation-heading"' in html
    name = theme.name_sv if language == "sv" else theme.name_fi
    assert name in html


def test_workshops_in_the_dashboard_figures_and_goal_pages(client):
    import datetime

    from participation.analytics import queries
    from participation.analytics.views import build

    # The demo's past workshop: 30 January 2020, 130 participants 60/25/15 %.
    figures = build(
        queries.Filters(datetime.date(2020, 1, 1), datetime.date(2020, 1, 31))
    )
    workshops, panels, goals = figures["extra_sections"]
    by_goal = {row["goal"].number: row for row in goals["data"]["rows"]}
    assert by_goal[2]["workshop_participants"] == 130  # the workshop's goals: 2, 5
    assert by_goal[1]["workshop_participants"] == 0
    (panel,) = panels["data"]["panels"]
    assert panel["members"] == 60
    assert all(abs(row["deviation"]) <= 5 for row in panel["composition"])
    assert sum(row["count"] for row in panel["composition"]) == 2 * 60
    data = workshops["data"]["figures"]
    assert data["participants"] == 130
    assert [round(r["percent"]) for r in data["by_organisation_type"]] == [60, 25, 15]
    goal = GoalPage.objects.get(number=2, locale__language_code="sv")
    html = client.get(goal.url).content.decode()
    assert "Workshoppar om det här målet" in html
    assert "130 deltagare" in html


@pytest.mark.parametrize(
    "language,heading,responses,rate",
    [
        ("fi", "asukaspaneelin kyselykierrokset", "vastausta", "vastausprosentti"),
        ("sv", "Invånarpanelens enkätomgångar", "svar", "svarsfrekvens"),
    ],
)
def test_panel_rounds_on_goal_pages_and_in_the_dashboard(
    client, language, heading, responses, rate
):
    from participation.analytics import queries
    from participation.analytics.views import build
    from participation.panels.models import Response, Round

    # The demo's closed round asks about goal 1 (see panels.demo).
    round_ = Round.objects.get(status=Round.Status.CLOSED, goals__number=1)
    n = Response.objects.filter(round=round_).count()
    invited = round_.invited_counts["total"]
    assert n >= 5
    goal = GoalPage.objects.get(number=1, locale__language_code=language)
    html = client.get(goal.url).content.decode()
    assert heading in html
    assert f"{n} {responses}" in html
    assert f"{rate} {round(100 * n / invited)} %" in html

    figures = build(queries.Filters.last_months(12))
    goals = figures["extra_sections"][2]
    by_goal = {row["goal"].number: row for row in goals["data"]["rows"]}
    assert by_goal[1]["panel_responses"] == n
    assert by_goal[2]["panel_responses"] == 0
    # Every breakdown has its chart beside its table.
    assert goals["data"]["chart"].startswith("data:image/svg+xml;base64,")
    for key in ("channel_chart", "theme_chart", "monthly_chart"):
        assert figures[key].startswith("data:image/svg+xml;base64,"), key


def test_goal_rounds_are_suppressed_below_the_minimum(client):
    from participation.panels.models import Round

    round_ = Round.objects.get(status=Round.Status.CLOSED, goals__number=1)
    goal = GoalPage.objects.get(number=1, locale__language_code="fi")
    with override_settings(PARTICIPATION_MIN_GROUP_SIZE=100_000):
        html = client.get(goal.url).content.decode()
    assert round_.title_fi in html
    assert "vastausprosentti" not in html


def _small_groups():
    """Every demo answer moved out of the period, then small groups: 22
    answers, 3 of them by phone; 2 detractors; 2 written about care (one
    negative) and 2 handled."""
    import datetime

    from django.db.models import F
    from django.utils import timezone

    from feedback.models import Feedback, ServiceUnit
    from participation.analytics import summary

    Feedback.objects.update(created_at=F("created_at") - datetime.timedelta(days=1200))
    unit = ServiceUnit.objects.filter(level=ServiceUnit.Level.UNIT).first()
    now = timezone.now() - datetime.timedelta(days=3)
    plan = [("web", 9, "")] * 10 + [("web", 7, "")] * 2 + [("qr", 10, "")] * 5
    plan += [("phone", 3, "Lääkäri oli töykeä ja hoito huono.")]
    plan += [("phone", 9, "Hyvä hoito, kiitos lääkärille.")]
    plan += [("phone", 5, "")] + [("widget", 8, "")] * 2
    for i, (channel, score, text) in enumerate(plan):
        Feedback.objects.create(
            channel=channel, unit=unit, nps=score, text=text, language="fi",
            created_at=now, status="closed" if i < 2 else "new",
            closed_at=now if i < 2 else None,
        )  # fmt: skip
    summary.rebuild()


def _people_counts(html):
    """Every whole number the page states as a count of people."""
    import re

    main = html[html.index("<main") :]
    cells = re.findall(r"<t[dh][^>]*>\s*(\d+)\s*</t[dh]>", main)
    facts = re.findall(r"<dd>\s*(\d+)\s*</dd>", main)
    phrases = re.findall(
        r"(\d+) (?:vastaus|svar|osallistuja|deltagare|pisteytettyä|answers)", main
    )
    return [int(n) for n in cells + facts + phrases]


@pytest.mark.parametrize("language,fewer", [("fi", "alle 5"), ("sv", "färre än 5")])
def test_no_small_group_on_the_public_pages(client, language, fewer):
    """Audit finding 7: with small groups in the period, neither the summary
    page nor a goal page states a count of 1–4 people, and the suppressed
    cells say so in words."""
    _small_groups()
    page = ParticipationSummaryPage.objects.get(locale__language_code=language)
    html = client.get(page.url).content.decode()
    counts = _people_counts(html)
    assert 22 in counts  # the total is published
    assert [n for n in counts if 0 < n < 5] == []
    assert f'<td class="num">{fewer}</td>' in html  # the 3 by phone
    theme = TextTheme.objects.get(slug="care")
    goal = GoalPage.objects.get(
        translation_key=theme.goals.first().translation_key,
        locale__language_code=language,
    )
    html = client.get(goal.url).content.decode()
    assert [n for n in _people_counts(html) if 0 < n < 5] == []
    assert f'<td class="num">{fewer}</td>' in html  # 2 about care
