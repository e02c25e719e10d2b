import pytest
from django.test import override_settings

from participation.panels import services, stats
from participation.panels.demo import SLUG
from participation.panels.models import Answer, Panel, Round

from .conftest import make_members

pytestmark = pytest.mark.django_db


def answer_all(round_, n, value=4):
    scale = round_.questions.get(kind="scale")
    text = round_.questions.get(kind="text")
    for invitation in list(round_.invitations.all())[:n]:
        services.submit_answers(invitation, {scale.pk: value, text.pk: "Kommentti"})


def test_small_groups_are_suppressed(panel, areas, open_round):
    make_members(panel, areas, 12)
    services.send_invitations(open_round)
    answer_all(open_round, 3)
    results = stats.round_results(open_round)
    assert results["suppressed"] and results["responses"] == 3
    for question in results["questions"]:
        assert question["counts"] == [] and question["texts"] == []
        assert question["answered"] is None
    rates = stats.response_rates(open_round)
    assert rates["overall"]["suppressed"] and rates["overall"]["rate"] is None
    assert all(row["suppressed"] for row in rates["municipality"])
    # With a smaller minimum the same figures show.
    results = stats.round_results(open_round, min_group=3)
    scale = results["questions"][0]
    assert dict((v, n) for v, _label, n in scale["counts"])[4] == 3
    assert results["questions"][4]["texts"] == ["Kommentti"] * 3
    assert stats.response_rates(open_round, min_group=3)["overall"]["rate"] == 0.25


@override_settings(PANEL_MIN_GROUP_SIZE=2)
def test_setting_controls_minimum(panel, areas, open_round):
    make_members(panel, areas, 4)
    services.send_invitations(open_round)
    answer_all(open_round, 2)
    assert not stats.round_results(open_round)["suppressed"]


def test_demo_results_agree_with_raw_rows(django_assert_max_num_queries):
    round_ = Round.objects.get(panel__slug=SLUG, status=Round.Status.CLOSED)
    with django_assert_max_num_queries(6):
        results = stats.round_results(round_)
    assert not results["suppressed"] and results["responses"] > 20
    for question in results["questions"]:
        raw = Answer.objects.filter(question_id=question["id"])
        if question["kind"] == "text":
            assert len(question["texts"]) == raw.count()
        else:
            assert sum(n for _v, _l, n in question["counts"]) == raw.count()
    nps = results["questions"][1]
    assert -100 <= nps["nps"] <= 100
    with django_assert_max_num_queries(6):
        rates = stats.response_rates(round_)
    panel = Panel.objects.get(slug=SLUG)
    assert rates["overall"]["invited"] == panel.draws.first().selected_count
    # Pornainen has too few members to show.
    pornainen = [r for r in rates["municipality"] if r["name"] == "Pornainen"]
    assert pornainen and pornainen[0]["suppressed"]
