"""Plausible demo years for the plan's indicators, marked as demo data.

The deck gives one real year per indicator (2016 indices, FinSote 2018, school
survey 2019); those values come from the plan loader and are never touched
here. Everything added here has is_demo=True and is shown publicly as demo
data. The series follow the real surveys' rhythm: THL's indices are yearly,
the School Health Promotion study (Kouluterveyskysely) is run in odd years and
FinSote in even years. Deterministic and idempotent: only missing values are
created, and running it again creates nothing.
"""

import zlib
from decimal import Decimal

from django.db import transaction

from .models import Area, Indicator, IndicatorValue

REGION_CODE = "keusote"
COUNTRY_CODE = "koko-maa"
INDEX_YEARS = range(2017, 2024)
# THL's indices are relative to the whole country, which is 100 by definition.
COUNTRY_INDEX = Decimal("100.0")
# Yearly drift of the indices (index points): morbidity falls slowly; mental
# health problems first ease, then grow after 2020.
INDEX_TRENDS = {
    "morbidity_index": lambda year: -0.4 * (year - 2016),
    "mental_health_index": lambda year: (
        -0.3 * (year - 2016) if year < 2020 else -1.2 + 1.1 * (year - 2019)
    ),
}
# Survey results for the region and the whole country, per year.
SURVEY_SERIES = {
    "overweight_lower_secondary": {
        REGION_CODE: {2017: "15.1", 2021: "17.6", 2023: "18.0"},
        COUNTRY_CODE: {2017: "16.0", 2019: "16.7", 2021: "18.4", 2023: "18.6"},
    },
    "overweight_upper_secondary": {
        REGION_CODE: {2017: "15.4", 2021: "17.0", 2023: "17.3"},
        COUNTRY_CODE: {2017: "14.6", 2019: "15.3", 2021: "16.9", 2023: "17.1"},
    },
    "overweight_vocational": {
        REGION_CODE: {2017: "25.9", 2021: "28.2", 2023: "28.6"},
        COUNTRY_CODE: {2017: "26.1", 2019: "27.0", 2021: "29.1", 2023: "29.4"},
    },
    "inactive_adults": {
        REGION_CODE: {2020: "22.4", 2022: "21.8"},
        COUNTRY_CODE: {2020: "23.0", 2022: "22.5"},
    },
}
DESCRIPTIONS = {
    "morbidity_index": (
        "THL:n ikävakioitu sairastavuusindeksi kuvaa väestön sairastavuutta "
        "suhteessa koko maahan, jonka arvo on 100.",
        "THL:s åldersstandardiserade sjuklighetsindex beskriver befolkningens "
        "sjuklighet i förhållande till hela landet, vars värde är 100.",
    ),
    "mental_health_index": (
        "THL:n ikävakioitu mielenterveysindeksi kuvaa mielenterveysongelmien "
        "yleisyyttä suhteessa koko maahan, jonka arvo on 100.",
        "THL:s åldersstandardiserade index för psykisk ohälsa beskriver hur vanlig "
        "psykisk ohälsa är i förhållande till hela landet, vars värde är 100.",
    ),
    "inactive_adults": (
        "Niiden aikuisten osuus, jotka eivät harrasta lainkaan vapaa-ajan "
        "liikuntaa (THL:n FinSote-tutkimus).",
        "Andelen vuxna som inte alls motionerar på fritiden (THL:s undersökning "
        "FinSote).",
    ),
    "overweight_lower_secondary": (
        "Ylipainoisten osuus peruskoulun 8. ja 9. luokan oppilaista "
        "Kouluterveyskyselyn mukaan.",
        "Andelen överviktiga bland eleverna i årskurs 8 och 9 i grundskolan "
        "enligt enkäten Hälsa i skolan.",
    ),
    "overweight_upper_secondary": (
        "Ylipainoisten osuus lukion 1. ja 2. vuoden opiskelijoista "
        "Kouluterveyskyselyn mukaan.",
        "Andelen överviktiga bland gymnasiestuderande på första och andra året "
        "enligt enkäten Hälsa i skolan.",
    ),
    "overweight_vocational": (
        "Ylipainoisten osuus ammatillisten oppilaitosten 1. ja 2. vuoden "
        "opiskelijoista Kouluterveyskyselyn mukaan.",
        "Andelen överviktiga bland studerande på första och andra året vid "
        "yrkesläroanstalter enligt enkäten Hälsa i skolan.",
    ),
}


def _wiggle(*parts):
    """A stable pseudo-random offset in [-0.6, 0.6], the same on every run."""
    seed = zlib.crc32("-".join(str(p) for p in parts).encode())
    return (seed % 13 - 6) / 10


def _index_values(indicator, areas, baselines):
    """(area, year, value) for a THL index: the 2016 baseline with a drift."""
    trend = INDEX_TRENDS[indicator.code]
    country = areas.get(COUNTRY_CODE)
    if country is not None:
        for year in (2016, *INDEX_YEARS):
            yield country, year, COUNTRY_INDEX
    for area in areas.values():
        base = baselines.get((indicator.pk, area.pk))
        if area.code == COUNTRY_CODE or base is None:
            continue
        for year in INDEX_YEARS:
            value = float(base) + trend(year) + _wiggle(indicator.code, area.code, year)
            yield area, year, Decimal(f"{value:.1f}")


def _describe(indicators):
    for code, (fi, sv) in DESCRIPTIONS.items():
        indicator = indicators.get(code)
        if indicator is None:
            continue
        # Only fill what is empty: staff edits win over the demo text.
        fields = {}
        if not indicator.description_fi:
            fields["description_fi"] = fi
        if not indicator.description_sv:
            fields["description_sv"] = sv
        if fields:
            Indicator.objects.filter(pk=indicator.pk).update(**fields)


@transaction.atomic
def load_demo_series():
    codes = [*INDEX_TRENDS, *SURVEY_SERIES]
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    areas = {a.code: a for a in Area.objects.all()}
    _describe(indicators)
    baselines = {
        (v.indicator_id, v.area_id): v.value
        for v in IndicatorValue.objects.filter(
            indicator__code__in=INDEX_TRENDS,
            year=2016,
            gender=IndicatorValue.Gender.TOTAL,
        )
    }
    wanted = []
    for code in INDEX_TRENDS:
        if code in indicators:
            indicator = indicators[code]
            for area, year, value in _index_values(indicator, areas, baselines):
                wanted.append((indicator, area, year, value))
    for code, series in SURVEY_SERIES.items():
        if code not in indicators:
            continue
        for area_code, years in series.items():
            if area_code not in areas:
                continue
            for year, value in years.items():
                wanted.append(
                    (indicators[code], areas[area_code], year, Decimal(value))
                )
    existing = set(
        IndicatorValue.objects.filter(
            indicator__in=indicators.values(), gender=IndicatorValue.Gender.TOTAL
        ).values_list("indicator_id", "area_id", "year")
    )
    # Real values (and any value staff or an import have entered) win: only
    # the gaps are filled.
    IndicatorValue.objects.bulk_create(
        [
            IndicatorValue(
                indicator=indicator,
                area=area,
                year=year,
                gender=IndicatorValue.Gender.TOTAL,
                value=value,
                is_demo=True,
            )
            for indicator, area, year, value in wanted
            if (indicator.pk, area.pk, year) not in existing
        ],
        ignore_conflicts=True,
    )
    return {
        "demo indicator values": IndicatorValue.objects.filter(is_demo=True).count()
    }
