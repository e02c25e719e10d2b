"""The participation figures: every number is an SQL aggregate.

Each function takes `Filters` and returns plain dicts and lists that the
dashboard, the council report (PDF/XLSX) and the public summary render. No
function loops over feedback rows in Python; each issues a fixed, small
number of queries whatever the data size (bounded in the tests).
"""

import datetime
import math
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from feedback import stats as feedback_stats
from feedback.models import Channel, Feedback, ServiceUnit

from .models import FeedbackAnalysis, TextTheme

Z_95 = 1.959964
HANDLED = (Feedback.Status.ANSWERED, Feedback.Status.CLOSED)


def min_n_for_interval():
    """Below this many scored answers the dashboard warns instead of giving
    a confidence interval (ANALYTICS_NPS_MIN_N)."""
    return getattr(settings, "ANALYTICS_NPS_MIN_N", 30)


def min_group_size():
    """Public figures from fewer answers than this are suppressed."""
    return getattr(settings, "PARTICIPATION_MIN_GROUP_SIZE", 5)


@dataclass(frozen=True)
class Filters:
    date_from: datetime.date
    date_to: datetime.date
    units: tuple = ()
    municipality: object = None  # website.indicators Area
    channels: tuple = ()
    languages: tuple = ()
    raw: bool = False  # True: never read the summaries (tests compare both)
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def last_months(cls, months=12, today=None, **kwargs):
        today = today or timezone.localdate()
        first = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
        year, month = first.year, first.month - (months - 1)
        while month < 1:
            month += 12
            year -= 1
        return cls(datetime.date(year, month, 1), today, **kwargs)

    @property
    def days(self):
        return (self.date_to - self.date_from).days + 1

    @property
    def whole_months(self):
        """True when the period starts on the 1st and ends on a month's last
        day or today: then the monthly summaries answer exactly."""
        next_day = self.date_to + datetime.timedelta(days=1)
        return (
            not self.raw
            and self.date_from.day == 1
            and (next_day.day == 1 or self.date_to >= timezone.localdate())
        )

    @property
    def months(self):
        return (
            (self.date_to.year - self.date_from.year) * 12
            + self.date_to.month
            - self.date_from.month
            + 1
        )

    def previous(self):
        """The period of the same length just before this one (the same
        number of whole months, for a whole-month period)."""
        date_to = self.date_from - datetime.timedelta(days=1)
        if self.whole_months:
            year, month = self.date_from.year, self.date_from.month - self.months
            while month < 1:
                month += 12
                year -= 1
            return replace(
                self, date_from=datetime.date(year, month, 1), date_to=date_to
            )
        return replace(
            self, date_from=date_to - datetime.timedelta(days=self.days - 1),
            date_to=date_to,
        )  # fmt: skip

    def summary(self, model=None):
        """The monthly summary rows of the period and filters."""
        from .models import FeedbackMonthly

        qs = (model or FeedbackMonthly).objects.filter(
            month__gte=self.date_from.replace(day=1), month__lte=self.date_to
        )
        if self.units or self.municipality is not None:
            qs = qs.filter(unit__in=self.unit_queryset().values("pk"))
        if self.channels:
            qs = qs.filter(channel__in=self.channels)
        if self.languages:
            qs = qs.filter(language__in=self.languages)
        return qs

    def unit_queryset(self):
        units = ServiceUnit.objects.all()
        if self.units:
            units = ServiceUnit.objects.with_descendants(self.units)
        if self.municipality is not None:
            units = units.filter(
                Q(municipality=self.municipality)
                | Q(parent__municipality=self.municipality)
                | Q(parent__parent__municipality=self.municipality)
            )
        return units

    def feedback(self):
        """Feedback (scored or not) received in the period, filtered."""
        qs = Feedback.objects.filter(
            created_at__date__gte=self.date_from, created_at__date__lte=self.date_to
        )
        if self.units or self.municipality is not None:
            qs = qs.filter(unit__in=self.unit_queryset().values("pk"))
        if self.channels:
            qs = qs.filter(channel__in=self.channels)
        if self.languages:
            qs = qs.filter(language__in=self.languages)
        return qs


def with_interval(row):
    """Add the 95 % confidence interval of the NPS (normal approximation of
    the difference of two multinomial shares) or a small-sample flag."""
    n = row.get("n") or 0
    row["small_sample"] = n < min_n_for_interval()
    row["ci_low"] = row["ci_high"] = row["margin"] = None
    if n and not row["small_sample"]:
        p, d = row["promoters"] / n, row["detractors"] / n
        variance = (p + d - (p - d) ** 2) / n
        margin = 100 * Z_95 * math.sqrt(variance)
        score = 100 * (p - d)
        row["margin"] = round(margin, 1)
        row["ci_low"] = round(max(-100.0, score - margin), 1)
        row["ci_high"] = round(min(100.0, score + margin), 1)
    return row


def _share(part, whole):
    return round(100 * part / whole, 1) if whole else None


SUMMED = ("n", "scored", "promoters", "passives", "detractors", "handled", "closed",
          "tone_negative", "tone_neutral", "tone_positive")  # fmt: skip


def _sums():
    return {name: Coalesce(Sum(name), 0) for name in SUMMED}


def _score(row):
    """The NPS row of feedback.stats from summed counts."""
    n = row["scored"]
    return {
        "n": n,
        "promoters": row["promoters"],
        "passives": row["passives"],
        "detractors": row["detractors"],
        "nps": round(100.0 * (row["promoters"] - row["detractors"]) / n, 1)
        if n
        else None,
    }


def _nps(filters):
    if filters.whole_months:
        return _score(filters.summary().aggregate(**_sums()))
    return feedback_stats.nps(filters.feedback())


def nps(filters):
    """NPS with counts and interval for the period, and for the period
    before for comparison (two aggregate queries)."""
    current = with_interval(_nps(filters))
    previous = with_interval(_nps(filters.previous()))
    change = (
        round(current["nps"] - previous["nps"], 1)
        if current["nps"] is not None and previous["nps"] is not None
        else None
    )
    return {"current": current, "previous": previous, "change": change}


def monthly_nps(filters):
    """NPS per calendar month with scored answers: from the monthly
    summaries for whole-month periods, else from the raw rows."""
    if not filters.whole_months:
        return [
            with_interval(row) for row in feedback_stats.monthly_nps(filters.feedback())
        ]
    names = ("scored", "promoters", "passives", "detractors")
    rows = (
        filters.summary()
        .values("month")
        .order_by("month")
        .annotate(**{f"sum_{name}": Sum(name) for name in names})
        .filter(sum_scored__gt=0)
    )
    return [
        with_interval(
            {"month": row["month"], **_score({n: row[f"sum_{n}"] for n in names})}
        )
        for row in rows
    ]


def volumes(filters):
    """Feedback volume, share handled and median handling time (days)."""
    qs = filters.feedback()
    if filters.whole_months:
        sums = filters.summary().aggregate(**_sums())
        totals = {k: sums[k] for k in ("scored", "handled", "closed")}
        totals["total"] = sums["n"]
    else:
        totals = qs.aggregate(
            total=Count("pk"),
            scored=Count("pk", filter=Q(nps__isnull=False)),
            handled=Count("pk", filter=Q(status__in=HANDLED)),
            closed=Count("pk", filter=Q(closed_at__isnull=False)),
        )
    median = None
    if totals["closed"]:
        # The middle row by handling time, found by the database (ORDER BY +
        # OFFSET) rather than by sorting durations in Python.
        duration = ExpressionWrapper(
            F("closed_at") - F("created_at"), output_field=DurationField()
        )
        median = (
            qs.filter(closed_at__isnull=False)
            .annotate(duration=duration)
            .order_by("duration")
            .values_list("duration", flat=True)[totals["closed"] // 2]
        )
    totals["handled_share"] = _share(totals["handled"], totals["total"])
    totals["median_handling_days"] = (
        round(median.total_seconds() / 86400, 1) if median is not None else None
    )
    if filters.whole_months:
        by_channel = (
            filters.summary().values("channel").order_by("channel").annotate(**_sums())
        )
    else:
        by_channel = (
            qs.values("channel")
            .order_by("channel")
            .annotate(
                n=Count("pk"),
                scored=Count("pk", filter=Q(nps__isnull=False)),
                promoters=Count("pk", filter=feedback_stats.PROMOTER),
                detractors=Count("pk", filter=feedback_stats.DETRACTOR),
            )
        )
    labels = dict(Channel.choices)
    totals["by_channel"] = [
        {
            "channel": row["channel"],
            "label": labels.get(row["channel"], row["channel"]),
            "n": row["n"],
            "scored": row["scored"],
            "nps": round(
                100 * (row["promoters"] - row["detractors"]) / row["scored"], 1
            )
            if row["scored"]
            else None,
        }
        for row in by_channel
    ]
    return totals


def monthly_volumes(filters):
    return list(
        filters.feedback()
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .order_by("month")
        .annotate(n=Count("pk"), handled=Count("pk", filter=Q(status__in=HANDLED)))
    )


def nps_by_unit(filters, limit=25):
    """NPS per unit with its name, most answers first (two queries)."""
    if filters.whole_months:
        grouped = (
            filters.summary()
            .filter(scored__gt=0)
            .values("unit_id")
            .order_by("unit_id")
            .annotate(**_sums())
        )
        rows = [{"unit_id": r["unit_id"], **_score(r)} for r in grouped]
    else:
        rows = feedback_stats.nps_by_unit(filters.feedback())
    rows = sorted(rows, key=lambda r: (-r["n"], r["unit_id"] or 0))[:limit]
    units = ServiceUnit.objects.in_bulk([r["unit_id"] for r in rows if r["unit_id"]])
    for row in rows:
        unit = units.get(row["unit_id"])
        row["unit"] = unit.name if unit else ""
        with_interval(row)
    return rows


def themes(filters):
    """Per theme: answers, and how many of them were negative, neutral and
    positive (one GROUP BY over the stored analyses), plus tone totals."""
    tones_list = FeedbackAnalysis.Tone.values
    if filters.whole_months:
        from .models import ThemeMonthly

        rows = (
            filters.summary(ThemeMonthly)
            .values("theme_id")
            .order_by("theme_id")
            .annotate(**{k: Sum(k) for k in ("n", *tones_list)})
        )
        by_theme = {row["theme_id"]: row for row in rows}
        sums = filters.summary().aggregate(
            **{t: Coalesce(Sum(f"tone_{t}"), 0) for t in tones_list}
        )
        tones = {t: sums[t] for t in tones_list}
    else:
        analyses = FeedbackAnalysis.objects.filter(
            feedback__in=filters.feedback().values("pk")
        )
        rows = (
            analyses.filter(themes__isnull=False)
            .values("themes")
            .order_by("themes")
            .annotate(
                n=Count("pk"),
                **{t: Count("pk", filter=Q(tone=t)) for t in tones_list},
            )
        )
        by_theme = {row["themes"]: row for row in rows}
        tones = dict(
            analyses.values("tone")
            .order_by("tone")
            .annotate(n=Count("pk"))
            .values_list("tone", "n")
        )
    result = []
    for theme in TextTheme.objects.all():
        row = by_theme.get(
            theme.pk, {"n": 0, "negative": 0, "neutral": 0, "positive": 0}
        )
        result.append(
            {
                "theme": theme,
                "slug": theme.slug,
                "name": theme.name,
                "n": row["n"],
                "negative": row["negative"],
                "neutral": row["neutral"],
                "positive": row["positive"],
            }
        )
    result.sort(key=lambda r: (-r["n"], r["name"]))
    return {
        "themes": result,
        "tones": {tone: tones.get(tone, 0) for tone in FeedbackAnalysis.Tone.values},
        "analysed": sum(tones.values()),
    }


def theme_examples(filters, theme, user, limit=3):
    """A few answers of a theme, only from feedback the user may read
    (handlers of the unit); analysts without that right get none."""
    visible = Feedback.objects.visible_to(user).filter(
        pk__in=filters.feedback().values("pk"), analysis__themes=theme
    )
    return list(
        visible.exclude(text="")
        .order_by("-created_at")
        .values_list("text", flat=True)[:limit]
    )
