"""What happens to feedback: receiving it and every handling step.

Views stay thin: they validate a form and call one of these. Each step is
one transaction; its e-mails are written to the outbox (website.core.mail)
in the same transaction, so they exist exactly when the step does, and are
sent (and retried) after it commits.
"""

from django.db import transaction
from django.utils import timezone

from . import tasks
from .alerts import alert_reasons
from .models import Feedback, FeedbackEvent


@transaction.atomic
def receive(*, channel, language, entered_by=None, **fields):
    """Store one piece of feedback and alert the handlers if it needs it."""
    feedback = Feedback(channel=channel, language=language, entered_by=entered_by)
    for name, value in fields.items():
        setattr(feedback, name, value)
    feedback.text = (feedback.text or "").strip()
    feedback.alert_reason = ",".join(alert_reasons(feedback.nps, feedback.text))
    feedback.save()
    if feedback.alert_reason:
        tasks.send_alert.call(feedback.pk)
    return feedback


def _event(feedback, kind, user, **fields):
    return FeedbackEvent.objects.create(
        feedback=feedback, kind=kind, user=user, **fields
    )


@transaction.atomic
def assign(feedback, assignee, user):
    feedback.assigned_to = assignee
    if feedback.status == Feedback.Status.NEW:
        feedback.status = Feedback.Status.IN_PROGRESS
    feedback.save(update_fields=["assigned_to", "status"])
    return _event(feedback, FeedbackEvent.Kind.ASSIGNED, user, assignee=assignee)


@transaction.atomic
def transfer(feedback, to_unit, reason, user):
    """Move the feedback to another unit; its handlers take over (the
    assignment is cleared) and are told by e-mail, with the reason."""
    from_unit = feedback.unit
    feedback.unit = to_unit
    feedback.assigned_to = None
    if feedback.status != Feedback.Status.CLOSED:
        feedback.status = Feedback.Status.NEW
    feedback.save(update_fields=["unit", "assigned_to", "status"])
    event = _event(
        feedback,
        FeedbackEvent.Kind.TRANSFERRED,
        user,
        from_unit=from_unit,
        to_unit=to_unit,
        text=reason,
    )
    tasks.send_transfer_notice.call(event.pk)
    return event


@transaction.atomic
def reply(feedback, message, user):
    """Log the reply and e-mail it to the giver in the giver's language."""
    event = _event(
        feedback,
        FeedbackEvent.Kind.REPLIED,
        user,
        text=message,
        sent_to=feedback.contact_email,
    )
    if feedback.status in (Feedback.Status.NEW, Feedback.Status.IN_PROGRESS):
        feedback.status = Feedback.Status.ANSWERED
        feedback.save(update_fields=["status"])
    tasks.send_reply.call(event.pk)
    return event


@transaction.atomic
def add_note(feedback, note, user):
    stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    name = user.get_full_name() or user.get_username()
    entry = f"[{stamp} {name}] {note.strip()}"
    feedback.internal_notes = (
        f"{feedback.internal_notes}\n{entry}" if feedback.internal_notes else entry
    )
    feedback.save(update_fields=["internal_notes"])
    return _event(feedback, FeedbackEvent.Kind.NOTE, user)


@transaction.atomic
def close(feedback, user):
    feedback.status = Feedback.Status.CLOSED
    feedback.closed_at = timezone.now()
    feedback.save(update_fields=["status", "closed_at"])
    return _event(feedback, FeedbackEvent.Kind.CLOSED, user)


@transaction.atomic
def reopen(feedback, user):
    feedback.status = Feedback.Status.IN_PROGRESS
    feedback.closed_at = None
    feedback.save(update_fields=["status", "closed_at"])
    return _event(feedback, FeedbackEvent.Kind.REOPENED, user)


@transaction.atomic
def erase(feedback, user=None):
    """Erase-on-request: clear the giver's personal data at once."""
    feedback.anonymise()
    return _event(feedback, FeedbackEvent.Kind.ERASED, user)
