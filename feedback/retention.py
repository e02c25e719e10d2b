"""Retention of feedback: free text and contact details are anonymised
FEEDBACK_RETENTION_DAYS after the feedback was given; scores stay for the
statistics (`manage.py purge_feedback` and the scheduler's feedback_purge)."""

import datetime

from django.utils import timezone

from . import conf
from .models import Feedback


def due(days=None, now=None):
    """Feedback past its retention period and not anonymised yet."""
    days = conf.retention_days() if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return Feedback.objects.filter(created_at__lt=cutoff, anonymised_at__isnull=True)


def anonymise_all(targets):
    """Anonymise every feedback in `targets` and every copy of its personal
    data (the queryset's `anonymise`, which erasure uses too)."""
    return targets.anonymise()


def purge(days=None):
    """Anonymise all feedback past retention; returns how many."""
    return anonymise_all(due(days))
