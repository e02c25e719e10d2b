from decimal import Decimal

import pytest

from website.indicators.demo import load_demo_series
from website.indicators.models import Indicator, IndicatorValue

pytestmark = pytest.mark.django_db

AREAS = {"keusote", "koko-maa", "106", "186", "505", "543", "611", "858"}


def test_index_series_cover_2017_to_2023_for_every_area_as_demo_data():
    for code in ("morbidity_index", "mental_health_index"):
        values = IndicatorValue.objects.filter(indicator__code=code)
        for year in range(2017, 2024):
            found = values.filter(year=year)
            assert set(found.values_list("area__code", flat=True)) == AREAS
            assert all(v.is_demo for v in found)
        country_2016 = values.get(year=2016, area__code="koko-maa")
        assert country_2016.is_demo and country_2016.value == Decimal("100.0")


def test_real_values_from_the_deck_stay_real():
    real = IndicatorValue.objects.filter(is_demo=False)
    assert real.get(indicator__code="morbidity_index", area__code="106").value == (
        Decimal("98.9")
    )
    assert real.filter(indicator__code="mental_health_index", year=2016).count() == 7
    assert real.get(indicator__code="inactive_adults", area__code="koko-maa").year == (
        2018
    )
    assert real.get(
        indicator__code="overweight_vocational", area__code="keusote"
    ).value == Decimal("26.5")


def test_survey_series_for_region_and_country():
    for code in (
        "overweight_lower_secondary",
        "overweight_upper_secondary",
        "overweight_vocational",
        "inactive_adults",
    ):
        values = IndicatorValue.objects.filter(indicator__code=code)
        assert set(values.values_list("area__code", flat=True)) == {
            "keusote",
            "koko-maa",
        }
        assert values.filter(is_demo=True).count() >= 4
        years = set(values.values_list("year", flat=True))
        assert min(years) >= 2017 and max(years) <= 2023


def test_values_are_plausible():
    for v in IndicatorValue.objects.filter(is_demo=True).select_related("indicator"):
        if v.indicator.code.endswith("_index"):
            assert 40 < v.value < 120
        else:
            assert 5 < v.value < 40


def test_running_again_changes_nothing():
    before = list(
        IndicatorValue.objects.order_by("pk").values_list("pk", "value", "is_demo")
    )
    summary = load_demo_series()
    assert summary == {
        "demo indicator values": IndicatorValue.objects.filter(is_demo=True).count()
    }
    after = list(
        IndicatorValue.objects.order_by("pk").values_list("pk", "value", "is_demo")
    )
    assert after == before


def test_indicators_have_descriptions_in_both_languages():
    for indicator in Indicator.objects.all():
        assert indicator.description_fi and indicator.description_sv


def test_staff_edited_description_is_kept():
    indicator = Indicator.objects.get(code="morbidity_index")
    indicator.description_fi = "Oma kuvaus."
    indicator.save()
    load_demo_series()
    indicator.refresh_from_db()
    assert indicator.description_fi == "Oma kuvaus."


def test_description_follows_the_active_language():
    from django.utils import translation

    indicator = Indicator.objects.get(code="overweight_vocational")
    with translation.override("sv"):
        assert indicator.description.startswith("Andelen överviktiga")
    with translation.override("fi"):
        assert indicator.description.startswith("Ylipainoisten osuus")
