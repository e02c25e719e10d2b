"""How far the plan's measures were at a past date, from their status history.

A report describes its own moment: the status of each measure is the last
recorded change on or before the report date, not today's status. Measures
with no recorded change by then were not yet part of the plan and are left
out. One query for any number of goals.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone

from website.plan.models import (
    STATUS_SYMBOLS,
    GoalMeasure,
    GoalPage,
    MeasureStatus,
    MeasureStatusChange,
)


def end_of_day(date):
    if isinstance(date, datetime.datetime):
        return date
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.max))


@dataclass
class GoalProgress:
    goal: GoalPage
    counts: dict  # {MeasureStatus: count}

    @property
    def rows(self):
        return [
            (status, status.label, STATUS_SYMBOLS[status], self.counts.get(status, 0))
            for status in MeasureStatus
        ]

    @property
    def total(self):
        return sum(self.counts.values())


def status_counts_at(goals, at):
    """{goal pk: {status: count}} of the goals' measures at ``at`` (a date or
    an aware datetime)."""
    at = end_of_day(at)
    status_then = (
        MeasureStatusChange.objects.filter(
            translation_key=OuterRef("measure__translation_key"), changed_at__lte=at
        )
        .order_by("-changed_at", "-pk")
        .values("to_status")[:1]
    )
    rows = (
        GoalMeasure.objects.filter(page__in=[goal.pk for goal in goals])
        .annotate(status_then=Subquery(status_then))
        .exclude(status_then=None)
        .values("page_id", "status_then")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {}
    for row in rows:
        counts.setdefault(row["page_id"], {})[MeasureStatus(row["status_then"])] = row[
            "n"
        ]
    return counts


def plan_progress(plan, at):
    """[GoalProgress] for the plan's live goals at ``at``, in goal order."""
    goals = list(plan.get_goals())
    counts = status_counts_at(goals, at)
    return [GoalProgress(goal=goal, counts=counts.get(goal.pk, {})) for goal in goals]
