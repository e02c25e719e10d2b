"""Language analysis applied before the search backend's own stemming.

Snowball's Finnish stemmer (PostgreSQL's ``finnish`` configuration, and
Elasticsearch's) gives different stems to forms of one word: ``liikunta`` →
``liikun`` but ``liikuntaa`` → ``liikunt``; it also cannot split compounds
(``asukasraadeissa``). Voikko, the Finnish morphological analyser, returns the
base form (``liikunta``, ``asukasraati``) and the compound's parts (``asukas``,
``raati``). So Finnish text is lemmatised with Voikko both when it is indexed
(``AnalyzedSearchField``) and when it is queried (``build_query``); the
backend then stems the lemmas, which is consistent because every inflected
form has become the same lemma.

Voikko needs Debian's ``libvoikko1`` and ``voikko-fi`` (the Python package is a
ctypes wrapper). Without them Finnish falls back to Snowball alone, and
``voikko_available()`` says so. Swedish is left to Snowball, which handles it
well (``ensamheten`` → ``ensam``).
"""

import functools
import logging
import re
import threading

from modelsearch.query import And, Or, PlainText

logger = logging.getLogger(__name__)

WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 12
_lock = threading.Lock()


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


@functools.lru_cache(maxsize=50_000)
def finnish_lemmas(word, with_parts=True):
    """Base forms of a Finnish word (and its compound parts), lower-cased."""
    voikko = _voikko()
    if voikko is None:
        return (word,)
    with _lock:
        analyses = voikko.analyze(word)
    if not analyses:
        return (word,)
    lemmas = []
    for analysis in analyses:
        base = (analysis.get("BASEFORM") or word).lower()
        if base not in lemmas:
            lemmas.append(base)
    if with_parts:
        parts = [
            part.split("(", 1)[1].rstrip(")").replace("=", "").lower()
            for part in analyses[0].get("WORDBASES", "").split("+")
            if "(" in part and not part.split("(", 1)[1].startswith("+")
        ]
        if len(parts) > 1:
            lemmas.extend(p for p in parts if len(p) > 2 and p not in lemmas)
    return tuple(lemmas)


def analyze_text(text, language):
    """Text as the index should see it: lemmas for Finnish, words otherwise."""
    words = WORD_RE.findall((text or "").lower())
    if language != "fi" or not voikko_available():
        return " ".join(words)
    return " ".join(lemma for word in words for lemma in finnish_lemmas(word))


def analyze_value(value, language):
    if isinstance(value, str):
        return analyze_text(value, language)
    if isinstance(value, list | tuple):
        return [analyze_value(item, language) for item in value]
    return value


def build_query(query_string, language):
    """A modelsearch query for what a visitor typed.

    Every word must match; a Finnish word with several possible base forms
    (``alusta``: alku, alus, alusta …) matches any of them."""
    words = WORD_RE.findall((query_string or "").lower())[:MAX_QUERY_WORDS]
    if not words:
        return None
    if language != "fi" or not voikko_available():
        return PlainText(" ".join(words))
    groups = []
    for word in words:
        lemmas = finnish_lemmas(word, with_parts=False)[:4]
        if len(lemmas) == 1:
            groups.append(PlainText(lemmas[0]))
        else:
            groups.append(Or([PlainText(lemma) for lemma in lemmas]))
    return groups[0] if len(groups) == 1 else And(groups)
