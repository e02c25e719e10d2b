"""The feedback giver's personal link (issue 20.4): a giver who left an
e-mail address gets it in the reply e-mail, and on it sees their feedback
and its replies, downloads them as JSON and erases their personal data
(website/core/selfservice.py does the pages' common parts).

The link is signed (django.core.signing, its own salt) and valid as long
as the feedback keeps personal data (FEEDBACK_RETENTION_DAYS); after the
erasure or the retention anonymisation it leads nowhere."""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from . import conf
from .models import Feedback, FeedbackEvent

SALT = "feedback.self-service"


def token(feedback):
    return signing.dumps({"f": feedback.pk}, salt=SALT)


def max_age():
    return datetime.timedelta(days=conf.retention_days())


def feedback_from_token(token):
    """The feedback a link points to, or None (wrong, expired or erased)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return (
        Feedback.objects.select_related("unit")
        .filter(pk=data.get("f"), anonymised_at__isnull=True)
        .exclude(contact_email="")
        .first()
    )


def url(feedback):
    """The absolute link, in the giver's language."""
    with translation.override(feedback.language):
        path = reverse("feedback:mine", kwargs={"token": token(feedback)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def replies(feedback):
    return feedback.events.filter(kind=FeedbackEvent.Kind.REPLIED)


def export_data(feedback):
    """What the register holds about the giver, for the download (GDPR
    articles 15 and 20); the handlers' internal notes and who handled it
    are the welfare area's working data, not the giver's."""
    language = feedback.language
    return {
        "feedback": {
            "received": feedback.created_at,
            "channel": feedback.channel,
            "language": language,
            "unit": feedback.unit.path_names(language) if feedback.unit else "",
            "status": feedback.status,
            "recommendation_score": feedback.nps,
            "page_was_helpful": feedback.helpful,
            "text": feedback.text,
            "name": feedback.contact_name,
            "email": feedback.contact_email,
            "phone": feedback.contact_phone,
            "wants_reply": feedback.wants_reply,
        },
        "replies": [
            {"sent": event.created_at, "sent_to": event.sent_to, "text": event.text}
            for event in replies(feedback)
        ],
    }
