"""Themes and tone of free text in Finnish and Swedish, self-hosted.

Words are reduced to base forms before matching: Finnish with Voikko (the
lemma and, for compounds, their parts: `odotusajat` → odotusaika, odottaa,
aika) and with Snowball when Voikko is missing; Swedish with Snowball. A
theme matches when one of its keywords (reduced the same way, without
compound parts) equals a word's base form or starts one (`odotus` matches
`odotusaika`), so compounds are caught in both modes.

Tone is lexicon-based: positive and negative words from `lexicon.py`, a
negation within the three words before flips the word, and the sum decides
(negative < 0 < positive). It is meant for counting and sorting, not for
judging a single answer; docs/analytics.md gives its measured agreement with
hand labels.
"""

import functools
import re
from dataclasses import dataclass, field

import snowballstemmer

from website.search.analysis import finnish_lemmas, voikko_available

from . import lexicon

WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
CLAUSE_RE = re.compile(r"[.,;:!?()\n]+|\s(?:mutta|men|muuten|annars)\s")
MIN_PREFIX = 4  # shortest keyword that may match the start of a longer word
NEGATION_WINDOW = 3


@functools.cache
def _snowball(language):
    return snowballstemmer.stemmer("finnish" if language == "fi" else "swedish")


@functools.lru_cache(maxsize=100_000)
def word_forms(word, language, with_parts=True):
    """Base forms of one lower-case word."""
    if language == "fi" and voikko_available():
        return finnish_lemmas(word, with_parts=with_parts)
    return (_snowball(language).stemWord(word),)


def tokens(text):
    return WORD_RE.findall((text or "").lower())


def keyword_forms(keywords, language):
    """Base forms of a keyword list (one keyword or phrase per line or comma):
    a keyword is a tuple of words that must all occur, each word a tuple of
    its possible base forms (`puhelin` is a noun or a form of `puhella`)."""
    forms = []
    for raw in re.split(r"[,\n]", keywords or ""):
        words = tokens(raw)
        if words:
            forms.append(
                tuple(word_forms(w, language, with_parts=False)[:2] for w in words)
            )
    return forms


def _matches(form, text_forms, language="fi"):
    """Equal, or the start of a compound; in Swedish also its end (the head
    of a Swedish compound is last: `hemvård` → `vård`)."""
    if form in text_forms:
        return True
    if len(form) < MIN_PREFIX:
        return False
    if language == "sv":
        # Snowball stems are short: `vänt` (vänta) must not match `väntrum`.
        return any(
            f.endswith(form) or (len(form) > MIN_PREFIX and f.startswith(form))
            for f in text_forms
        )
    return any(f.startswith(form) for f in text_forms)


@dataclass
class Analysis:
    themes: list = field(default_factory=list)
    tone: str = "neutral"
    score: int = 0


def compile_themes(themes, language):
    """[(slug, [keyword forms])] for a language; `themes` are TextTheme rows."""
    return [
        (theme.slug, keyword_forms(getattr(theme, f"keywords_{language}"), language))
        for theme in themes
    ]


def analyse(text, language, compiled_themes):
    """Themes (slugs) and tone of one text."""
    language = "sv" if language == "sv" else "fi"
    text_forms = {f for w in tokens(text) for f in word_forms(w, language)}
    matched = [
        slug
        for slug, keywords in compiled_themes
        if any(
            all(
                any(_matches(alt, text_forms, language) for alt in word)
                for word in keyword
            )
            for keyword in keywords
        )
    ]
    label, score = tone(text, language)
    return Analysis(themes=matched, tone=label, score=score)


def tone(text, language):
    """(label, score). A negation turns the next tone word of its clause
    around (Finnish: `ei toiminut`); in Swedish also the one just before it
    (`fungerade inte`)."""
    positive = _lexicon_forms(language, "positive")
    negative = _lexicon_forms(language, "negative")
    negations = lexicon.LEXICON[language]["negations"]
    score = 0
    for clause in CLAUSE_RE.split(text or ""):
        words = tokens(clause)
        values = []
        for word in words:
            forms = word_forms(word, language, with_parts=False)
            values.append(_polarity(forms, positive, negative, language))
        for i, word in enumerate(words):
            if word not in negations:
                continue
            after = [j for j in range(i + 1, min(len(words), i + 1 + NEGATION_WINDOW))]
            before = [i - 1, i - 2] if language == "sv" else []
            for j in [*before, *after]:
                if 0 <= j < len(words) and values[j]:
                    values[j] = -values[j]
                    break
        score += sum(values)
    label = "positive" if score > 0 else "negative" if score < 0 else "neutral"
    return label, score


def _polarity(forms, positive, negative, language):
    """+1, -1 or 0; the longest matching lexicon form wins (`otrevlig` is
    negative although it ends in `trevlig`)."""
    best, value = 0, 0
    for words, sign in ((positive, 1), (negative, -1)):
        for form in words:
            if len(form) > best and _matches(form, forms, language):
                best, value = len(form), sign
    return value


@functools.cache
def _lexicon_forms(language, polarity):
    return tuple(
        word_forms(w, language, with_parts=False)[0]
        for w in lexicon.LEXICON[language][polarity]
    )


def evaluate(sample, compiled_by_language):
    """Agreement with hand labels: tone accuracy and theme precision, recall
    and F1 (micro-averaged over theme assignments)."""
    tone_hits = tp = fp = fn = 0
    for item in sample:
        result = analyse(
            item["text"], item["language"], compiled_by_language[item["language"]]
        )
        tone_hits += result.tone == item["tone"]
        predicted, expected = set(result.themes), set(item["themes"])
        tp += len(predicted & expected)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": len(sample),
        "tone_accuracy": tone_hits / len(sample) if sample else 0.0,
        "theme_precision": precision,
        "theme_recall": recall,
        "theme_f1": f1,
    }
