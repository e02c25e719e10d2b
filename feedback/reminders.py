"""Reminders to handlers about feedback left unhandled too long."""

import datetime

from django.db.models import Count
from django.utils import timezone

from website.core.mail import send_email

from . import conf
from .models import Feedback, ServiceUnit
from .tasks import _user_language, admin_url


def send_reminders(days=None, now=None):
    """E-mail each handler one summary of their units' feedback that is still
    new (unassigned and unanswered) after `days` days, at most once per
    `days` for the same feedback. Returns the number of e-mails sent."""
    days = conf.reminder_days() if days is None else days
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    waiting = Feedback.objects.filter(
        status=Feedback.Status.NEW, created_at__lt=cutoff, unit__isnull=False
    ).exclude(reminded_at__gte=cutoff)
    counts = dict(
        waiting.values("unit_id")
        .order_by("unit_id")
        .annotate(n=Count("pk"))
        .values_list("unit_id", "n")
    )
    if not counts:
        return 0
    units = {
        u.pk: u
        for u in ServiceUnit.objects.filter(pk__in=counts).select_related(
            "parent", "parent__parent"
        )
    }
    per_user = {}
    for unit_id, n in counts.items():
        for user in units[unit_id].handler_users():
            if user.email:
                per_user.setdefault(user, []).append((units[unit_id], n))
    sent = 0
    url = admin_url("feedback_inbox")
    for user, rows in per_user.items():
        language = _user_language(user)
        sent += send_email(
            "feedback/email/reminder",
            {
                "rows": [
                    {"name": unit.path_names(language), "count": n}
                    for unit, n in sorted(rows, key=lambda r: r[0].path_names("fi"))
                ],
                "total": sum(n for _unit, n in rows),
                "days": days,
                "url": url,
            },
            user.email,
            language,
        )
    waiting.update(reminded_at=now)
    return sent
