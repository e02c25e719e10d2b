import pytest

from website.programs.models import ProgramStatusCard, ReportingPeriod
from website.programs.queries import history, overview, periods

pytestmark = pytest.mark.django_db


def test_overview_is_in_program_order_and_in_one_locale(
    make_program, make_card, period, fi, sv
):
    cards = [
        make_card(make_program(name=name, sort_order=order), period)
        for name, order in (("C", 30), ("A", 10), ("B", 20))
    ]
    make_card(make_program(name="Ruotsiksi", locale=sv), period)
    draft = make_card(make_program(name="Luonnos", sort_order=5), period, publish=False)
    result = list(overview(period, fi))
    assert [c.program.name for c in result] == ["A", "B", "C"]
    assert draft not in result
    assert set(result) <= set(cards)
    assert [c.program.name for c in overview(period, sv)] == ["Ruotsiksi"]


@pytest.mark.parametrize("programs", [1, 8])
def test_overview_takes_one_query_whatever_the_number_of_programs(
    make_program, make_card, period, fi, programs, django_assert_num_queries
):
    for i in range(programs):
        make_card(make_program(name=f"P{i}", sort_order=i), period)
    with django_assert_num_queries(1):
        cards = list(overview(period, fi))
        for card in cards:
            assert card.program.name
            assert card.period.label
            assert card.levels
    assert len(cards) == programs


def test_history_is_newest_first_in_the_requested_locale(
    make_program, make_card, fi, sv, translate_program, translate_card
):
    program = make_program()
    sv_program = translate_program(program, "Programmet")
    order = [(2031, 1), (2029, 2), (2031, 2), (2030, 1)]
    for year, half in order:
        period = ReportingPeriod.objects.create(year=year, half=half)
        translate_card(make_card(program, period))
    expected = [(2031, 2), (2031, 1), (2030, 1), (2029, 2)]
    for source, locale in ((program, fi), (program, sv), (sv_program, sv)):
        cards = list(history(source, locale))
        assert [(c.period.year, c.period.half) for c in cards] == expected
        assert {c.locale_id for c in cards} == {locale.pk}


def test_history_leaves_out_drafts(make_program, make_card, period, fi):
    program = make_program()
    make_card(program, period, publish=False)
    assert list(history(program, fi)) == []
    ProgramStatusCard.objects.filter(program=program).delete()


def test_periods_newest_first_and_only_with_cards_in_the_locale(
    make_program, make_card, fi, sv
):
    empty = ReportingPeriod.objects.create(year=2040, half=2)
    used = ReportingPeriod.objects.create(year=2040, half=1)
    make_card(make_program(), used)
    all_periods = list(periods())
    assert all_periods[0] == empty
    assert all_periods == sorted(
        all_periods, key=lambda p: (p.year, p.half), reverse=True
    )
    in_fi = list(periods(fi))
    assert used in in_fi and empty not in in_fi
    assert used not in list(periods(sv))
