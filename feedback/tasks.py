"""E-mails of the feedback workflow, rendered in each recipient's language
and put in the outbox (website/core/mail.py) by the service step that
stored the feedback or the event, in its transaction. They stay tasks, so
that other code may also enqueue them."""

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from website.core.mail import send_email

from . import conf
from .alerts import reason_labels


def _user_language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    language = getattr(profile, "preferred_language", "") or ""
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def alert_recipients(feedback):
    """[(address, language)]: the unit's handlers (or the nearest handlers
    above it), else FEEDBACK_FALLBACK_EMAILS."""
    recipients = []
    if feedback.unit_id:
        recipients = [
            (user.email, _user_language(user))
            for user in feedback.unit.handler_users()
            if user.email
        ]
    if not recipients:
        recipients = [
            (email, settings.LANGUAGE_CODE) for email in conf.fallback_emails()
        ]
    return recipients


@task()
def send_alert(feedback_id):
    """Tell the handlers at once about negative or threatening feedback.

    The message says why and links to the feedback in the admin; the free
    text itself stays in the admin (e-mail is not the place for it)."""
    from .models import Feedback

    feedback = (
        Feedback.objects.select_related("unit", "unit__parent", "unit__parent__parent")
        .filter(pk=feedback_id)
        .first()
    )
    if feedback is None or not feedback.alert_reason:
        return 0
    sent = 0
    for address, language in alert_recipients(feedback):
        sent += send_email(
            "feedback/email/alert",
            {
                "feedback": feedback,
                "unit_name": feedback.unit.path_names(language)
                if feedback.unit
                else "",
                "reasons": feedback.alert_reason.split(","),
                "url": admin_url("feedback_detail", feedback.pk),
            },
            address,
            language,
        )
    return sent


@task()
def send_reply(event_id):
    """Send a handler's reply to the giver in the giver's language."""
    from .models import FeedbackEvent

    event = (
        FeedbackEvent.objects.select_related("feedback", "feedback__unit")
        .filter(pk=event_id)
        .first()
    )
    if event is None or not event.sent_to:
        return 0
    from . import selfservice

    feedback = event.feedback
    language = feedback.language
    return send_email(
        "feedback/email/reply",
        {
            "feedback": feedback,
            "reply": event.text,
            "unit_name": feedback.unit.path_names(language) if feedback.unit else "",
            "selfservice_url": selfservice.url(feedback)
            if feedback.contact_email
            else "",
        },
        event.sent_to,
        language,
    )


def reason_text(feedback, language):
    from django.utils import translation

    with translation.override(language):
        return ", ".join(reason_labels(feedback.alert_reason))


@task()
def send_transfer_notice(event_id):
    """Tell the receiving unit's handlers that feedback was transferred to
    them, with the reason."""
    from .models import FeedbackEvent

    event = (
        FeedbackEvent.objects.select_related("feedback", "from_unit", "to_unit")
        .filter(pk=event_id)
        .first()
    )
    if event is None or event.to_unit is None:
        return 0
    sent = 0
    for user in event.to_unit.handler_users():
        if not user.email:
            continue
        language = _user_language(user)
        sent += send_email(
            "feedback/email/transfer",
            {
                "event": event,
                "from_name": event.from_unit.path_names(language)
                if event.from_unit
                else "",
                "to_name": event.to_unit.path_names(language),
                "url": admin_url("feedback_detail", event.feedback_id),
            },
            user.email,
            language,
        )
    return sent
