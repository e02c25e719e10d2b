import pytest

from participation.panels import services
from participation.panels.demo import SLUG
from participation.panels.models import Member, Panel, PanelDraw

pytestmark = pytest.mark.django_db


def test_largest_remainder_sums_and_is_proportional():
    seats = services.largest_remainder({"a": 47, "b": 45, "c": 5}, 10)
    assert sum(seats.values()) == 10
    assert seats == {"a": 5, "b": 5, "c": 0} or seats["c"] <= 1


def synthetic_applicants(n=600):
    codes = ["106", "186", "505", "543", "611", "858"]
    ages = ["18-29", "30-44", "45-64", "65-74", "75+"]
    # Skewed: far more applicants from the first municipality and the old.
    rows = []
    for i in range(n):
        code = codes[0] if i % 3 == 0 else codes[(i // 3) % len(codes)]
        age = ages[4] if i % 4 == 0 else ages[(i // 7) % len(ages)]
        rows.append((i + 1, code, age))
    return rows


MUNI = {"106": 0.23, "186": 0.22, "505": 0.1, "543": 0.22, "611": 0.03, "858": 0.2}
AGES = {"18-29": 0.17, "30-44": 0.25, "45-64": 0.32, "65-74": 0.14, "75+": 0.12}


def test_same_seed_same_result_other_seed_other_result():
    rows = synthetic_applicants()
    first = services.plan_draw(rows, MUNI, AGES, 100, seed=42)
    assert first == services.plan_draw(list(reversed(rows)), MUNI, AGES, 100, 42)
    assert first != services.plan_draw(rows, MUNI, AGES, 100, seed=43)
    assert len(first) == len(set(first)) == 100


def test_shares_within_tolerance():
    rows = synthetic_applicants()
    chosen = set(services.plan_draw(rows, MUNI, AGES, 100, seed=7))
    selected = [(code, age) for pk, code, age in rows if pk in chosen]
    report = services.deviation_report(selected, MUNI, AGES)
    assert report["max_deviation"] <= 3.0
    # Without the stratification the skew of the applicants would show.
    everyone = services.deviation_report([(c, a) for _pk, c, a in rows], MUNI, AGES)
    assert everyone["max_deviation"] > 10


def test_scarce_stratum_gives_its_seats_to_others():
    rows = [(1, "611", "18-29")] + [(i, "106", "45-64") for i in range(2, 50)]
    chosen = services.plan_draw(rows, MUNI, AGES, 20, seed=1)
    assert len(chosen) == 20 and 1 in chosen


def test_demo_draw_is_reproducible_and_stored():
    panel = Panel.objects.get(slug=SLUG)
    demo = panel.draws.get()
    assert demo.seed and demo.selected_count == panel.target_size
    members = set(panel.members.members().values_list("pk", flat=True))
    again = services.draw(panel, PanelDraw.Method.STRATIFIED, size=60, seed=demo.seed)
    assert set(panel.members.members().values_list("pk", flat=True)) == members
    assert again.report == demo.report
    assert again.report["max_deviation"] <= 5.0
    assert {row["key"] for row in again.report["municipality"]} >= {"106", "611"}


def test_draw_all_selects_every_confirmed_applicant():
    panel = Panel.objects.get(slug=SLUG)
    draw = services.draw(panel, PanelDraw.Method.ALL)
    assert draw.selected_count == panel.members.applicants().count()
    assert not panel.members.filter(status=Member.Status.NOT_SELECTED).exists()
