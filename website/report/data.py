"""Indicator data as the report shows it: series, comparisons, municipality
cards. Each function reads what it needs in one or two queries."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from website.indicators.models import Area, Indicator, IndicatorValue

KIND_ORDER = {Area.Kind.REGION: 0, Area.Kind.MUNICIPALITY: 1, Area.Kind.COUNTRY: 2}


def _sort_key(area):
    return (KIND_ORDER.get(area.kind, 9), area.name)


@dataclass
class Table:
    """A chart's data as an accessible table: one row per area, one column
    per year; a missing value is None."""

    indicator: Indicator
    years: list
    rows: list = field(default_factory=list)  # [(area, [value or None, ...])]
    demo: bool = False

    @property
    def series(self):
        """[(area name, [(year, value)], area id)] for charts.line_chart."""
        return [
            (
                area.name,
                [
                    (y, v)
                    for y, v in zip(self.years, values, strict=True)
                    if v is not None
                ],
                area.pk,
            )
            for area, values in self.rows
        ]


def _values(indicator, max_year=None, year=None, kinds=None):
    values = IndicatorValue.objects.filter(
        indicator=indicator, gender=IndicatorValue.Gender.TOTAL
    ).select_related("area")
    if max_year:
        values = values.filter(year__lte=max_year)
    if year:
        values = values.filter(year=year)
    if kinds:
        values = values.filter(area__kind__in=kinds)
    return list(values)


def _is_demo(value):
    return getattr(value, "is_demo", False)


def indicator_table(indicator, max_year=None):
    """Region, municipalities and country over the years (up to max_year)."""
    values = _values(indicator, max_year=max_year)
    years = sorted({v.year for v in values})
    by_area = defaultdict(dict)
    areas = {}
    for v in values:
        by_area[v.area_id][v.year] = v.value
        areas[v.area_id] = v.area
    table = Table(indicator=indicator, years=years, demo=any(map(_is_demo, values)))
    for area in sorted(areas.values(), key=_sort_key):
        table.rows.append((area, [by_area[area.pk].get(y) for y in years]))
    return table


def latest_year(indicator, max_year=None):
    values = IndicatorValue.objects.filter(
        indicator=indicator, area__kind=Area.Kind.MUNICIPALITY
    )
    if max_year:
        values = values.filter(year__lte=max_year)
    return values.order_by("-year").values_list("year", flat=True).first()


def comparison(indicator, year):
    """[(area, value, is_reference)] for one year: municipalities by value,
    then the region and the country as reference bars."""
    values = _values(indicator, year=year)
    municipalities = sorted(
        (v for v in values if v.area.kind == Area.Kind.MUNICIPALITY),
        key=lambda v: -v.value if indicator.higher_is_better else v.value,
    )
    references = sorted(
        (v for v in values if v.area.kind != Area.Kind.MUNICIPALITY),
        key=lambda v: _sort_key(v.area),
    )
    rows = [(v.area, v.value, False) for v in municipalities]
    rows += [(v.area, v.value, True) for v in references]
    return rows, any(map(_is_demo, values))


@dataclass
class Change:
    """Direction of change since the baseline, in words and a symbol."""

    baseline_year: int
    baseline: Decimal
    latest_year: int
    latest: Decimal
    higher_is_better: bool

    @property
    def delta(self):
        return self.latest - self.baseline

    @property
    def direction(self):
        if self.latest_year == self.baseline_year or self.delta == 0:
            return "same"
        return "up" if self.delta > 0 else "down"

    @property
    def verdict(self):
        if self.direction == "same":
            return "same"
        better = (self.direction == "up") == self.higher_is_better
        return "better" if better else "worse"

    @property
    def symbol(self):
        return {"up": "▲", "down": "▼", "same": "■"}[self.direction]

    @property
    def words(self):
        if self.latest_year == self.baseline_year:
            return _("only one year of data")
        if self.direction == "same":
            return _("unchanged since %(year)s") % {"year": self.baseline_year}
        if self.verdict == "better":
            text = (
                _("risen since %(year)s: better")
                if self.direction == "up"
                else _("fallen since %(year)s: better")
            )
        else:
            text = (
                _("risen since %(year)s: worse")
                if self.direction == "up"
                else _("fallen since %(year)s: worse")
            )
        return text % {"year": self.baseline_year}


@dataclass
class CardRow:
    indicator: Indicator
    year: int
    value: Decimal
    region: Decimal | None
    country: Decimal | None
    change: Change
    demo: bool


def municipality_card(area, max_year=None):
    """One row per indicator with data for ``area``: its latest value up to
    max_year, the region's and the country's value in the same year, and the
    change since the area's first (baseline) year. Two queries."""
    values = IndicatorValue.objects.filter(
        Q(area=area) | Q(area__kind__in=[Area.Kind.REGION, Area.Kind.COUNTRY]),
        gender=IndicatorValue.Gender.TOTAL,
    )
    if max_year:
        values = values.filter(year__lte=max_year)
    own = defaultdict(dict)
    reference = defaultdict(dict)
    demo = defaultdict(bool)
    for v in values.select_related("area").order_by("year"):
        if v.area_id == area.pk:
            own[v.indicator_id][v.year] = v.value
        else:
            reference[(v.indicator_id, v.area.kind)][v.year] = v.value
        demo[v.indicator_id] |= _is_demo(v)
    indicators = Indicator.objects.in_bulk(list(own))
    rows = []
    for indicator_id, by_year in own.items():
        indicator = indicators[indicator_id]
        first, last = min(by_year), max(by_year)
        rows.append(
            CardRow(
                indicator=indicator,
                year=last,
                value=by_year[last],
                region=reference[(indicator_id, Area.Kind.REGION)].get(last),
                country=reference[(indicator_id, Area.Kind.COUNTRY)].get(last),
                change=Change(
                    baseline_year=first,
                    baseline=by_year[first],
                    latest_year=last,
                    latest=by_year[last],
                    higher_is_better=indicator.higher_is_better,
                ),
                demo=demo[indicator_id],
            )
        )
    rows.sort(key=lambda row: row.indicator.name)
    return rows


def municipalities():
    return sorted(Area.objects.filter(kind=Area.Kind.MUNICIPALITY), key=_sort_key)


def municipality_cards(max_year=None):
    """[(municipality, its card rows)] in the report's order: the PDF
    carries every card that the web page links to."""
    return [(area, municipality_card(area, max_year)) for area in municipalities()]
