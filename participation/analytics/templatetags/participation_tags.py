"""What participation said about a plan goal, for the goal page (website's
template loads this library; website's code never imports participation)."""

from django import template
from django.db.models import Count, Q

from participation.analytics import queries
from participation.analytics.models import FeedbackAnalysis, TextTheme
from website.core.disclosure import Disclosure, is_suppressed

register = template.Library()


@register.inclusion_tag("analytics/includes/goal_participation.html")
def goal_participation(goal, months=12):
    """Feedback themes linked to the goal, counted over the last months
    (one query), with small counts suppressed; plus the sections that other
    participation apps add (see GOAL_SECTIONS)."""
    filters = queries.Filters.last_months(months)
    key = goal.translation_key
    minimum = queries.min_group_size()
    rows = (
        TextTheme.objects.filter(goals__translation_key=key)
        .annotate(
            n=Count(
                "feedback_analyses",
                filter=Q(
                    feedback_analyses__feedback__created_at__date__gte=filters.date_from
                ),
            ),
            negative=Count(
                "feedback_analyses",
                filter=Q(
                    feedback_analyses__feedback__created_at__date__gte=filters.date_from,
                    feedback_analyses__tone=FeedbackAnalysis.Tone.NEGATIVE,
                ),
            ),
        )
        .order_by("-n", "sort_order")
        .distinct()
    )
    themes = publish_goal_themes(
        [{"name": t.name, "n": t.n, "negative": t.negative} for t in rows], minimum
    )
    sections = [section(goal, filters) for section in GOAL_SECTIONS]
    return {
        "themes": themes,
        "months": months,
        "minimum": minimum,
        "sections": [s for s in sections if s],
    }


def _workshops(goal, filters):
    from participation.analytics.sections import goal_workshops

    return goal_workshops(goal, filters)


def _rounds(goal, filters):
    from participation.analytics.sections import goal_rounds

    return goal_rounds(goal, filters)


def publish_goal_themes(rows, minimum=None):
    """Themes with answers, each with its count and the negative ones among
    them; n = negative + not negative, so a count is hidden when the other
    part is a small group too ("negative: 2" of 60, or 58 of 60)."""
    published = []
    for row in rows:
        if not row["n"]:
            continue
        d = Disclosure(minimum)
        d.count("n", row["n"])
        d.count("negative", row["negative"])
        d.count("other", row["n"] - row["negative"])
        d.sum("n", ["negative", "other"])
        published.append(
            {"name": row["name"], "n": d.value("n"), "negative": d.value("negative")}
        )
    return published


# Callables (goal, filters) -> {"template": ..., "data": ...} or None.
GOAL_SECTIONS = [_workshops, _rounds]


@register.filter
def suppressed(value):
    """True for a figure left out by small-number suppression."""
    return is_suppressed(value)


@register.simple_tag
def upcoming_workshops(count=3):
    """The next `count` live workshops of the active language that have not
    started yet, for the home page's block: one query."""
    from django.utils import timezone, translation

    from participation.workshops.models import WorkshopPage

    return list(
        WorkshopPage.objects.live()
        .public()
        .filter(
            locale__language_code=translation.get_language(),
            starts_at__gt=timezone.now(),
        )
        .order_by("starts_at", "pk")[: max(1, min(int(count), 12))]
    )
