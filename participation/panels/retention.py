"""Retention of panel data (settings PANEL_RETENTION_DAYS_*)."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from website.core import privacy

from .models import Member, RoundInvitation


def _days(name, default):
    return timedelta(days=getattr(settings, name, default))


@transaction.atomic
def purge(now=None):
    """Delete unconfirmed applications, applicants who were not selected and
    members who left, once their retention period has passed. Returns the
    number of people deleted per reason."""
    now = now or timezone.now()
    reasons = {
        "unconfirmed": Member.objects.filter(
            confirmed_at__isnull=True,
            created_at__lt=now - _days("PANEL_RETENTION_DAYS_UNCONFIRMED", 14),
        ),
        "not_selected": Member.objects.filter(
            status=Member.Status.NOT_SELECTED,
            status_changed_at__lt=now - _days("PANEL_RETENTION_DAYS_NOT_SELECTED", 180),
        ),
        "left": Member.objects.filter(
            left_at__isnull=False,
            left_at__lt=now - _days("PANEL_RETENTION_DAYS_LEFT", 30),
        ),
    }
    counts = {}
    for reason, queryset in reasons.items():
        rows = list(queryset.values_list("pk", "email"))
        ids = [pk for pk, _email in rows]
        RoundInvitation.objects.filter(member_id__in=ids).delete()
        counts[reason] = (
            Member.objects.filter(pk__in=ids).delete()[1].get("panels.Member", 0)
        )
        privacy.forget_addresses(Member, [email for _pk, email in rows])
    return counts
