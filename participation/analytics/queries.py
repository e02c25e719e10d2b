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
from website.core import disclosure

from .models import FeedbackAnalysis, TextTheme

Z_95 = 1.959964
HANDLED = (Feedback.Status.ANSWERED, Feedback.Status.CLOSED)


def min_n_for_interval():
    """Below this many scored answers the dashboard warns instead of giving
    a confidence interval (ANALYTICS_NPS_MIN_N)."""
    return settings.ANALYTICS_NPS_MIN_N


def min_group_size():
    """Public figures from fewer answers than this are suppressed."""
    return disclosure.min_group_size()


@dataclass(frozen=True)
class Filters:
    date_from: datetime.date
    date_to: datetime.date
    units: tuple = ()
    municipality: object = None  # website.indicators Area
    channels: tuple = ()
    languages: tuple = ()
    raw: bool = False  # True: never read the summaries (tests compare both)
    # (first, last) dates left out of feedback(): the whole months that the
    # summaries answer for when a period does not start or end on a month's
    # edge (see parts()).
    hole: tuple = ()
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

    def parts(self):
        """(summary part, raw part) of the period, either may be None.

        Whole months inside the period are read from the monthly summaries;
        the days before the first and after the last whole month from the
        raw rows (through the created_at index). So 15 March – 20 June reads
        April and May from the summaries and 15–31 March and 1–20 June raw.
        """
        if self.raw:
            return None, self
        if self.whole_months:
            return self, None
        first = self.date_from
        if first.day != 1:
            first = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        next_day = self.date_to + datetime.timedelta(days=1)
        last = self.date_to
        if next_day.day != 1 and last < timezone.localdate():
            last = last.replace(day=1) - datetime.timedelta(days=1)
        if first > last:
            return None, replace(self, raw=True)
        core = replace(self, date_from=first, date_to=last)
        return core, replace(self, raw=True, hole=(first, last))

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

        return self._narrow(
            (model or FeedbackMonthly).objects.filter(
                month__gte=self.date_from.replace(day=1), month__lte=self.date_to
            )
        )

    def _narrow(self, qs):
        """The unit, municipality, channel and language filters, which raw
        rows and summary rows share."""
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

    def bounds(self):
        """(start, end) of the period as aware datetimes: local midnight of
        the first day, and of the day after the last."""
        return _bounds(self.date_from, self.date_to)

    def feedback(self):
        """Feedback (scored or not) received in the period, filtered. The
        local dates become datetime bounds so that the created_at index
        serves the range (a `__date` lookup would scan the table)."""
        start, end = self.bounds()
        if self.hole:
            hole_start, hole_end = _bounds(*self.hole)
            qs = Feedback.objects.filter(
                Q(created_at__gte=start, created_at__lt=hole_start)
                | Q(created_at__gte=hole_end, created_at__lt=end)
            )
        else:
            qs = Feedback.objects.filter(created_at__gte=start, created_at__lt=end)
        return self._narrow(qs)


def _bounds(first, last):
    def midnight(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))

    return midnight(first), midnight(last + datetime.timedelta(days=1))


def _add(total, row, keys):
    for key in keys:
        total[key] = total.get(key, 0) + (row.get(key) or 0)
    return total


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


SCORE_KEYS = ("scored", "promoters", "passives", "detractors")


def _nps(filters):
    core, rest = filters.parts()
    total = dict.fromkeys(SCORE_KEYS, 0)
    if core is not None:
        _add(total, core.summary().aggregate(**_sums()), SCORE_KEYS)
    if rest is not None:
        row = feedback_stats.nps(rest.feedback())
        _add(total, {**row, "scored": row["n"]}, SCORE_KEYS)
    return _score(total)


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
    """NPS per calendar month with scored answers: whole months from the
    monthly summaries, partial months at the period's edges from raw rows."""
    core, rest = filters.parts()
    rows = []
    if rest is not None:
        rows += feedback_stats.monthly_nps(rest.feedback())
    if core is not None:
        grouped = (
            core.summary()
            .values("month")
            .order_by("month")
            .annotate(**{f"sum_{name}": Sum(name) for name in SCORE_KEYS})
            .filter(sum_scored__gt=0)
        )
        rows += [
            {"month": row["month"], **_score({n: row[f"sum_{n}"] for n in SCORE_KEYS})}
            for row in grouped
        ]
    return [with_interval(row) for row in sorted(rows, key=lambda r: r["month"])]


def volumes(filters):
    """Feedback volume, share handled and median handling time (days)."""
    qs = filters.feedback()
    core, rest = filters.parts()
    keys = ("total", "scored", "handled", "closed")
    totals = dict.fromkeys(keys, 0)
    if core is not None:
        sums = core.summary().aggregate(**_sums())
        _add(totals, {**sums, "total": sums["n"]}, keys)
    if rest is not None:
        _add(
            totals,
            rest.feedback().aggregate(
                total=Count("pk"),
                scored=Count("pk", filter=Q(nps__isnull=False)),
                handled=Count("pk", filter=Q(status__in=HANDLED)),
                closed=Count("pk", filter=Q(closed_at__isnull=False)),
            ),
            keys,
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
    channel_keys = ("n", "scored", "promoters", "detractors")
    channels = {}
    if core is not None:
        for row in (
            core.summary().values("channel").order_by("channel").annotate(**_sums())
        ):
            _add(channels.setdefault(row["channel"], {}), row, channel_keys)
    if rest is not None:
        for row in (
            rest.feedback()
            .values("channel")
            .order_by("channel")
            .annotate(
                n=Count("pk"),
                scored=Count("pk", filter=Q(nps__isnull=False)),
                promoters=Count("pk", filter=feedback_stats.PROMOTER),
                detractors=Count("pk", filter=feedback_stats.DETRACTOR),
            )
        ):
            _add(channels.setdefault(row["channel"], {}), row, channel_keys)
    by_channel = [{"channel": key, **row} for key, row in sorted(channels.items())]
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
    core, rest = filters.parts()
    per_unit = {}
    if core is not None:
        for row in (
            core.summary()
            .filter(scored__gt=0)
            .values("unit_id")
            .order_by("unit_id")
            .annotate(**_sums())
        ):
            _add(per_unit.setdefault(row["unit_id"], {}), row, SCORE_KEYS)
    if rest is not None:
        for row in feedback_stats.nps_by_unit(rest.feedback()):
            row = {**row, "scored": row["n"]}
            _add(per_unit.setdefault(row["unit_id"], {}), row, SCORE_KEYS)
    rows = [{"unit_id": unit_id, **_score(row)} for unit_id, row in per_unit.items()]
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
    keys = ("n", *tones_list)
    core, rest = filters.parts()
    by_theme, tones = {}, dict.fromkeys(tones_list, 0)
    if core is not None:
        from .models import ThemeMonthly

        for row in (
            core.summary(ThemeMonthly)
            .values("theme_id")
            .order_by("theme_id")
            .annotate(**{k: Sum(k) for k in keys})
        ):
            _add(by_theme.setdefault(row["theme_id"], {}), row, keys)
        sums = core.summary().aggregate(
            **{t: Coalesce(Sum(f"tone_{t}"), 0) for t in tones_list}
        )
        _add(tones, sums, tones_list)
    if rest is not None:
        analyses = FeedbackAnalysis.objects.filter(
            feedback__in=rest.feedback().values("pk")
        )
        for row in (
            analyses.filter(themes__isnull=False)
            .values("themes")
            .order_by("themes")
            .annotate(
                n=Count("pk"),
                **{t: Count("pk", filter=Q(tone=t)) for t in tones_list},
            )
        ):
            _add(by_theme.setdefault(row["themes"], {}), row, keys)
        _add(
            tones,
            dict(
                analyses.values("tone")
                .order_by("tone")
                .annotate(n=Count("pk"))
                .values_list("tone", "n")
            ),
            tones_list,
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


def describe(filters):
    """Every filter of a set of figures as (label, value) in the active
    language, also the ones left at "all": the council report's heading, the
    XLSX's first sheet and the dashboard state exactly what the figures
    cover (a report filtered to one channel must not read as the whole)."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    units = ServiceUnit.objects.filter(pk__in=filters.units)
    channels = dict(Channel.choices)
    languages = {"fi": _("Finnish"), "sv": _("Swedish")}
    period = "{}–{}".format(
        date_format(filters.date_from, "j.n.Y"), date_format(filters.date_to, "j.n.Y")
    )
    return [
        (_("Period"), period),
        (
            _("Service unit"),
            ", ".join(u.path_names() for u in units) or _("All units"),
        ),
        (
            _("Municipality"),
            filters.municipality.name
            if filters.municipality
            else _("All municipalities"),
        ),
        (
            _("Channel"),
            ", ".join(str(channels.get(c, c)) for c in filters.channels)
            or _("All channels"),
        ),
        (
            _("Language of the answer"),
            ", ".join(str(languages.get(c, c)) for c in filters.languages)
            or _("Both languages"),
        ),
    ]
