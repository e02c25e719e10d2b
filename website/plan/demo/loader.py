"""Load the Keusote welfare plan 2020–2025 (keusote_plan.json) as demo content.

The Finnish texts come from the source deck; the Swedish ones are our own
translation and go in through wagtail-localize. Creates only what is missing.
"""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from website.core.demo import demo_key
from website.core.text import plain_to_html
from website.core.translation import translate
from website.indicators.models import Area, Indicator, IndicatorValue
from website.plan.models import (
    GoalIndicator,
    GoalMeasure,
    GoalPage,
    Measure,
    MeasureIndicator,
    MeasureStatus,
    MeasureStatusChange,
    PlanPage,
)

DATA_FILE = Path(__file__).with_name("keusote_plan.json")
REGION_CODE = "keusote"
COUNTRY_CODE = "koko-maa"
RICH_GOAL_FIELDS = [
    "development_need",
    "what_must_change",
    "who_is_involved",
    "baseline",
    "desired_end_state",
    "how_we_know",
    "monitoring",
    "smart_statement",
]
# A plausible history for the demo: what was reached when.
DEMO_HISTORY_DATES = {
    MeasureStatus.NOT_STARTED: datetime.date(2020, 6, 1),
    MeasureStatus.IN_PROGRESS: datetime.date(2021, 3, 1),
    MeasureStatus.DONE: datetime.date(2023, 11, 1),
}
# History notes are stored once per measure, not per language, so the demo's
# note is written in both.
DEMO_NOTE = "Esimerkkiaineisto – exempeldata"


def load_data():
    with DATA_FILE.open(encoding="utf-8") as f:
        return json.load(f)


def _aware(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))


@transaction.atomic
def load_areas_and_indicators(data):
    areas = {}
    region, _ = Area.objects.get_or_create(
        code=REGION_CODE,
        defaults={
            "kind": Area.Kind.REGION,
            "name_fi": "Keski-Uusimaa (Keusote)",
            "name_sv": "Mellersta Nyland (Keusote)",
            "slug": "keski-uusimaa",
        },
    )
    areas["region"] = region
    areas["country"], _ = Area.objects.get_or_create(
        code=COUNTRY_CODE,
        defaults={
            "kind": Area.Kind.COUNTRY,
            "name_fi": "Koko maa",
            "name_sv": "Hela landet",
            "slug": "koko-maa",
        },
    )
    for row in data["municipalities"]:
        areas[row["code"]], _ = Area.objects.get_or_create(
            code=row["code"],
            defaults={
                "kind": Area.Kind.MUNICIPALITY,
                "name_fi": row["name_fi"],
                "name_sv": row["name_sv"],
                "slug": row["slug"],
            },
        )
    indicators = {}
    for row in data.get("indicators", []):
        indicator, _ = Indicator.objects.get_or_create(
            code=row["code"],
            defaults={
                "name_fi": row["name"]["fi"],
                "name_sv": row["name"]["sv"],
                "unit_fi": row["unit"]["fi"],
                "unit_sv": row["unit"]["sv"],
                "source": row["source"]["fi"],
                "higher_is_better": row.get("higher_is_better", False),
            },
        )
        indicators[row["code"]] = indicator
        for value in row["values"]:
            IndicatorValue.objects.get_or_create(
                indicator=indicator,
                area=areas[value["area"]],
                year=value["year"],
                gender=value.get("gender", IndicatorValue.Gender.TOTAL),
                defaults={"value": Decimal(str(value["value"]))},
            )
    return areas, indicators


def _ensure_plan(home_fi, fi, sv, plan_data):
    key = demo_key("plan-2020-2025")
    plan = PlanPage.objects.filter(translation_key=key, locale=fi).first()
    if plan is None:
        plan = PlanPage(
            title=plan_data["title"]["fi"],
            slug=plan_data["slug"]["fi"],
            period_start=plan_data["period_start"],
            period_end=plan_data["period_end"],
            introduction=plan_data["introduction"]["fi"],
            focus_areas=[
                (
                    "focus_area",
                    {
                        "title": fa["title"]["fi"],
                        "description": fa["description"]["fi"],
                    },
                )
                for fa in plan_data["focus_areas"]
            ],
            locale=fi,
            translation_key=key,
            show_in_menus=True,
        )
        home_fi.add_child(instance=plan)
        plan.save_revision().publish()
    if not PlanPage.objects.filter(translation_key=key, locale=sv).exists():

        def apply(shadow):
            shadow.title = plan_data["title"]["sv"]
            shadow.slug = plan_data["slug"]["sv"]
            shadow.introduction = plan_data["introduction"]["sv"]
            for block, fa in zip(
                shadow.focus_areas, plan_data["focus_areas"], strict=True
            ):
                block.value["title"] = fa["title"]["sv"]
                block.value["description"] = fa["description"]["sv"]

        translate(plan, sv, apply)
    return plan


def _ensure_measure(fi, sv, row):
    key = demo_key(f"measure-{row['key']}")
    measure = Measure.objects.filter(translation_key=key, locale=fi).first()
    created = measure is None
    if created:
        measure = Measure(
            title=row["title"]["fi"],
            description=plain_to_html(row["description"]["fi"]),
            responsible=row["responsible"]["fi"],
            schedule=row["schedule"]["fi"],
            status=row["status"],
            locale=fi,
            translation_key=key,
        )
        for i, ind in enumerate(row["indicators"]):
            measure.indicators.add(
                MeasureIndicator(
                    sort_order=i,
                    locale=fi,
                    translation_key=demo_key(f"measure-{row['key']}-ind-{i}"),
                    name=ind["name"]["fi"],
                    unit=ind["unit"]["fi"],
                    baseline_value=(
                        None
                        if ind["baseline_value"] is None
                        else Decimal(str(ind["baseline_value"]))
                    ),
                    baseline_year=ind["baseline_year"],
                    target=ind["target"]["fi"],
                    source=ind["source"]["fi"],
                )
            )
        measure.save()
        measure.save_revision().publish()
    if created:
        _demo_history(measure)
    if not Measure.objects.filter(translation_key=key, locale=sv).exists():

        def apply(shadow):
            shadow.title = row["title"]["sv"]
            shadow.description = plain_to_html(row["description"]["sv"])
            shadow.responsible = row["responsible"]["sv"]
            shadow.schedule = row["schedule"]["sv"]
            for child, ind in zip(
                shadow.indicators.all(), row["indicators"], strict=True
            ):
                child.name = ind["name"]["sv"]
                child.unit = ind["unit"]["sv"]
                child.target = ind["target"]["sv"]
                child.source = ind["source"]["sv"]

        translate(measure, sv, apply)
    return measure


def _demo_history(measure):
    """not started → in progress → done, as far as the measure's status."""
    MeasureStatusChange.objects.filter(translation_key=measure.translation_key).delete()
    path = list(MeasureStatus)
    reached = path[: path.index(measure.status) + 1]
    previous = ""
    for status in reached:
        MeasureStatusChange.objects.create(
            translation_key=measure.translation_key,
            changed_at=_aware(DEMO_HISTORY_DATES[status]),
            from_status=previous,
            to_status=status,
            note=DEMO_NOTE,
        )
        previous = status


def _ensure_goal(plan, fi, sv, row, measures, indicators):
    key = demo_key(f"goal-{row['number']}")
    goal = GoalPage.objects.filter(translation_key=key, locale=fi).first()
    if goal is None:
        goal = GoalPage(
            title=row["title"]["fi"],
            slug=row["slug"]["fi"],
            number=row["number"],
            summary=row["summary"]["fi"],
            deadline=row["deadline"]["fi"],
            locale=fi,
            translation_key=key,
            **{name: plain_to_html(row[name]["fi"]) for name in RICH_GOAL_FIELDS},
        )
        for i, measure_key in enumerate(row["measures"]):
            goal.measure_links.add(
                GoalMeasure(sort_order=i, measure=measures[measure_key])
            )
        for i, code in enumerate(row.get("indicator_codes", [])):
            if code in indicators:
                goal.indicator_links.add(
                    GoalIndicator(sort_order=i, indicator=indicators[code])
                )
        plan.add_child(instance=goal)
        goal.save_revision().publish()
    if not GoalPage.objects.filter(translation_key=key, locale=sv).exists():

        def apply(shadow):
            shadow.title = row["title"]["sv"]
            shadow.slug = row["slug"]["sv"]
            shadow.summary = row["summary"]["sv"]
            shadow.deadline = row["deadline"]["sv"]
            for name in RICH_GOAL_FIELDS:
                setattr(shadow, name, plain_to_html(row[name]["sv"]))

        translate(goal, sv, apply)
    return goal


def load_plan(home_fi, fi, sv):
    data = load_data()
    _areas, indicators = load_areas_and_indicators(data)
    with transaction.atomic():
        plan = _ensure_plan(home_fi, fi, sv, data["plan"])
        measures = {
            row["key"]: _ensure_measure(fi, sv, row) for row in data["measures"]
        }
        for row in data["goals"]:
            _ensure_goal(plan, fi, sv, row, measures, indicators)
    return {
        "goals": GoalPage.objects.count(),
        "measures": Measure.objects.count(),
        "indicator values": IndicatorValue.objects.count(),
    }
