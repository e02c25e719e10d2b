import pytest
from wagtail_localize.models import Translation

from website.programs.demo import load_programs
from website.programs.models import (
    Program,
    ProgramStatusCard,
    ReportingPeriod,
    StatusLevel,
)

pytestmark = pytest.mark.django_db


def counts():
    return {
        "programs": Program.objects.count(),
        "periods": ReportingPeriod.objects.count(),
        "cards": ProgramStatusCard.objects.count(),
        "translations": Translation.objects.count(),
    }


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_demo_has_two_programs_with_two_2024_cards_each(language):
    programs = Program.objects.filter(locale__language_code=language, live=True)
    assert programs.count() == 2
    cards = ProgramStatusCard.objects.filter(
        locale__language_code=language, live=True, period__year=2024
    )
    assert sorted((c.program_id, c.period.half) for c in cards) == sorted(
        (p.pk, half) for p in programs for half in (1, 2)
    )
    for card in cards:
        assert card.authors.startswith("Demo:")
        assert all([card.past_successes, card.coming_tasks, card.achievements])


def test_demo_uses_more_than_one_level():
    levels = set()
    for card in ProgramStatusCard.objects.all():
        levels.update(level for _d, level, _l, _s in card.levels)
    assert levels == set(StatusLevel)


def test_swedish_cards_are_wagtail_localize_translations(sv):
    for card in ProgramStatusCard.objects.filter(locale=sv):
        source = ProgramStatusCard.objects.get(
            translation_key=card.translation_key, locale__language_code="fi"
        )
        assert Translation.objects.filter(
            source__object_id=card.translation_key, target_locale=sv
        ).exists()
        assert card.past_successes != source.past_successes
        assert card.past_successes.count("<li>") == source.past_successes.count("<li>")
        for name in ("overall", "schedule", "risks", "resources", "authors"):
            assert getattr(card, name) == getattr(source, name)


def test_loader_run_again_changes_nothing(fi, sv):
    before = counts()
    summary = load_programs(fi, sv)
    assert counts() == before
    assert summary["program status cards"] == 8


def test_loader_keeps_staff_edits(fi, sv):
    card = ProgramStatusCard.objects.filter(locale=fi).first()
    card.overall = StatusLevel.CRITICAL
    card.save_revision().publish()
    load_programs(fi, sv)
    card.refresh_from_db()
    assert card.overall == StatusLevel.CRITICAL
