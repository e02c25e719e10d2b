import os

import pytest
from django.db import connection

from website.search.analysis import analyze_text, build_query, voikko_available
from website.search.backends import build_search_backends, stem_text

pytestmark = pytest.mark.django_db

requires_voikko = pytest.mark.skipif(
    not voikko_available() and not os.environ.get("CI"),
    reason="Voikko is not installed (apt-get install libvoikko1 voikko-fi; "
    "make test does it)",
)


def results(client, language, query):
    response = client.get(
        f"/{language}/{'haku' if language == 'fi' else 'sok'}/", {"q": query}
    )
    assert response.status_code == 200
    # The results, not the site's menu (which links every goal).
    return response.content.decode().split("<main", 1)[1]


@requires_voikko
def test_finnish_query_with_inflection_finds_finnish_goal(client, goal_pages):
    fi_goal, sv_goal = goal_pages[2]  # "Liikunta lisääntyy …"
    html = results(client, "fi", "liikuntaa")
    assert fi_goal.url in html
    assert sv_goal.url not in html


def test_swedish_query_with_inflection_finds_swedish_goal(client, goal_pages):
    fi_goal, sv_goal = goal_pages[4]  # loneliness: "ensamhet"
    html = results(client, "sv", "ensamheten")
    assert sv_goal.url in html
    assert fi_goal.url not in html


def test_finnish_words_do_not_match_on_the_swedish_side(client, goal_pages):
    html = results(client, "sv", "yksinäisyys")
    assert goal_pages[4][1].url not in html
    assert goal_pages[4][0].url not in html


def test_measures_are_found_in_their_own_language(client):
    from website.plan.models import Measure

    measure = Measure.objects.filter(locale__language_code="sv").order_by("pk").first()
    word = max(measure.title.split(), key=len).strip(",.()")
    html = results(client, "sv", word)
    assert measure.get_url() in html


def test_empty_and_overlong_queries_are_harmless(client):
    assert "search-results" not in results(client, "fi", "")
    results(client, "fi", "ä" * 5000)


def test_search_result_count_is_in_the_page_language(client):
    assert "tulos" in results(client, "fi", "liikunta")
    assert "resultat" in results(client, "sv", "motion")


def test_newly_published_page_is_indexed_only_in_its_language(client, goal_pages):
    fi_goal, sv_goal = goal_pages[1]
    fi_goal.summary = "Kuntosalikokeilu ikääntyneille"
    fi_goal.save_revision().publish()
    assert fi_goal.url in results(client, "fi", "kuntosalikokeilun")
    assert fi_goal.url not in results(client, "sv", "kuntosalikokeilu")


def test_update_index_command_rebuilds_per_language(client, goal_pages):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    assert goal_pages[2][0].url in results(client, "fi", "liikuntaa")
    assert goal_pages[4][1].url in results(client, "sv", "ensamheten")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgres_uses_the_language_configurations():
    from modelsearch.backends import get_search_backend

    assert get_search_backend("default").config == "finnish"
    assert get_search_backend("sv").config == "swedish"


def test_snowball_stemming_as_postgres_does_it():
    assert stem_text("liikunnan", "fi") == stem_text("liikunta", "fi") == "liikun"
    assert stem_text("ensamheten", "sv") == stem_text("ensamhet", "sv") == "ensam"
    # Snowball alone splits these forms; Voikko's lemmas fix it (below).
    assert stem_text("liikuntaa", "fi") != stem_text("liikunta", "fi")


@requires_voikko
def test_voikko_lemmatises_inflections_and_compounds():
    assert analyze_text("liikuntaa", "fi") == analyze_text("liikunta", "fi")
    assert analyze_text("asukasraadeissa", "fi").split() == [
        "asukasraati",
        "asukas",
        "raati",
    ]
    assert "alue" in analyze_text("hyvinvointialueella", "fi").split()
    # Swedish goes through simplemma's base forms.
    assert analyze_text("Ensamheten", "sv") == "ensamhet"


@requires_voikko
def test_compound_part_finds_the_compound(client, goal_pages):
    fi_goal = goal_pages[6][0]  # mental health: "mielenterveysongelmien"
    html = results(client, "fi", "ongelmat")
    assert fi_goal.url in html


def test_query_builder_limits_words_and_ignores_punctuation():
    assert build_query("", "fi") is None
    assert build_query("  !!  ", "sv") is None
    query = build_query(" ".join(["sana"] * 50), "sv")
    assert query.query_string.split() == ["sana"] * 12


def test_elasticsearch_configuration_has_one_index_per_language():
    backends = build_search_backends("http://127.0.0.1:9200")
    fi, sv = backends["default"], backends["sv"]
    assert fi["BACKEND"] == sv["BACKEND"] == "modelsearch.backends.elasticsearch8"
    assert fi["INDEX_PREFIX"] != sv["INDEX_PREFIX"]
    analyzer = lambda b: b["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]  # noqa: E731
    assert analyzer(fi)["default"]["type"] == "finnish"
    assert analyzer(sv)["default"]["type"] == "swedish"
    assert not fi["AUTO_UPDATE"] and not sv["AUTO_UPDATE"]


@pytest.mark.elasticsearch
@pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="needs a live Elasticsearch 8: set ELASTICSEARCH_URL "
    "(none runs on this machine)",
)
def test_live_elasticsearch_stems_finnish_and_swedish(settings, goal_pages):
    from modelsearch.backends import get_search_backend

    from website.plan.models import GoalPage
    from website.search.indexing import rebuild

    settings.WAGTAILSEARCH_BACKENDS = build_search_backends(
        os.environ["ELASTICSEARCH_URL"]
    )
    rebuild()
    fi = GoalPage.objects.live().filter(locale__language_code="fi")
    sv = GoalPage.objects.live().filter(locale__language_code="sv")
    assert goal_pages[2][0] in list(fi.search("liikuntaa", backend="default"))
    assert goal_pages[4][1] in list(sv.search("ensamheten", backend="sv"))
    assert get_search_backend("sv")
