import uuid

import pytest
from wagtail.models import Locale

from website.core.translation import translate
from website.programs.models import (
    Program,
    ProgramStatusCard,
    ReportingPeriod,
    StatusLevel,
)


@pytest.fixture
def fi(db):
    return Locale.objects.get(language_code="fi")


@pytest.fixture
def sv(db):
    return Locale.objects.get(language_code="sv")


@pytest.fixture
def period(db):
    return ReportingPeriod.objects.create(year=2030, half=1)


@pytest.fixture
def make_program(fi):
    def make(name="Testiohjelma", sort_order=0, locale=None, publish=True):
        program = Program(
            name=name,
            sort_order=sort_order,
            locale=locale or fi,
            translation_key=uuid.uuid4(),
            live=False,
        )
        program.save()
        revision = program.save_revision()
        if publish:
            revision.publish()
        return program

    return make


@pytest.fixture
def make_card():
    def make(program, period, publish=True, **fields):
        values = {
            "overall": StatusLevel.ON_TRACK,
            "schedule": StatusLevel.ON_TRACK,
            "risks": StatusLevel.ON_TRACK,
            "resources": StatusLevel.ON_TRACK,
            "past_successes": "<p>Onnistuimme.</p>",
            "authors": "Testi Tekijä",
        }
        values.update(fields)
        card = ProgramStatusCard(
            program=program,
            period=period,
            locale_id=program.locale_id,
            translation_key=uuid.uuid4(),
            live=False,
            **values,
        )
        card.save()
        revision = card.save_revision()
        if publish:
            revision.publish()
            card.refresh_from_db()
        return card

    return make


@pytest.fixture
def translate_program(sv):
    def run(program, name):
        def apply(shadow):
            shadow.name = name

        return translate(program, sv, apply)

    return run


@pytest.fixture
def translate_card(sv):
    def run(card, past_successes="<p>Vi lyckades.</p>"):
        def apply(shadow):
            shadow.past_successes = past_successes

        return translate(card, sv, apply)

    return run
