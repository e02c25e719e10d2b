"""Precision@3 of the site search over a hand-written set of queries.

The set (``evaluation_set.yaml``) lists, per language, what residents might
type, inflected and compounded, and the pages a good search puts in its first
three results. Expected pages are named by what survives a reload of the
demo: ``goal:<number>``, ``measure:<demo key>``, ``page:<slug>`` (in that
language) and ``association:<slug>``; they are compared by URL."""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.utils import translation
from wagtail.models import Locale, Page

from website.associations.models import AssociationMapPage
from website.core.demo import demo_key
from website.plan.models import GoalPage, Measure

from . import results as search_results

EVALUATION_SET = Path(__file__).with_name("evaluation_set.yaml")
TOP = 3


@dataclass
class LanguageScore:
    language: str
    queries: int = 0
    hits: int = 0
    misses: list = field(default_factory=list)

    @property
    def precision(self):
        return self.hits / self.queries if self.queries else 0.0


def load(path=EVALUATION_SET):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def expected_url(name, locale):
    kind, _, key = name.partition(":")
    if kind == "goal":
        page = GoalPage.objects.live().get(locale=locale, number=int(key))
        return page.url
    if kind == "measure":
        measure = Measure.objects.get(
            locale=locale, translation_key=demo_key(f"measure-{key}")
        )
        return measure.get_url()
    if kind == "page":
        return Page.objects.live().get(locale=locale, slug=key).url
    if kind == "association":
        map_page = AssociationMapPage.objects.live().get(locale=locale)
        return f"{map_page.url}{key}/"
    raise ValueError(f"Unknown expected page {name!r}")


def evaluate(language, cases, top=TOP):
    """Score one language's cases: a hit when an expected page is in the
    first ``top`` results."""
    score = LanguageScore(language)
    locale = Locale.objects.get(language_code=language)
    with translation.override(language):
        for case in cases:
            expected = {expected_url(name, locale) for name in case["expect"]}
            found, _searched = search_results.find(case["q"], language, locale)
            urls = [result.url for result in found[:top]]
            score.queries += 1
            if expected & set(urls):
                score.hits += 1
            else:
                score.misses.append((case["q"], sorted(expected), urls))
    return score


def evaluate_all(path=EVALUATION_SET, top=TOP):
    return [evaluate(language, cases, top) for language, cases in load(path).items()]
