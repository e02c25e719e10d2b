import pytest
from django.utils import timezone

from participation.panels.models import (
    ConsentVersion,
    Member,
    Panel,
    Question,
    Round,
)
from website.indicators.models import Area


@pytest.fixture
def areas(db):
    return {a.code: a for a in Area.objects.filter(kind=Area.Kind.MUNICIPALITY)}


@pytest.fixture
def panel(areas):
    panel = Panel.objects.create(
        slug="testipaneeli",
        name_fi="Testipaneeli",
        name_sv="Testpanel",
        purpose_fi="Tarkoitus",
        purpose_sv="Syfte",
        target_size=10,
    )
    panel.municipalities.set(areas.values())
    ConsentVersion.objects.create(
        panel=panel,
        version=1,
        consent_fi="Suostun v1",
        consent_sv="Jag samtycker v1",
        privacy_fi="Tietosuoja",
        privacy_sv="Dataskydd",
    )
    ConsentVersion.objects.create(
        panel=panel,
        version=2,
        consent_fi="Suostun v2",
        consent_sv="Jag samtycker v2",
        privacy_fi="Tietosuoja",
        privacy_sv="Dataskydd",
    )
    panel.background_questions.create(
        key="services",
        text_fi="Käytätkö palveluja?",
        text_sv="Använder du tjänsterna?",
        choices_fi="Kyllä\nEi",
        choices_sv="Ja\nNej",
    )
    return panel


def make_members(panel, areas, n, status=Member.Status.MEMBER, language="fi"):
    codes = sorted(areas)
    ages = ["18-29", "30-44", "45-64", "65-74", "75+"]
    consent = panel.current_consent()
    now = timezone.now()
    return Member.objects.bulk_create(
        Member(
            panel=panel,
            email=f"m{i}@example.com",
            municipality=areas[codes[i % len(codes)]],
            age_group=ages[i % len(ages)],
            language=language,
            consent=consent,
            consented_at=now,
            confirmed_at=now,
            status=status,
        )
        for i in range(n)
    )


@pytest.fixture
def open_round(panel, areas):
    round_ = Round.objects.create(
        panel=panel, title_fi="Kierros", title_sv="Omgång", intro_fi="", intro_sv=""
    )
    specs = [
        (Question.Kind.SCALE, "", ""),
        (Question.Kind.NPS, "", ""),
        (Question.Kind.SINGLE, "A\nB\nC", "A\nB\nC"),
        (Question.Kind.MULTIPLE, "X\nY\nZ", "X\nY\nZ"),
        (Question.Kind.TEXT, "", ""),
    ]
    for i, (kind, c_fi, c_sv) in enumerate(specs):
        Question.objects.create(
            round=round_,
            kind=kind,
            text_fi=f"Kysymys {i}",
            text_sv=f"Fråga {i}",
            choices_fi=c_fi,
            choices_sv=c_sv,
            sort_order=i,
            required=kind == Question.Kind.SCALE,
        )
    return round_
