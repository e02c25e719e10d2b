"""Feedback settings with their defaults (override in website/settings or
the environment; see docs/feedback.md)."""

from django.conf import settings

# Words that alert the unit's handlers at once, whatever the score. Matched
# case-insensitively at the start of a word, so "itsemurh" also catches
# "itsemurhaa" and "itsemurhasta" (Finnish inflects).
DEFAULT_ALERT_KEYWORDS = {
    "fi": [
        "itsemurh",
        "itsetuho",
        "tapan itse",
        "tappaa itse",
        "en halua elää",
        "satuttaa itse",
        "tapan sinu",
        "tapan teid",
        "tappaa",
        "uhkaa",
        "uhkail",
        "pommi",
        "ase ",
        "puukot",
        "väkivalt",
    ],
    "sv": [
        "självmord",
        "ta livet av mig",
        "skada mig själv",
        "vill inte leva",
        "döda",
        "dödar",
        "hota",
        "hotar",
        "bomb",
        "vapen",
        "kniv",
        "våld",
    ],
}


def alert_keywords():
    return getattr(settings, "FEEDBACK_ALERT_KEYWORDS", DEFAULT_ALERT_KEYWORDS)


def alert_nps_threshold():
    """Scores at or below this, with free text, alert the handlers."""
    return getattr(settings, "FEEDBACK_ALERT_NPS_MAX", 6)


def reminder_days():
    return getattr(settings, "FEEDBACK_REMINDER_DAYS", 5)


def retention_days():
    return getattr(settings, "FEEDBACK_RETENTION_DAYS", 3 * 365)


def embed_origins():
    return list(getattr(settings, "FEEDBACK_EMBED_ORIGINS", []))


def fallback_emails():
    """Who gets alerts for feedback without a unit or without handlers."""
    return list(getattr(settings, "FEEDBACK_FALLBACK_EMAILS", []))
