"""Participation figures for reports and the analytics module.

A participant is an attendee of a confirmed sign-up (a group of five counts
five). Figures are computed with SQL aggregates over attendees, so they
survive anonymisation (names are cleared, the rows stay).
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from website.indicators.models import Area

from .models import Attendee, OrganisationType, SignUp


def _percent(part, whole):
    return round(100 * part / whole, 1) if whole else 0.0


def participation_figures(workshops=None, start=None, end=None):
    """Counts and percentages of participants.

    `workshops`: an iterable of WorkshopPage (either language; the Finnish
    page owns the sign-ups) or None for all; `start`/`end`: datetimes that
    bound the workshops' start time. Returns a dict::

        {"participants": 130, "signups": 41, "workshops": 1,
         "by_organisation_type": [{"key", "label", "count", "percent"}, ...],
         "by_municipality": [...], "by_language": [...],
         "attendance": {"marked": 120, "attended": 110, "rate": 91.7}}

    The attendance rate is attended / attendees whose attendance was marked.
    """
    attendees = Attendee.objects.filter(signup__status=SignUp.Status.CONFIRMED)
    if workshops is not None:
        ids = {w.source().pk for w in workshops}
        attendees = attendees.filter(signup__workshop_id__in=ids)
    if start is not None:
        attendees = attendees.filter(signup__workshop__starts_at__gte=start)
    if end is not None:
        attendees = attendees.filter(signup__workshop__starts_at__lt=end)

    totals = attendees.aggregate(
        participants=Count("pk"),
        signups=Count("signup", distinct=True),
        workshops=Count("signup__workshop", distinct=True),
        marked=Count("pk", filter=Q(attended__isnull=False)),
        attended=Count("pk", filter=Q(attended=True)),
    )
    total = totals["participants"]

    def breakdown(field, labels):
        rows = attendees.values(field).annotate(n=Count("pk")).order_by("-n", field)
        return [
            {
                "key": row[field],
                "label": labels(row[field]),
                "count": row["n"],
                "percent": _percent(row["n"], total),
            }
            for row in rows
        ]

    type_labels = dict(OrganisationType.choices)
    areas = {a.pk: a.name for a in Area.objects.filter(kind=Area.Kind.MUNICIPALITY)}
    language_labels = {"fi": _("Finnish"), "sv": _("Swedish")}
    return {
        "participants": total,
        "signups": totals["signups"],
        "workshops": totals["workshops"],
        "by_organisation_type": breakdown(
            "signup__organisation_type", lambda k: str(type_labels.get(k, k))
        ),
        "by_municipality": breakdown(
            "signup__municipality", lambda k: areas.get(k, _("Not given"))
        ),
        "by_language": breakdown(
            "signup__language", lambda k: str(language_labels.get(k, k))
        ),
        "attendance": {
            "marked": totals["marked"],
            "attended": totals["attended"],
            "rate": _percent(totals["attended"], totals["marked"]),
        },
    }


def summary_sentence(figures):
    """E.g. "130 participants: associations 60 %, municipalities 25 %, …"."""
    parts = [
        f"{row['label']} {round(row['percent'])} %"
        for row in figures["by_organisation_type"]
    ]
    return _("%(count)s participants: %(parts)s") % {
        "count": figures["participants"],
        "parts": ", ".join(parts),
    }
