import pytest
from django.urls import reverse
from django.utils import translation

from website.search.evaluation import EVALUATION_SET, evaluate_all, load

pytestmark = pytest.mark.django_db

SEARCH = {"fi": "/fi/haku/", "sv": "/sv/sok/"}


def html(client, language, query):
    response = client.get(SEARCH[language], {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "query", "goal", "section"),
    [
        ("fi", "mielenterveyspalveluihin", 6, "hyvinvointisuunnitelma"),
        ("sv", "mentalvårdstjänsterna", 6, "välfärdsplan"),
    ],
)
def test_results_have_type_section_and_highlighted_excerpt(
    client, goal_pages, language, query, goal, section
):
    page = html(client, language, query)
    fi_goal, sv_goal = goal_pages[goal]
    target = fi_goal if language == "fi" else sv_goal
    assert target.url in page
    with translation.override(language):
        kind = str(type(target)._meta.verbose_name)
    assert kind.capitalize() in page
    assert 'class="search-result-section"' in page
    assert section in page.lower()
    assert "<mark>" in page


def test_measure_section_names_the_plan_and_goal(client):
    page = html(client, "fi", "Zoturin käyttöönotto")
    assert "Mielenterveysongelmien määrä vähenee" in page
    assert " › " in page


@pytest.mark.parametrize(
    ("language", "typo", "correction", "label"),
    [
        ("fi", "yksinäisyyedn", "yksinäisyyden", "Tarkoititko"),
        ("sv", "ensamhten", "ensamheten", "Menade du"),
    ],
)
def test_typo_is_corrected_from_the_indexed_vocabulary(
    client, goal_pages, language, typo, correction, label
):
    page = html(client, language, typo)
    assert label in page
    assert f">{correction}</a>" in page
    target = goal_pages[4][0 if language == "fi" else 1]
    assert target.url in page


@pytest.mark.parametrize(
    ("language", "tips"), [("fi", "Hakuvinkkejä"), ("sv", "Söktips")]
)
def test_no_results_page_helps_with_the_main_sections(
    client, plan_pages, language, tips
):
    page = html(client, language, "qwxzqwxz")
    assert tips in page
    assert 'class="search-sections"' in page
    plan = plan_pages[0 if language == "fi" else 1]
    assert f'href="{plan.url}"' in page


def test_search_page_query_count_is_bounded(client, django_assert_max_num_queries):
    client.get(SEARCH["fi"], {"q": "liikunta"})  # warm the caches
    with django_assert_max_num_queries(40):
        client.get(SEARCH["fi"], {"q": "liikunta hyvinvointi"})
    with django_assert_max_num_queries(40):
        client.get(SEARCH["sv"], {"q": "qwxzqwxz"})


def test_evaluation_set_is_large_enough_and_names_pages_robustly():
    cases = load()
    assert len(cases["fi"]) >= 40 and len(cases["sv"]) >= 20
    for language_cases in cases.values():
        for case in language_cases:
            assert case["expect"]
            for name in case["expect"]:
                assert name.split(":")[0] in {"goal", "measure", "page", "association"}


def test_precision_at_3_is_at_least_0_9_in_both_languages():
    scores = evaluate_all(EVALUATION_SET)
    for score in scores:
        print(
            f"search precision@3 {score.language}: {score.precision:.3f} "
            f"({score.hits}/{score.queries}); misses: {score.misses}"
        )
    assert {score.language for score in scores} == {"fi", "sv"}
    for score in scores:
        assert score.precision >= 0.9, score.misses


def test_evaluate_search_command_prints_precision_per_language():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("evaluate_search", stdout=out)
    lines = out.getvalue().splitlines()
    assert any(line.startswith("fi: precision@3 ") for line in lines)
    assert any(line.startswith("sv: precision@3 ") for line in lines)
    assert reverse("search")
