"""Audit findings 2 (answer stuffing) and 5 (answers linkable to members),
attacked as the auditor did: real posts through the personal link."""

import re
import threading

import pytest
from django.core import mail
from django.db import connection, models
from django.db.models.fields import AutoFieldMixin
from django.test import Client, override_settings

from participation.panels import services, stats
from participation.panels.models import (
    Answer,
    Member,
    Question,
    Response,
    RoundInvitation,
)

from .conftest import make_members


def answer_path(message):
    return re.search(r"https?://[^/\s]+(/\S+/r/\S+/)", message.body).group(1)


@pytest.fixture
def invited(db, panel, areas, open_round, django_capture_on_commit_callbacks):
    make_members(panel, areas, 6)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.send_invitations(open_round)
    return open_round


def questions(round_):
    return {q.kind: q for q in round_.questions.all()}


# --- finding 2 -------------------------------------------------------------------


@pytest.mark.django_db
def test_same_option_900_times_is_refused(client, invited):
    q = questions(invited)
    path = answer_path(mail.outbox[0])
    response = client.post(
        path,
        {f"q{q['scale'].pk}": "3", f"q{q['multiple'].pk}": ["1"] * 900},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert "Valitse kukin vaihtoehto enintään kerran." in html
    assert not Answer.objects.filter(question=q["multiple"]).exists()
    assert not Response.objects.filter(round=invited).exists()
    # The link still works for a proper answer.
    response = client.post(
        path, {f"q{q['scale'].pk}": "3", f"q{q['multiple'].pk}": ["0", "1"]}
    )
    assert response.status_code == 200
    assert sorted(
        Answer.objects.filter(question=q["multiple"]).values_list("value", flat=True)
    ) == [0, 1]


@pytest.mark.django_db
def test_option_not_of_the_question_and_long_text_are_refused(client, invited):
    q = questions(invited)
    path = answer_path(mail.outbox[0])
    for data in (
        {f"q{q['multiple'].pk}": ["7"]},
        {f"q{q['single'].pk}": "3"},
        {f"q{q['text'].pk}": "x" * 4001},
    ):
        data[f"q{q['scale'].pk}"] = "3"
        assert client.post(path, data).status_code == 200
    assert not Response.objects.filter(round=invited).exists()


@pytest.mark.django_db
def test_service_refuses_what_no_form_sends(invited, open_round):
    q = questions(invited)
    invitation = RoundInvitation.objects.filter(round=invited).first()
    for answers in (
        {q["multiple"].pk: [1] * 900},
        {q["multiple"].pk: [9]},
        {q["scale"].pk: 6},
        {q["text"].pk: "x" * 4001},
        {q["scale"].pk + 1000: 3},
    ):
        with pytest.raises(services.InvalidAnswers):
            services.submit_answers(invitation, answers)
    assert not Response.objects.filter(round=invited).exists()
    invitation.refresh_from_db()
    assert not invitation.answered


@pytest.mark.django_db
def test_second_post_of_the_same_answer_is_refused(client, invited):
    q = questions(invited)
    path = answer_path(mail.outbox[0])
    data = {f"q{q['scale'].pk}": "5", f"q{q['multiple'].pk}": ["2"]}
    assert client.post(path, data).status_code == 200
    for _i in range(3):
        assert client.post(path, data).status_code == 410
    assert Response.objects.filter(round=invited).count() == 1
    assert Answer.objects.filter(question=q["scale"]).count() == 1


@pytest.mark.django_db
def test_database_keeps_each_value_once():
    from django.db import IntegrityError, transaction

    assert any(
        isinstance(c, models.UniqueConstraint)
        and set(c.fields) == {"response", "question", "value"}
        for c in Answer._meta.constraints
    )
    from participation.panels.models import Round

    round_ = Round.objects.filter(responses__isnull=False).first()
    response = round_.responses.first()
    question = round_.questions.get(kind=Question.Kind.MULTIPLE)
    value = Answer.objects.filter(response=response, question=question).first().value
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(response=response, question=question, value=value)


@pytest.fixture
def demo_after_flush(transactional_db):
    """Transactional tests run last and find the database flushed by the
    ones before them: put the demo (municipalities, units) back first."""
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="threads need a real server"
)
@pytest.mark.django_db(transaction=True)
def test_simultaneous_posts_store_one_response(
    demo_after_flush, panel, areas, open_round
):
    make_members(panel, areas, 1)
    mail.outbox.clear()
    services.send_invitations(open_round)
    invitation = RoundInvitation.objects.get(round=open_round)
    path = f"/fi/paneelit/r/{invitation.token()}/"
    q = questions(open_round)
    barrier = threading.Barrier(8)
    codes = []

    def post():
        barrier.wait()
        codes.append(Client().post(path, {f"q{q['scale'].pk}": "4"}).status_code)
        connection.close()

    threads = [threading.Thread(target=post) for _i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [200] + [410] * 7
    assert Response.objects.filter(round=open_round).count() == 1


# --- finding 5 -------------------------------------------------------------------


def test_answers_carry_nothing_to_join_on():
    """No member, no stratum, no time finer than the round, no ordered ids."""
    for model in (Response, Answer):
        fields = {f.name: f for f in model._meta.get_fields()}
        related = {f.related_model for f in fields.values() if f.is_relation}
        assert Member not in related and RoundInvitation not in related
        assert not {"municipality", "age_group", "language"} & set(fields)
        assert not [f for f in fields.values() if isinstance(f, models.DateTimeField)]
        assert not isinstance(model._meta.pk, AutoFieldMixin)
    invitation_fields = {f.name for f in RoundInvitation._meta.get_fields()}
    assert "answered_at" not in invitation_fields
    assert "reminded_at" not in invitation_fields


@pytest.mark.django_db
def test_answer_order_and_time_are_not_stored(client, invited):
    q = questions(invited)
    paths = [answer_path(m) for m in mail.outbox]
    for path in paths[:5]:
        assert client.post(path, {f"q{q['scale'].pk}": "4"}).status_code == 200
    ids = list(
        Response.objects.filter(round=invited)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    assert len(ids) == 5
    # Random ids: not the order of answering (and far apart).
    assert min(b - a for a, b in zip(ids, ids[1:], strict=False)) > 1000
    invited.refresh_from_db()
    assert set(
        Response.objects.filter(round=invited).values_list("submitted_on", flat=True)
    ) == {invited.opened_at.date()}
    # The marker says "answered", nothing more.
    marked = RoundInvitation.objects.filter(round=invited, answered=True)
    assert marked.count() == 5


@pytest.mark.django_db
def test_response_rates_come_from_the_markers_and_survive_closing(client, invited):
    q = questions(invited)
    paths = [answer_path(m) for m in mail.outbox]
    for path in paths[:5]:
        client.post(path, {f"q{q['scale'].pk}": "2"})
    before = stats.response_rates(invited)
    assert before["overall"]["responded"] == 5
    assert sum(r["responded"] or 0 for r in before["age_group"]) <= 5
    services.close_round(invited)
    invited.refresh_from_db()
    assert invited.responded_counts["total"] == 5
    after = stats.response_rates(invited)
    assert after == before
    assert not RoundInvitation.objects.filter(
        round=invited, member__isnull=False
    ).exists()


@pytest.mark.django_db
def test_admin_shows_only_suppressed_aggregates(client, admin_user, invited):
    q = questions(invited)
    paths = [answer_path(m) for m in mail.outbox]
    for path in paths[:3]:
        client.post(
            path, {f"q{q['scale'].pk}": "2", f"q{q['text'].pk}": "Salainen kommentti"}
        )
    client.force_login(admin_user)
    html = client.get(f"/admin/panels/rounds/{invited.pk}/results/").content.decode()
    assert 'id="results-suppressed"' in html
    assert "Salainen kommentti" not in html
    with override_settings(PANEL_MIN_GROUP_SIZE=3):
        html = client.get(
            f"/admin/panels/rounds/{invited.pk}/results/"
        ).content.decode()
    assert "Salainen kommentti" in html
