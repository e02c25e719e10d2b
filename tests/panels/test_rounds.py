import re

import pytest
from django.core import mail

from participation.panels import services
from participation.panels.models import (
    Answer,
    Member,
    Response,
    Round,
    RoundInvitation,
)

from .conftest import make_members

pytestmark = pytest.mark.django_db


def answer_path(message):
    return re.search(r"https?://[^/\s]+(/\S+/r/\S+/)", message.body).group(1)


@pytest.fixture
def invited(panel, areas, open_round, django_capture_on_commit_callbacks):
    members = make_members(panel, areas, 6)
    Member.objects.filter(pk=members[0].pk).update(language="sv")
    make_members_left = Member.objects.filter(pk=members[5].pk)
    make_members_left.update(status=Member.Status.NOT_SELECTED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_invitations(open_round) == 5
    return open_round


def test_invitations_have_personal_unguessable_links(invited):
    assert len(mail.outbox) == 5
    paths = [answer_path(m) for m in mail.outbox]
    assert len(set(paths)) == 5
    sv = [p for p in paths if p.startswith("/sv/paneler/r/")]
    assert len(sv) == 1
    for invitation in RoundInvitation.objects.filter(round=invited):
        assert invitation.sent_at is not None
        # Only a hash of the token is stored.
        assert invitation.token() not in invitation.token_hash
        assert len(invitation.token()) >= 32
    invited.refresh_from_db()
    assert invited.status == Round.Status.OPEN


def test_answering_stores_nothing_about_the_member(client, invited):
    path = answer_path(mail.outbox[0])
    questions = list(invited.questions.all())
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    data = {
        f"q{questions[0].pk}": "4",
        f"q{questions[1].pk}": "9",
        f"q{questions[2].pk}": "1",
        f"q{questions[3].pk}": ["0", "2"],
        f"q{questions[4].pk}": "Hyvä paneeli",
    }
    response = client.post(path, data)
    assert response.status_code == 200
    stored = Response.objects.get(round=invited)
    values = sorted(
        Answer.objects.filter(response=stored)
        .exclude(value=None)
        .values_list("value", flat=True)
    )
    assert values == [0, 1, 2, 4, 9]
    assert Answer.objects.get(response=stored, value=None).text == "Hyvä paneeli"
    # No relation from answers to members.
    for model in (Response, Answer):
        related = {f.related_model for f in model._meta.get_fields() if f.is_relation}
        assert Member not in related and RoundInvitation not in related
    # Reused link: 410 and nothing revealed.
    response = client.post(path, data)
    assert response.status_code == 410
    assert Response.objects.filter(round=invited).count() == 1
    assert response.context["round"] if "round" in (response.context or {}) else True
    assert "Kierros" not in response.content.decode()


def test_required_question_is_checked(client, invited):
    path = answer_path(mail.outbox[1])
    response = client.post(path, {})
    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert (
        not Response.objects.exists()
        or not Response.objects.filter(round=invited).exists()
    )


def test_wrong_link(client, invited):
    response = client.get("/fi/paneelit/r/" + "a" * 40 + "/")
    assert response.status_code == 404
    assert "Kierros" not in response.content.decode()


def test_reminders_only_to_those_who_have_not_answered(
    client, invited, django_capture_on_commit_callbacks
):
    path = answer_path(mail.outbox[0])
    scale = invited.questions.get(kind="scale")
    client.post(path, {f"q{scale.pk}": "3"})
    mail.outbox.clear()
    # The outbox delivers once the reminders' transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(invited) == 4
    assert len(mail.outbox) == 4
    assert path not in {answer_path(m) for m in mail.outbox}
    # The reminder repeats the same personal link.
    assert {answer_path(m) for m in mail.outbox} <= {
        answer_path(m) for m in mail.outbox
    }


def test_closing_drops_the_member_link_and_expires_links(client, invited):
    path = answer_path(mail.outbox[0])
    scale = invited.questions.get(kind="scale")
    client.post(path, {f"q{scale.pk}": "3"})
    other = answer_path(mail.outbox[1])
    services.close_round(invited)
    invited.refresh_from_db()
    assert invited.status == Round.Status.CLOSED
    assert not RoundInvitation.objects.filter(
        round=invited, member__isnull=False
    ).exists()
    assert not RoundInvitation.objects.filter(round=invited, answered=True).exists()
    assert invited.invited_counts["total"] == 5
    assert Response.objects.filter(round=invited).count() == 1
    response = client.get(other)
    assert response.status_code == 410
    assert "Kierros" not in response.content.decode()
    assert services.send_reminders(invited) == 0


def test_close_due_rounds(invited):
    from datetime import timedelta

    from django.utils import timezone

    Round.objects.filter(pk=invited.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    assert len(services.close_due_rounds()) == 1


def test_answer_page_queries(client, invited, django_assert_max_num_queries):
    path = answer_path(mail.outbox[2])
    with django_assert_max_num_queries(10):
        assert client.get(path).status_code == 200
