import pytest
from wagtail.models import Locale

from tests.factories import MeasureFactory
from website.core.translation import translate
from website.plan.models import (
    GoalMeasure,
    GoalPage,
    Measure,
    MeasureStatus,
    MeasureStatusChange,
)

pytestmark = pytest.mark.django_db


def _publish(measure, user=None, **changes):
    for name, value in changes.items():
        setattr(measure, name, value)
    revision = measure.save_revision(user=user)
    revision.publish(user=user)
    return Measure.objects.get(pk=measure.pk)


def _translate_measure(measure):
    sv = Locale.objects.get(language_code="sv")

    def apply(shadow):
        shadow.title = "Teståtgärd"
        shadow.responsible = "Keusote, kommunerna"

    return translate(measure, sv, apply)


def test_publishing_a_new_status_records_who_when_from_to_and_note(staff_user):
    measure = MeasureFactory()
    measure = _publish(measure, user=staff_user)
    sv_measure = _translate_measure(measure)

    measure = _publish(
        measure,
        user=staff_user,
        status=MeasureStatus.IN_PROGRESS,
        status_note="Työ alkoi syksyllä.",
    )

    history = list(measure.get_status_history())
    assert [(h.from_status, h.to_status) for h in history] == [
        ("not_started", "in_progress"),
        ("", "not_started"),
    ]
    latest = history[0]
    assert latest.changed_by == staff_user
    assert latest.note == "Työ alkoi syksyllä."
    # The Swedish measure shares the status and the history.
    sv_measure.refresh_from_db()
    assert sv_measure.status == MeasureStatus.IN_PROGRESS
    assert list(sv_measure.get_status_history()) == history


def test_publishing_without_status_change_records_nothing(staff_user):
    measure = _publish(MeasureFactory(), user=staff_user)
    count = MeasureStatusChange.objects.count()
    _publish(measure, user=staff_user, title="Uusi otsikko")
    assert MeasureStatusChange.objects.count() == count


def test_a_translation_cannot_change_the_status(staff_user):
    measure = _publish(MeasureFactory(), user=staff_user)
    sv_measure = _translate_measure(measure)
    _publish(sv_measure, user=staff_user, status=MeasureStatus.DONE)
    sv_measure.refresh_from_db()
    assert sv_measure.status == MeasureStatus.NOT_STARTED
    assert not MeasureStatusChange.objects.filter(
        translation_key=measure.translation_key, to_status=MeasureStatus.DONE
    ).exists()


def test_set_status_to_the_same_value_is_not_a_change():
    measure = MeasureFactory(status=MeasureStatus.DONE)
    assert measure.set_status(MeasureStatus.DONE) is None
    assert not measure.get_status_history().exists()


def test_one_measure_serves_several_goals(goal_pages):
    shared = (
        Measure.objects.filter(locale__language_code="fi")
        .annotate_goal_count()
        .filter(goal_count__gt=1)
    )
    assert shared.exists(), "the deck has measures that serve several goals"
    measure = shared.first()
    goals = list(measure.get_goals())
    assert len(goals) > 1
    # The same measure appears in each of those goals' tables, in both languages.
    sv_measure = measure.get_translation(Locale.objects.get(language_code="sv"))
    for goal in goals:
        assert measure in goal.get_measures()
        assert sv_measure in goal.get_translation(sv_measure.locale).get_measures()


def test_status_counts_are_per_goal_and_locale(goal_pages):
    goals = [pair[0] for pair in goal_pages.values()] + [
        pair[1] for pair in goal_pages.values()
    ]
    counts = GoalPage.status_counts_for(goals)
    for fi_goal, sv_goal in goal_pages.values():
        expected = {}
        for measure in fi_goal.get_measures():
            expected[measure.status] = expected.get(measure.status, 0) + 1
        assert counts[fi_goal.pk] == expected
        assert counts[sv_goal.pk] == expected


def test_goal_measure_links_are_unique(goal_pages):
    fi_goal = goal_pages[1][0]
    link = fi_goal.measure_links.first()
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        GoalMeasure.objects.create(page=fi_goal, measure=link.measure, sort_order=99)


def test_unpublished_measure_is_not_shown(goal_pages):
    fi_goal = goal_pages[1][0]
    measure = fi_goal.get_measures()[0]
    measure.unpublish()
    assert measure not in GoalPage.objects.get(pk=fi_goal.pk).get_measures()
