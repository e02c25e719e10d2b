"""Which feedback alerts the unit's handlers at once, and why."""

import re
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from . import conf

LOW_SCORE = "low_score"
KEYWORD = "keyword"
REASON_LABELS = {
    LOW_SCORE: _("low recommendation score with a comment"),
    KEYWORD: _("words about a threat or self-harm"),
}


@lru_cache(maxsize=8)
def _pattern(words):
    if not words:
        return None
    alternatives = "|".join(re.escape(w.strip().lower()) for w in words if w.strip())
    return re.compile(rf"(?<!\w)(?:{alternatives})", re.IGNORECASE)


def keyword_match(text):
    """True if `text` contains a word of any language's alert list: a Swedish
    giver may write on the Finnish page and the other way round."""
    if not text:
        return False
    words = tuple(
        sorted({w for ws in conf.alert_keywords().values() for w in ws if w.strip()})
    )
    pattern = _pattern(words)
    return bool(pattern and pattern.search(text))


def alert_reasons(nps, text):
    """The reasons (codes) for an alert; empty if none."""
    reasons = []
    if text and text.strip() and nps is not None and nps <= conf.alert_nps_threshold():
        reasons.append(LOW_SCORE)
    if keyword_match(text):
        reasons.append(KEYWORD)
    return reasons


def reason_labels(code_string):
    return [str(REASON_LABELS.get(c, c)) for c in code_string.split(",") if c]
