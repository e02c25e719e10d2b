import json

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.models import Translation

from website.indicators.models import Area, IndicatorValue
from website.plan.demo.loader import DATA_FILE
from website.plan.models import GoalPage, Measure, MeasureStatusChange, PlanPage

pytestmark = pytest.mark.django_db

DATA = json.loads(DATA_FILE.read_text(encoding="utf-8"))


def counts():
    return {
        "pages": Page.objects.count(),
        "measures": Measure.objects.count(),
        "history": MeasureStatusChange.objects.count(),
        "values": IndicatorValue.objects.count(),
        "areas": Area.objects.count(),
        "translations": Translation.objects.count(),
    }


def test_loader_builds_the_whole_plan_in_both_languages():
    assert PlanPage.objects.live().count() == 2
    for language in ("fi", "sv"):
        goals = GoalPage.objects.live().filter(locale__language_code=language)
        assert sorted(goals.values_list("number", flat=True)) == list(range(1, 8))
        assert Measure.objects.filter(
            locale__language_code=language, live=True
        ).count() == len(DATA["measures"])
    for row in DATA["goals"]:
        fi_goal = GoalPage.objects.get(locale__language_code="fi", number=row["number"])
        sv_goal = GoalPage.objects.get(locale__language_code="sv", number=row["number"])
        assert fi_goal.title == row["title"]["fi"]
        assert sv_goal.title == row["title"]["sv"]
        assert sv_goal.translation_key == fi_goal.translation_key
        assert [m.title for m in sv_goal.get_measures()] == [
            next(m for m in DATA["measures"] if m["key"] == key)["title"]["sv"]
            for key in row["measures"]
        ]


def test_swedish_content_is_managed_by_wagtail_localize():
    sv_goals = GoalPage.objects.filter(locale__language_code="sv")
    for goal in sv_goals:
        assert Translation.objects.filter(
            source__object_id=goal.translation_key,
            target_locale=goal.locale,
        ).exists()


def test_municipalities_have_swedish_names_and_baselines():
    names = dict(
        Area.objects.filter(kind="municipality").values_list("name_fi", "name_sv")
    )
    assert names["Hyvinkää"] == "Hyvinge"
    assert names["Järvenpää"] == "Träskända"
    assert names["Tuusula"] == "Tusby"
    assert names["Pornainen"] == "Borgnäs"
    morbidity = IndicatorValue.objects.filter(
        indicator__code="morbidity_index", year=2016
    )
    values = {v.area.name_fi: float(v.value) for v in morbidity.select_related("area")}
    assert values["Hyvinkää"] == 98.9
    assert values["Tuusula"] == 83.5
    assert values["Keski-Uusimaa (Keusote)"] == 90.0


def test_loader_run_again_changes_nothing():
    before = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == before


def test_loader_does_not_overwrite_staff_edits():
    goal = GoalPage.objects.get(locale__language_code="fi", number=1)
    goal.title = "Muokattu otsikko"
    goal.save_revision().publish()
    call_command("load_demo", verbosity=0)
    assert GoalPage.objects.get(pk=goal.pk).title == "Muokattu otsikko"
