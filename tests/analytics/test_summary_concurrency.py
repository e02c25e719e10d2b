"""The monthly summary under concurrent refreshes, on PostgreSQL with two
real connections (threads): one row per bucket and the exact count.

Before the unique constraint and the row lock, "delete the bucket, count,
insert" under READ COMMITTED let both refreshes insert the bucket, and the
dashboard summed it twice."""

import datetime
import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone

from feedback.models import Feedback
from participation.analytics import summary
from participation.analytics.models import FeedbackMonthly

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="two real connections"
    ),
]

# A month before any demo answer; no unit: the NULL-unit bucket is one
# bucket too (the constraint coalesces it).
MONTH = datetime.date(2001, 1, 1)
BUCKET = (MONTH, None, "paper", "sv")
ROUNDS = 6


def _in_thread(work, *args):
    """Run `work` on a connection of its own (committed), re-raising."""
    errors = []

    def run():
        try:
            work(*args)
        except Exception as error:  # noqa: BLE001 - re-raised in the test
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def _answer():
    created = timezone.make_aware(datetime.datetime(2001, 1, 15, 12))
    return Feedback(channel="paper", language="sv", nps=8, created_at=created)


def _save_and_refresh(barrier):
    """What post_save does: a new answer and its bucket's refresh in one
    transaction; the barrier makes the two transactions overlap."""
    with transaction.atomic():
        Feedback.objects.bulk_create([_answer()])  # no signal: refresh below
        barrier.wait(timeout=10)
        summary.refresh(BUCKET)


def _clean():
    Feedback.objects.filter(
        created_at__year=2001, channel="paper", language="sv"
    ).delete()
    FeedbackMonthly.objects.filter(month=MONTH).delete()


def _join(*started):
    for thread, errors in started:
        thread.join(timeout=30)
        assert not thread.is_alive()
        if errors:
            raise errors[0]


def test_two_refreshes_at_once_count_each_answer_once():
    _join(_in_thread(_clean))
    try:
        for expected in range(2, 2 * ROUNDS + 1, 2):
            barrier = threading.Barrier(2)
            _join(
                _in_thread(_save_and_refresh, barrier),
                _in_thread(_save_and_refresh, barrier),
            )
            rows = list(
                FeedbackMonthly.objects.filter(month=MONTH).values_list("n", flat=True)
            )
            assert rows == [expected]
    finally:
        _join(_in_thread(_clean))
    assert not FeedbackMonthly.objects.filter(month=MONTH).exists()
