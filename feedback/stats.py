"""NPS for the analytics module, computed in the database.

NPS = % promoters (scores 9–10) − % detractors (scores 0–6) of the responses
that have a score; passives (7–8) count in the total only. Feedback without
a score (e.g. the page widget's yes/no) is left out.

    from feedback.stats import nps, monthly_nps
    nps(units=[unit], channels=["qr"], languages=["sv"],
        date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
    -> {"n": 412, "promoters": 230, "passives": 101, "detractors": 81,
        "nps": 36.2}
"""

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from .models import Feedback, ServiceUnit

PROMOTER = Q(nps__gte=9)
PASSIVE = Q(nps__gte=7, nps__lte=8)
DETRACTOR = Q(nps__lte=6)


def filtered(
    queryset=None,
    *,
    units=None,
    channels=None,
    languages=None,
    date_from=None,
    date_to=None,
    include_descendants=True,
):
    """Scored feedback matching the filters. `units` include the units
    below them unless include_descendants=False; dates are inclusive local
    dates (or datetimes)."""
    qs = Feedback.objects.all() if queryset is None else queryset
    qs = qs.filter(nps__isnull=False)
    if units is not None:
        unit_qs = (
            ServiceUnit.objects.with_descendants(units)
            if include_descendants
            else ServiceUnit.objects.filter(pk__in=[getattr(u, "pk", u) for u in units])
        )
        qs = qs.filter(unit__in=unit_qs.values("pk"))
    if channels:
        qs = qs.filter(channel__in=channels)
    if languages:
        qs = qs.filter(language__in=languages)
    if date_from is not None:
        qs = qs.filter(**_date_lookup("gte", date_from))
    if date_to is not None:
        qs = qs.filter(**_date_lookup("lte", date_to))
    return qs


def _date_lookup(op, value):
    import datetime

    if isinstance(value, datetime.datetime):
        return {f"created_at__{op}": value}
    return {f"created_at__date__{op}": value}


def _aggregates():
    return {
        "n": Count("pk"),
        "promoters": Count("pk", filter=PROMOTER),
        "passives": Count("pk", filter=PASSIVE),
        "detractors": Count("pk", filter=DETRACTOR),
    }


def _with_score(row):
    n = row["n"]
    row["nps"] = (
        round(100.0 * (row["promoters"] - row["detractors"]) / n, 1) if n else None
    )
    return row


def nps(queryset=None, **filters):
    """{'n', 'promoters', 'passives', 'detractors', 'nps'} in one aggregate
    query; nps is None when there are no scored responses."""
    return _with_score(filtered(queryset, **filters).aggregate(**_aggregates()))


def monthly_nps(queryset=None, **filters):
    """[{'month': date, 'n', 'promoters', 'passives', 'detractors', 'nps'}]
    per calendar month (in TIME_ZONE), in one GROUP BY query."""
    rows = (
        filtered(queryset, **filters)
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .order_by("month")
        .annotate(**_aggregates())
    )
    result = []
    for row in rows:
        month = row["month"]
        row["month"] = month.date() if hasattr(month, "date") else month
        result.append(_with_score(row))
    return result


def nps_by_unit(queryset=None, **filters):
    """[{'unit_id', 'n', …, 'nps'}] per unit, in one GROUP BY query."""
    rows = (
        filtered(queryset, **filters)
        .values("unit_id")
        .order_by("unit_id")
        .annotate(**_aggregates())
    )
    return [_with_score(row) for row in rows]
