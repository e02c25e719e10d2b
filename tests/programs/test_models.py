import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from wagtail_localize.fields import get_translatable_fields

from website.programs.models import (
    LEVEL_SYMBOLS,
    SHARED_FIELDS,
    ProgramStatusCard,
    ReportingPeriod,
    StatusLevel,
)

pytestmark = pytest.mark.django_db


def test_one_card_per_program_and_period_in_a_language(make_program, make_card, period):
    program = make_program()
    make_card(program, period)
    duplicate = ProgramStatusCard(
        program=program, period=period, locale_id=program.locale_id, authors="X"
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "period" in error.value.message_dict
    # The database enforces it too.
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_the_same_program_may_have_a_card_in_another_period(
    make_program, make_card, period
):
    program = make_program()
    make_card(program, period)
    other = ReportingPeriod.objects.create(year=period.year, half=2)
    card = ProgramStatusCard(
        program=program, period=other, locale_id=program.locale_id, authors="X"
    )
    card.full_clean()


def test_card_and_program_must_share_the_language(make_program, period, sv):
    program = make_program()
    card = ProgramStatusCard(program=program, period=period, locale=sv, authors="X")
    with pytest.raises(ValidationError) as error:
        card.full_clean()
    assert "program" in error.value.message_dict


def test_period_is_unique_and_labelled_in_each_language(period):
    with pytest.raises(ValidationError):
        ReportingPeriod(year=period.year, half=period.half).full_clean()
    labels = set()
    for language in ("fi", "sv"):
        with translation.override(language):
            label = period.label
            assert label == translation.gettext("%(year)s / first half") % {
                "year": 2030
            }
            labels.add(label)
    second = ReportingPeriod(year=2030, half=2)
    assert "2030" in second.label
    assert second.label != period.label


def test_statuses_and_authors_are_synchronised_fields():
    fields = {f.field_name: f for f in get_translatable_fields(ProgramStatusCard)}
    for name in SHARED_FIELDS:
        assert fields[name].is_synchronized(None)
        assert not fields[name].is_overridable(None)
    for name in ("past_successes", "coming_tasks", "achievements", "attention"):
        assert fields[name].is_translated(None)


def test_translation_keeps_statuses_and_authors(
    make_program, make_card, period, sv, translate_program, translate_card
):
    program = make_program(name="Ohjelma")
    translate_program(program, "Programmet")
    card = make_card(
        program,
        period,
        overall=StatusLevel.AT_RISK,
        risks=StatusLevel.CRITICAL,
        authors="Maija Meikäläinen",
    )
    sv_card = translate_card(card)
    assert sv_card.locale == sv
    assert sv_card.program.locale == sv
    assert sv_card.program.name == "Programmet"
    assert sv_card.past_successes == "<p>Vi lyckades.</p>"
    for name in SHARED_FIELDS:
        assert getattr(sv_card, name) == getattr(card, name)


def test_publishing_the_source_card_updates_its_translations(
    make_program, make_card, period, translate_program, translate_card
):
    program = make_program()
    translate_program(program, "Programmet")
    card = make_card(program, period)
    sv_card = translate_card(card)

    card.resources = StatusLevel.CRITICAL
    card.authors = "Uusi Laatija"
    card.save_revision().publish()
    sv_card.refresh_from_db()
    assert sv_card.resources == StatusLevel.CRITICAL
    assert sv_card.authors == "Uusi Laatija"

    # A translation published from an older snapshot is corrected from the
    # source, and never changes the source.
    sv_card.resources = StatusLevel.ON_TRACK
    sv_card.save_revision().publish()
    sv_card.refresh_from_db()
    card.refresh_from_db()
    assert sv_card.resources == card.resources == StatusLevel.CRITICAL


def test_each_level_has_a_distinct_symbol_and_label():
    assert len(set(LEVEL_SYMBOLS.values())) == len(StatusLevel)
    assert set(LEVEL_SYMBOLS) == set(StatusLevel)
    assert len({level.label for level in StatusLevel}) == len(StatusLevel)
