import pytest

from website.search.analysis import (
    build_query,
    finnish_lemmas,
    swedish_lemmas,
    voikko_available,
)
from website.search.results import excerpt, query_keys

requires_voikko = pytest.mark.skipif(
    not voikko_available(), reason="Voikko is not installed (make test installs it)"
)


@requires_voikko
def test_finnish_compounds_give_their_parts_and_the_compound_before_the_head():
    lemmas = finnish_lemmas("mielenterveyspalveluihin")
    assert lemmas[0] == "mielenterveyspalvelu"
    assert {"mieli", "terveys", "palvelu", "mielenterveys"} <= set(lemmas)
    # Derivational suffixes stay with their word (terve+ys, palvel+u).
    assert "terve" not in lemmas and "palvella" not in lemmas
    assert finnish_lemmas("liikuntaa") == ("liikunta",)


@requires_voikko
def test_finnish_query_matches_the_compound_or_its_parts():
    query = build_query("mielenterveyspalveluihin", "fi")
    terms = {term.query_string for term in query.subqueries}
    assert {"mielenterveyspalvelu", "mielenterveys", "palvelu"} <= terms


@pytest.mark.parametrize(
    ("word", "lemma", "parts"),
    [
        ("mentalvårdstjänsterna", "mentalvårdstjänst", {"mentalvård", "tjänst"}),
        ("välfärdsområdet", "välfärdsområde", {"välfärd", "område"}),
        ("hälsotjänsterna", "hälsotjänst", {"hälsa", "tjänst"}),
        ("barnfamiljerna", "barnfamilj", {"barn", "familj"}),
        ("ensamheten", "ensamhet", set()),
    ],
)
def test_swedish_base_forms_and_compound_split(word, lemma, parts):
    lemmas = swedish_lemmas(word)
    assert lemmas[0] == lemma
    assert set(lemmas[1:]) == parts


def test_swedish_words_without_parts_build_one_plain_query():
    query = build_query("motionen ökar", "sv")
    assert query.query_string == "motion öka"


def test_excerpt_marks_inflected_matches_and_escapes_the_rest():
    text = "Alkohol <script>alert(1)</script> och rusmedel. " + "ord " * 40
    html = excerpt(text, query_keys("alkoholen", "sv"), "sv")
    assert html.startswith("<mark>Alkohol</mark>")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.endswith("…")


def test_excerpt_starts_near_the_best_match():
    text = " ".join(f"sana{i}" for i in range(100)) + " motion och motionen"
    html = excerpt(text, query_keys("motion", "sv"), "sv")
    assert html.startswith("… ")
    assert html.count("<mark>") == 2
