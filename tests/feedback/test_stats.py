"""The NPS function against hand-computed numbers."""

import datetime

import pytest
from django.utils import timezone

from feedback.models import Channel, Feedback, ServiceUnit
from feedback.stats import monthly_nps, nps, nps_by_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    area = ServiceUnit.objects.create(
        name_fi="Testialue", name_sv="Testområde", slug="t-area"
    )
    service = ServiceUnit.objects.create(
        parent=area, name_fi="Palvelu", name_sv="Tjänst", slug="t-service"
    )
    a = ServiceUnit.objects.create(parent=service, name_fi="A", name_sv="A", slug="t-a")
    b = ServiceUnit.objects.create(parent=service, name_fi="B", name_sv="B", slug="t-b")
    return area, service, a, b


def at(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


@pytest.fixture
def responses(tree):
    _area, _service, a, b = tree
    rows = [
        # unit, score, channel, language, date
        (a, 10, Channel.WEB, "fi", at(2025, 1, 5)),
        (a, 9, Channel.QR, "fi", at(2025, 1, 20)),
        (a, 8, Channel.QR, "sv", at(2025, 1, 31)),
        (a, 6, Channel.WEB, "fi", at(2025, 2, 1)),
        (a, 0, Channel.PAPER, "sv", at(2025, 2, 14)),
        (b, 10, Channel.QR, "fi", at(2025, 2, 15)),
        (b, 7, Channel.EMBED, "fi", at(2025, 3, 1)),
        (b, 3, Channel.QR, "sv", at(2025, 3, 2)),
        (b, None, Channel.WIDGET, "fi", at(2025, 3, 3)),  # no score: left out
    ]
    Feedback.objects.bulk_create(
        Feedback(unit=u, nps=s, channel=c, language=lang, created_at=d)
        for u, s, c, lang, d in rows
    )
    return tree


def test_nps_of_a_subtree_hand_computed(responses, django_assert_num_queries):
    area, _service, a, b = responses
    with django_assert_num_queries(1):
        result = nps(units=[area])
    # 8 scored: promoters 10, 9, 10 = 3; passives 8, 7 = 2; detractors 6, 0, 3 = 3
    assert result == {
        "n": 8,
        "promoters": 3,
        "passives": 2,
        "detractors": 3,
        "nps": 0.0,
    }
    # Unit A: 5 scored, promoters 2, detractors 2 -> 0; B: 3 scored, 1 - 1 -> 0
    assert nps(units=[a])["n"] == 5
    # QR only: 9, 8, 10, 3 -> promoters 2, detractors 1 of 4 = 25.0
    assert nps(units=[area], channels=[Channel.QR])["nps"] == 25.0
    # Swedish: 8, 0, 3 -> 0 promoters, 2 detractors of 3 = -66.7
    assert nps(units=[area], languages=["sv"]) == {
        "n": 3,
        "promoters": 0,
        "passives": 1,
        "detractors": 2,
        "nps": -66.7,
    }
    # January: 10, 9, 8 -> 2 of 3 promoters = 66.7
    jan = nps(
        units=[area],
        date_from=datetime.date(2025, 1, 1),
        date_to=datetime.date(2025, 1, 31),
    )
    assert (jan["n"], jan["nps"]) == (3, 66.7)
    # Unit B, QR + embed, Finnish: 10, 7 -> 1 of 2 = 50.0
    assert (
        nps(units=[b], channels=[Channel.QR, Channel.EMBED], languages=["fi"])["nps"]
        == 50.0
    )


def test_nps_without_responses_is_none(tree):
    assert nps(units=[tree[2]], channels=["phone"]) == {
        "n": 0,
        "promoters": 0,
        "passives": 0,
        "detractors": 0,
        "nps": None,
    }


def test_nps_of_a_queryset(responses):
    area = responses[0]
    assert nps(Feedback.objects.filter(unit__slug="t-b"))["n"] == 3
    assert nps(Feedback.objects.filter(unit__slug="t-b"), units=[area])["n"] == 3


def test_monthly_series_in_one_query(responses, django_assert_num_queries):
    area = responses[0]
    with django_assert_num_queries(1):
        series = monthly_nps(units=[area])
    assert [(r["month"], r["n"]) for r in series] == [
        (datetime.date(2025, 1, 1), 3),
        (datetime.date(2025, 2, 1), 3),
        (datetime.date(2025, 3, 1), 2),
    ]


def test_monthly_series_hand_computed(responses):
    area = responses[0]
    rows = {r["month"]: r for r in monthly_nps(units=[area])}
    # February: 6, 0, 10 -> promoters 1, detractors 2 of 3 = -33.3
    feb = rows[datetime.date(2025, 2, 1)]
    assert (feb["n"], feb["promoters"], feb["detractors"], feb["nps"]) == (
        3,
        1,
        2,
        -33.3,
    )
    # March: 7, 3 -> 0 - 1 of 2 = -50.0
    assert rows[datetime.date(2025, 3, 1)]["nps"] == -50.0
    assert rows[datetime.date(2025, 1, 1)]["nps"] == 66.7


def test_by_unit(responses):
    _area, _service, a, b = responses
    rows = {r["unit_id"]: r for r in nps_by_unit(units=[responses[0]])}
    assert rows[a.pk]["nps"] == 0.0 and rows[a.pk]["n"] == 5
    assert rows[b.pk]["nps"] == 0.0 and rows[b.pk]["n"] == 3


def test_demo_data_nps_matches_python(db):
    scores = list(
        Feedback.objects.filter(is_demo=True, nps__isnull=False).values_list(
            "nps", flat=True
        )
    )
    promoters = sum(1 for s in scores if s >= 9)
    detractors = sum(1 for s in scores if s <= 6)
    expected = round(100 * (promoters - detractors) / len(scores), 1)
    assert nps(Feedback.objects.filter(is_demo=True))["nps"] == expected
