"""Language analysis applied before the search backend's own stemming.

Snowball's Finnish stemmer (PostgreSQL's ``finnish`` configuration, and
Elasticsearch's) gives different stems to forms of one word: ``liikunta`` →
``liikun`` but ``liikuntaa`` → ``liikunt``; it also cannot split compounds
(``asukasraadeissa``). Voikko, the Finnish morphological analyser, returns the
base form (``liikunta``, ``asukasraati``) and the compound's parts (``asukas``,
``raati``). Swedish words go through simplemma's Swedish dictionary
(``hälsotjänsterna`` → ``hälsotjänst``) and a dictionary-checked compound split
(``hälsotjänst`` → ``hälsa`` + ``tjänst``).

The same analysis runs when text is indexed (``AnalyzedSearchField``) and
when a visitor's words are queried (``build_query``): the index holds each
word's base form and, for a compound, its parts; a query word matches its base
form, or one of its parts. The backend then stems the base forms, which is
consistent because every inflected form has become the same base form.

Voikko needs Debian's ``libvoikko1`` and ``voikko-fi`` (the Python package is a
ctypes wrapper). Without them Finnish falls back to Snowball alone, and
``voikko_available()`` says so.
"""

import functools
import logging
import re
import threading

from modelsearch.query import And, Or, PlainText

logger = logging.getLogger(__name__)

WORD_RE = re.compile(r"\w+", re.UNICODE)
WORDBASES_RE = re.compile(r"\+([^+(]*)(?:\(([^)]*)\))?")
MAX_QUERY_WORDS = 12
MAX_QUERY_TERMS = 6
_lock = threading.Lock()

# Swedish compounds: both halves must be dictionary words of this length, the
# first possibly with a linking -s (``välfärd|s|område``).
SV_MIN_COMPOUND = 8
SV_MIN_PART = 3
SV_MIN_TAIL = 4


@functools.cache
def _voikko():
    try:
        from libvoikko import Voikko

        return Voikko("fi")
    except Exception as error:  # library or dictionary missing
        logger.info("Voikko is not available, Finnish uses Snowball only: %s", error)
        return None


def voikko_available():
    return _voikko() is not None


def _voikko_analyze(word):
    voikko = _voikko()
    if voikko is None:
        return []
    with _lock:
        return voikko.analyze(word)


def _compound_chunks(wordbases):
    """The base form's components from Voikko's WORDBASES.

    ``+mielen(mieli)+terve(terve)+ys(+ys)+palvel(palvella)+u(+u)`` →
    ``["mielen", "terveys", "palvelu"]``: derivational segments (``(+ys)``)
    and bare ones (``+n``) belong to the component before them."""
    chunks = []
    for surface, lemma in WORDBASES_RE.findall(wordbases):
        surface = surface.replace("=", "")
        if chunks and (not lemma or lemma.startswith("+")):
            chunks[-1] += surface
        else:
            chunks.append(surface)
    return chunks


def _first_base_form(word):
    analyses = _voikko_analyze(word)
    return (analyses[0].get("BASEFORM") or word).lower() if analyses else word


@functools.lru_cache(maxsize=50_000)
def finnish_lemmas(word, with_parts=True):
    """Base forms of a Finnish word (and its compound parts), lower-cased.

    Parts are the components' base forms and, for three or more components,
    the compound before the last one (``mielenterveys`` in
    ``mielenterveyspalvelu``)."""
    analyses = _voikko_analyze(word)
    if not analyses:
        return (word,)
    lemmas = []
    for analysis in analyses:
        base = (analysis.get("BASEFORM") or word).lower()
        if base not in lemmas:
            lemmas.append(base)
    if with_parts:
        chunks = [c.lower() for c in _compound_chunks(analyses[0].get("WORDBASES", ""))]
        if len(chunks) > 1:
            parts = [_first_base_form(chunk) for chunk in chunks]
            if len(chunks) > 2:
                parts.append(_first_base_form("".join(chunks[:-1])))
            lemmas.extend(p for p in parts if len(p) > 2 and p not in lemmas)
    return tuple(lemmas)


@functools.cache
def _simplemma():
    import simplemma

    return simplemma


@functools.lru_cache(maxsize=50_000)
def _sv_lemma(word):
    simplemma = _simplemma()
    if word.isdigit():
        return word
    return simplemma.lemmatize(word, lang="sv", greedy=True).lower()


def _sv_known(word):
    return len(word) >= SV_MIN_PART and _simplemma().is_known(word, lang="sv")


@functools.lru_cache(maxsize=50_000)
def swedish_lemmas(word, with_parts=True):
    """Base form of a Swedish word and, for a compound, its two parts.

    The split is the one with the longest known first part (without its
    linking ``s``, or with ``-o`` read as ``-a``: ``hälso`` → ``hälsa``) whose
    last part of at least four letters is a known word too."""
    lemma = _sv_lemma(word)
    lemmas = [lemma]
    if not with_parts or len(lemma) < SV_MIN_COMPOUND or lemma.isdigit():
        return tuple(lemmas)
    for cut in range(len(lemma) - SV_MIN_TAIL, SV_MIN_PART - 1, -1):
        head, tail = lemma[:cut], lemma[cut:]
        if not _sv_known(tail):
            continue
        candidates = [head]
        if head.endswith("s"):
            candidates.insert(0, head[:-1])
        elif head.endswith("o"):
            candidates.insert(0, head[:-1] + "a")
        known = next((c for c in candidates if _sv_known(c)), None)
        if known:
            for part in (_sv_lemma(known), _sv_lemma(tail)):
                if len(part) >= SV_MIN_PART and part not in lemmas:
                    lemmas.append(part)
            break
    return tuple(lemmas)


def word_lemmas(word, language, with_parts=True):
    """The index terms of one lower-cased word in a language."""
    if language == "fi":
        return finnish_lemmas(word, with_parts) if voikko_available() else (word,)
    if language == "sv":
        return swedish_lemmas(word, with_parts)
    return (word,)


def analyze_text(text, language):
    """Text as the index should see it: base forms and compound parts."""
    words = WORD_RE.findall((text or "").lower())
    return " ".join(lemma for word in words for lemma in word_lemmas(word, language))


def analyze_value(value, language):
    if isinstance(value, str):
        return analyze_text(value, language)
    if isinstance(value, list | tuple):
        return [analyze_value(item, language) for item in value]
    return value


def query_words(query_string):
    return WORD_RE.findall((query_string or "").lower())[:MAX_QUERY_WORDS]


def build_query(query_string, language):
    """A modelsearch query for what a visitor typed.

    Every word must match; a word matches any of its base forms (``alusta``:
    alku, alus, alusta …) or, for a compound, any of its parts, so that
    ``mielenterveyspalveluihin`` finds a text about ``mielenterveysongelmat``.
    Texts that share the whole compound rank first because they match more
    terms."""
    words = query_words(query_string)
    if not words:
        return None
    terms = [word_lemmas(word, language)[:MAX_QUERY_TERMS] for word in words]
    if all(len(word_terms) == 1 for word_terms in terms):
        return PlainText(" ".join(word_terms[0] for word_terms in terms))
    groups = [
        PlainText(word_terms[0])
        if len(word_terms) == 1
        else Or([PlainText(term) for term in word_terms])
        for word_terms in terms
    ]
    return groups[0] if len(groups) == 1 else And(groups)
