"""The indexed words of each language, for "did you mean" and typo tolerance.

Words are kept as they are written in the text (``mielenterveyspalveluihin``),
so a suggestion is a word the visitor recognises and that the search finds.
Matching is edit distance (``difflib``) against the words of about the same
length and the same first letter: one database query per unknown word, the
same on SQLite and PostgreSQL."""

import difflib

from django.db.models.functions import Length

from .analysis import WORD_RE, query_words
from .models import VocabularyWord

MIN_WORD = 3
MAX_WORD = 64
CUTOFF = 0.75


def words_of(text):
    return {
        word
        for word in WORD_RE.findall((text or "").lower())
        if MIN_WORD <= len(word) <= MAX_WORD and not any(c.isdigit() for c in word)
    }


def add_text(language, text):
    words = words_of(text)
    if words:
        VocabularyWord.objects.bulk_create(
            [VocabularyWord(language=language, word=word) for word in words],
            ignore_conflicts=True,
        )


def clear():
    VocabularyWord.objects.all().delete()


def closest_word(word, language):
    candidates = (
        VocabularyWord.objects.filter(language=language, word__startswith=word[0])
        .annotate(length=Length("word"))
        .filter(length__gte=len(word) - 2, length__lte=len(word) + 2)
        .values_list("word", flat=True)
    )
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=CUTOFF)
    return matches[0] if matches else None


def suggest(query_string, language):
    """The query with its unknown words replaced by the closest indexed
    words, or None when there is nothing to correct."""
    words = query_words(query_string)
    known = set(
        VocabularyWord.objects.filter(language=language, word__in=words).values_list(
            "word", flat=True
        )
    )
    corrected = []
    for word in words:
        if word in known or len(word) <= MIN_WORD or word.isdigit():
            corrected.append(word)
        else:
            corrected.append(closest_word(word, language) or word)
    return " ".join(corrected) if corrected != words else None
