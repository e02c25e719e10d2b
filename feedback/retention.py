"""Retention of feedback: free text and contact details are anonymised
FEEDBACK_RETENTION_DAYS after the feedback was given; scores stay for the
statistics (`manage.py purge_feedback` and the scheduler's feedback_purge)."""

import datetime

from django.db import transaction
from django.utils import timezone

from . import conf
from .models import Feedback, FeedbackEvent


def due(days=None, now=None):
    """Feedback past its retention period and not anonymised yet."""
    days = conf.retention_days() if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return Feedback.objects.filter(created_at__lt=cutoff, anonymised_at__isnull=True)


def anonymise_all(targets):
    """Bulk version of Feedback.anonymise: two UPDATE statements."""
    with transaction.atomic():
        FeedbackEvent.objects.filter(feedback__in=targets.values("pk")).exclude(
            text=""
        ).update(text="")
        return targets.update(
            **{field: "" for field in Feedback.PERSONAL_FIELDS},
            wants_reply=False,
            anonymised_at=timezone.now(),
        )


def purge(days=None):
    """Anonymise all feedback past retention; returns how many."""
    return anonymise_all(due(days))
