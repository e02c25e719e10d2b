"""Workshop and panel figures in the dashboard, the council report, the
public summary and goal pages, through the apps' own figure functions."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from . import queries


def _bounds(filters):
    start = timezone.make_aware(
        datetime.datetime.combine(filters.date_from, datetime.time.min)
    )
    end = timezone.make_aware(
        datetime.datetime.combine(
            filters.date_to + datetime.timedelta(days=1), datetime.time.min
        )
    )
    return start, end


def workshops(filters, public=False):
    """Participants of the workshops held in the period (by their start)."""
    from participation.workshops.stats import participation_figures

    start, end = _bounds(filters)
    figures = participation_figures(start=start, end=end)
    if public:
        minimum = queries.min_group_size()
        for key in ("by_organisation_type", "by_municipality", "by_language"):
            figures[key] = [row for row in figures[key] if row["count"] >= minimum]
        if figures["participants"] < minimum:
            figures["suppressed"] = True
    breakdowns = [
        (_("By organisation type"), figures["by_organisation_type"]),
        (_("By municipality"), figures["by_municipality"]),
        (_("By language"), figures["by_language"]),
    ]
    sheets = [
        (
            _("Workshops"),
            [_("Group"), _("Participants"), "%"],
            [
                [f"{title}: {row['label']}", row["count"], row["percent"]]
                for title, rows in breakdowns
                for row in rows
            ]
            + [
                [_("Participants in all"), figures["participants"], None],
                [_("Attendance rate (%)"), figures["attendance"]["rate"], None],
            ],
        )
    ]
    return {
        "template": "analytics/includes/workshops.html",
        "data": {"figures": figures, "breakdowns": breakdowns, "public": public},
        "sheets": sheets,
    }


def extra_sections(filters, public=False):
    return [workshops(filters, public=public)]


def goal_workshops(goal, filters):
    """Workshops linked to a plan goal with their participants: three
    queries whatever the number of workshops."""
    from django.db.models import Count

    from participation.workshops.models import Attendee, SignUp, WorkshopPage

    pages = list(
        WorkshopPage.objects.live()
        .filter(goals__translation_key=goal.translation_key, locale__language_code="fi")
        .order_by("-starts_at")
        .distinct()[:5]
    )
    if not pages:
        return None
    counts = dict(
        Attendee.objects.filter(
            signup__status=SignUp.Status.CONFIRMED, signup__workshop__in=pages
        )
        .values_list("signup__workshop")
        .annotate(n=Count("pk"))
        .values_list("signup__workshop", "n")
    )
    translated = {
        p.translation_key: p
        for p in WorkshopPage.objects.live().filter(
            translation_key__in=[p.translation_key for p in pages], locale=goal.locale
        )
    }
    minimum = queries.min_group_size()
    rows = []
    for page in pages:
        count = counts.get(page.pk, 0)
        rows.append(
            {
                "page": translated.get(page.translation_key, page),
                "participants": count if count >= minimum else None,
            }
        )
    return {"template": "analytics/includes/goal_workshops.html", "data": rows}
