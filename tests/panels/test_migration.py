"""The migration to unlinkable answers (0003/0004) keeps the demo's closed
round's figures identical and removes stuffed duplicates."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from participation.panels import stats
from participation.panels.demo import SLUG
from participation.panels.models import Answer, Round

BEFORE = [("panels", "0002_round_goals")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_the_demo_round_figures():
    call_command("load_demo", verbosity=0)
    round_ = Round.objects.get(panel__slug=SLUG, status=Round.Status.CLOSED)
    results = stats.round_results(round_)
    rates = stats.response_rates(round_)
    assert not results["suppressed"] and results["responses"] > 20
    counts = round_.responded_counts
    answers = {}
    for response_id, question_id, value, text in Answer.objects.filter(
        question__round=round_
    ).values_list("response_id", "question_id", "value", "text"):
        answers.setdefault(response_id, []).append((question_id, value, text))
    # The stratum of each response, rebuilt from the kept marginals.
    munis = [int(k) for k, n in counts["municipality"].items() for _i in range(n)]
    ages = [k for k, n in counts["age_group"].items() for _i in range(n)]
    responses = list(round_.responses.values_list("pk", "submitted_on"))
    latest = [key for key in MigrationExecutor(connection).loader.graph.leaf_nodes()]
    Answer.objects.all().delete()
    round_.responses.all().delete()
    Round.objects.filter(pk=round_.pk).update(responded_counts={})

    old = migrate(BEFORE)
    OldResponse = old.get_model("panels", "Response")
    OldAnswer = old.get_model("panels", "Answer")
    stuffed = None
    for i, (pk, day) in enumerate(responses):
        response = OldResponse.objects.create(
            round_id=round_.pk,
            municipality_id=munis[i],
            age_group=ages[i],
            language="fi",
            submitted_on=day,
        )
        rows = [
            OldAnswer(response=response, question_id=q, value=v, text=t)
            for q, v, t in answers.get(pk, [])
        ]
        OldAnswer.objects.bulk_create(rows)
        if stuffed is None and rows and rows[0].value is not None:
            stuffed = rows[0]
    # What the auditor did: the same option many times in one response.
    OldAnswer.objects.bulk_create(
        OldAnswer(
            response_id=stuffed.response_id,
            question_id=stuffed.question_id,
            value=stuffed.value,
        )
        for _i in range(30)
    )

    migrate(latest)
    round_ = Round.objects.get(pk=round_.pk)
    assert round_.responded_counts["total"] == len(responses)
    assert stats.round_results(round_) == results
    assert stats.response_rates(round_) == rates
    assert set(round_.responses.values_list("submitted_on", flat=True)) == {
        round_.opened_at.date()
    }
