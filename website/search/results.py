"""Site search as a service: ranked results across pages, measures and
associations in one language, with the page type, the section a result
belongs to and a highlighted excerpt."""

import re
from dataclasses import dataclass, field

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from website.associations.models import AssociationMapPage, SearchDocument
from website.plan.models import GoalMeasure, Measure, plans_by_locale

from .analysis import WORD_RE, build_query, query_words, word_lemmas
from .backends import stem_text
from .indexing import backend_alias_for_language
from .text import searchable_text
from .vocabulary import suggest

SECTION_SEPARATOR = " › "
EXCERPT_WORDS = 30
EXCERPT_LEAD = 8


@dataclass
class Result:
    title: str
    url: str
    kind: str
    score: float
    obj: object = field(repr=False)
    section: str = ""
    excerpt: str = ""


def _score(obj, sign=1):
    return sign * float(getattr(obj, "_score", 0) or 0)


def _score_sign(alias):
    """+1 when a higher score is better (PostgreSQL, Elasticsearch), -1 for
    SQLite's bm25()."""
    backend = get_search_backend(alias)
    return -1 if getattr(backend, "score_lower_is_better", False) else 1


def find(query_string, language, locale):
    """Ranked results for what a visitor typed, and the query they are for.

    When the query finds nothing, its unknown words are corrected from the
    indexed vocabulary and the corrected query is searched instead (typo
    tolerance): ``searched`` is then the correction."""
    search_query = build_query(query_string, language)
    if search_query is None:
        return [], query_string
    results = search(search_query, language, locale)
    if not results:
        suggestion = suggest(query_string, language)
        corrected = build_query(suggestion, language) if suggestion else None
        if corrected is not None:
            results = search(corrected, language, locale)
            if results:
                return prefer_title_matches(results, suggestion, language), suggestion
    return prefer_title_matches(results, query_string, language), query_string


def prefer_title_matches(results, query_string, language):
    """Results whose title has more of the query's words first, the backend's
    order kept otherwise: a resident who types a goal's or a measure's words
    expects that page, not the longest text that repeats them."""
    words = query_words(query_string)
    # The stem of a word's first base form, and of all its forms and parts.
    word_keys = [
        (stem_text(word_lemmas(word, language)[0], language), _word_key(word, language))
        for word in words
    ]

    def title_hits(result):
        title_keys = set()
        for word in WORD_RE.findall(result.title.lower()):
            title_keys |= _word_key(word, language)
        # A whole word in the title counts more than one of its parts.
        return sum(
            1 if whole in title_keys else 0.5 if keys & title_keys else 0
            for whole, keys in word_keys
        )

    return sorted(results, key=lambda result: -title_hits(result))


def search(query, language, locale):
    """Every result for a modelsearch query, best first (unpaginated: the
    site has hundreds of pages, not millions)."""
    backend = backend_alias_for_language(language)
    sign = _score_sign(backend)
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=locale, depth__gt=1)
        .specific()
        .search(query, backend=backend)
        .annotate_score("_score")
    )
    results = [
        Result(page.title, page.url, page._meta.verbose_name, _score(page, sign), page)
        for page in pages
    ]
    measures = list(
        Measure.objects.published()
        .filter(locale=locale)
        .search(query, backend=backend)
        .annotate_score("_score")
    )
    if measures:
        plan = plans_by_locale([locale.pk]).get(locale.pk)
        results += [
            Result(
                measure.title,
                measure.get_url(plan=plan),
                Measure._meta.verbose_name,
                _score(measure, sign),
                measure,
            )
            for measure in measures
            if plan is not None
        ]
    results += _association_results(query, locale, backend, sign)
    results.sort(key=lambda result: -result.score)
    return results


def _association_results(query, locale, backend, sign):
    """Published associations and their activities, in this language."""
    documents = list(
        SearchDocument.objects.filter(locale=locale)
        .search(query, backend=backend)
        .annotate_score("_score")
    )
    if not documents:
        return []
    map_page = AssociationMapPage.objects.live().filter(locale=locale).first()
    if map_page is None:
        return []
    base = map_page.get_url()
    slugs = dict(
        SearchDocument.objects.filter(pk__in=[d.pk for d in documents]).values_list(
            "pk", "association__slug"
        )
    )
    return [
        Result(
            document.title,
            f"{base}{slugs[document.pk]}/"
            + (f"{document.activity_id}/" if document.activity_id else ""),
            _("activity") if document.activity_id else _("association"),
            _score(document, sign),
            document,
            section=map_page.title,
        )
        for document in documents
        if document.pk in slugs
    ]


def describe(results, query_string, language):
    """Fill in the section and the excerpt of the results shown (one page of
    them): two queries, whatever the number of results."""
    _add_page_sections([r for r in results if isinstance(r.obj, Page)])
    _add_measure_sections([r for r in results if isinstance(r.obj, Measure)])
    keys = query_keys(query_string, language)
    for result in results:
        result.excerpt = excerpt(searchable_text(result.obj, True), keys, language)
    return results


def _add_page_sections(results):
    """The titles of a page's ancestors below the home page."""
    prefixes = {
        result.obj.path[: Page.steplen * depth]
        for result in results
        for depth in range(3, result.obj.depth)
    }
    if not prefixes:
        return
    titles = dict(Page.objects.filter(path__in=prefixes).values_list("path", "title"))
    for result in results:
        result.section = SECTION_SEPARATOR.join(
            titles[prefix]
            for depth in range(3, result.obj.depth)
            if (prefix := result.obj.path[: Page.steplen * depth]) in titles
        )


def _add_measure_sections(results):
    """A measure belongs to the plan and the goal(s) that list it."""
    if not results:
        return
    links = (
        GoalMeasure.objects.filter(
            measure__in=[r.obj for r in results], page__live=True
        )
        .order_by("page__path")
        .values_list("measure_id", "page__title", "page__path")
    )
    goals, plan_paths = {}, set()
    for measure_id, title, path in links:
        goals.setdefault(measure_id, []).append(title)
        plan_paths.add(path[: -Page.steplen])
    plans = dict(Page.objects.filter(path__in=plan_paths).values_list("path", "title"))
    plan_title = next(iter(plans.values()), "")
    for result in results:
        titles = goals.get(result.obj.pk, [])
        result.section = SECTION_SEPARATOR.join(
            [t for t in (plan_title, ", ".join(titles)) if t]
        )


def _word_key(word, language):
    return {stem_text(lemma, language) for lemma in word_lemmas(word, language)}


def query_keys(query_string, language):
    """The stems of a query's base forms and compound parts."""
    keys = set()
    for word in query_words(query_string):
        keys |= _word_key(word, language)
    return keys


def excerpt(text, keys, language, length=EXCERPT_WORDS):
    """About ``length`` words of the text around the best match, the matching
    words in <mark>; everything else escaped."""
    words = list(WORD_RE.finditer(text))
    if not words:
        return ""
    matches = [
        i
        for i, match in enumerate(words)
        if keys & _word_key(match.group().lower(), language)
    ]
    if matches:
        best = max(matches, key=lambda i: sum(i <= j < i + length for j in matches))
        start = max(0, best - EXCERPT_LEAD)
    else:
        start = 0
    end = min(len(words), start + length)
    matched = set(matches)
    pieces = ["… " if start else ""]
    position = words[start].start()
    for i in range(start, end):
        match = words[i]
        pieces.append(conditional_escape(text[position : match.start()]))
        word = conditional_escape(match.group())
        pieces.append(f"<mark>{word}</mark>" if i in matched else word)
        position = match.end()
    tail = text[position : words[end].start() if end < len(words) else len(text)]
    pieces.append(conditional_escape(_TRAILING_SPACE.sub("", tail)))
    if end < len(words):
        pieces.append(" …")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped


_TRAILING_SPACE = re.compile(r"\s+$")


def main_sections(site, locale):
    """The home page's live children (the top of the page tree), for the
    no-results help."""
    if site is None:
        return []
    home = site.root_page.get_translation_or_none(locale) or site.root_page
    return list(home.get_children().live().public())
