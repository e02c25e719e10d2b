"""One availability decision (availability.py), shown the same on the
workshop page, the sign-up's page and in e-mails, in Finnish and Swedish."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation

from participation.workshops.availability import State, availabilities, availability
from participation.workshops.models import SignUp

from .conftest import committed, make_workshop, signup_data, svc

pytestmark = pytest.mark.django_db

TEXTS = {
    State.OPEN: {
        "fi": "2 paikkaa 3:sta vapaana",
        "sv": "2 av 3 platser lediga",
    },
    State.WAITLIST: {
        "fi": "Täynnä: voit ilmoittautua jonotuslistalle (jonossa 1 henkilö).",
        "sv": "Fullbokad: du kan anmäla dig till reservlistan "
        "(1 person på reservlistan).",
    },
    State.FULL: {
        "fi": "Täynnä: myös jonotuslista on täynnä.",
        "sv": "Fullbokad: även reservlistan är full.",
    },
    State.NOT_OPEN: {
        "fi": "Ilmoittautuminen alkaa",
        "sv": "Anmälan öppnar",
    },
    State.CLOSED: {
        "fi": "Ilmoittautuminen on päättynyt.",
        "sv": "Anmälan har stängt.",
    },
    State.PAST: {
        "fi": "Työpaja on jo alkanut tai pidetty.",
        "sv": "Workshoppen har redan börjat eller hållits.",
    },
    State.CANCELLED: {
        "fi": "Työpaja on peruttu.",
        "sv": "Workshoppen har ställts in.",
    },
    State.CONFIRMED: {"fi": "Sinulla on paikka.", "sv": "Du har en plats."},
    State.WAITING: {
        "fi": "Olet jonotuslistalla, jonossa sijalla 2.",
        "sv": "Du står på reservlistan, som nummer 2 i kön.",
    },
    State.SIGNUP_CANCELLED: {
        "fi": "Tämä ilmoittautuminen on peruttu.",
        "sv": "Den här anmälan har avbokats.",
    },
}


def _person(n):
    return {"name": f"Henkilö {n}", "email": f"h{n}@example.com", "language": "fi"}


def _workshop_states():
    """(state, workshop pages, sign-up or None) for every state."""
    now = timezone.now()
    cases = []
    fi, sv = make_workshop(capacity=3)
    svc.create_signup(fi, [""], **_person(1))
    cases.append((State.OPEN, (fi, sv), None))

    fi, sv = make_workshop(capacity=1)
    svc.create_signup(fi, [""], **_person(2))
    svc.create_signup(fi, [""], **_person(3))
    cases.append((State.WAITLIST, (fi, sv), None))

    fi, sv = make_workshop(capacity=1, waitlist_limit=1)
    svc.create_signup(fi, [""], **_person(4))
    svc.create_signup(fi, [""], **_person(5))
    cases.append((State.FULL, (fi, sv), None))

    opens = now + timedelta(days=2)
    cases.append((State.NOT_OPEN, make_workshop(signup_opens=opens), None))
    closed = now - timedelta(hours=1)
    cases.append((State.CLOSED, make_workshop(signup_closes=closed), None))
    started = now - timedelta(minutes=5)
    past = make_workshop(starts_at=started, ends_at=started + timedelta(hours=2))
    cases.append((State.PAST, past, None))
    cases.append((State.CANCELLED, make_workshop(cancelled=True), None))

    fi, sv = make_workshop(capacity=1)
    first, _ = svc.create_signup(fi, [""], **_person(6))
    svc.create_signup(fi, [""], **_person(7))
    third, _ = svc.create_signup(fi, [""], **_person(8))
    fourth, _ = svc.create_signup(fi, [""], **_person(9))
    svc.cancel_signup(fourth.pk)
    cases.append((State.CONFIRMED, (fi, sv), first))
    cases.append((State.WAITING, (fi, sv), third))
    cases.append((State.SIGNUP_CANCELLED, (fi, sv), SignUp.objects.get(pk=fourth.pk)))
    return cases


def test_every_state_reads_the_same_everywhere_in_both_languages():
    for state, (fi, sv), signup in _workshop_states():
        for language, page in (("fi", fi), ("sv", sv)):
            result = availability(page, signup)
            assert result.state == state, (state, language)
            with translation.override(language):
                assert TEXTS[state][language] in result.message, (state, language)
                assert TEXTS[state][language] in str(result)


def test_a_free_seat_behind_a_waiting_group_is_not_offered():
    """Before: "1 of 3 seats free" next to "no seat you could get"."""
    fi, _sv = make_workshop(capacity=3)
    svc.create_signup(fi, ["", ""], **_person(1))
    svc.create_signup(fi, ["A", "B"], organisation_type="association", **_person(2))
    result = availability(fi)
    assert result.free == 1 and result.waiting == 2
    assert result.state == State.WAITLIST


def test_workshop_page_shows_the_decided_text_and_hides_the_form_when_closed(
    client,
):
    fi, sv = make_workshop(cancelled=True)
    for page, text in (
        (fi, "Työpaja on peruttu."),
        (sv, "Workshoppen har ställts in."),
    ):
        html = client.get(page.url).content.decode()
        assert html.count(text) == 2  # the seats line and the sign-up notice
        assert 'name="email"' not in html


def test_signup_page_and_waiting_mail_give_the_place_in_the_queue(client):
    fi, sv = make_workshop(capacity=1)
    svc.create_signup(fi, [""], **_person(1))
    svc.create_signup(fi, [""], **_person(2))
    mail.outbox.clear()
    with committed():
        response = client.post(sv.url, signup_data(email="tredje@example.com"))
    page = client.get(response["Location"]).content.decode()
    assert "Du står på reservlistan, som nummer 2 i kön." in page
    [message] = mail.outbox
    assert "Du står på reservlistan, som nummer 2 i kön." in message.body


def test_listing_availabilities_in_bounded_queries(django_assert_max_num_queries):
    pages = []
    for capacity in (1, 2, 3, 4):
        fi, sv = make_workshop(capacity=capacity)
        svc.create_signup(fi, [""], **_person(capacity))
        pages += [fi, sv]
    with django_assert_max_num_queries(2):
        results = availabilities(pages)
    assert [results[p.pk].free for p in pages] == [0, 0, 1, 1, 2, 2, 3, 3]
