"""Self-service data rights of a workshop sign-up from its personal link:
see, download (JSON) and erase (confirmed by POST), built on
website/core/selfservice.py like the panels' self-service."""

import json

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from post_office.models import Email

from participation.workshops.models import SignUp
from participation.workshops.tasks import cancel_token

from .conftest import committed, make_workshop, svc

pytestmark = pytest.mark.django_db


def _url(name, signup, language, token=None):
    token = token or cancel_token(signup)
    with translation.override(language):
        return reverse(f"workshops:{name}", kwargs={"token": token})


def _signup(workshop, email, language="fi", attendees=("",)):
    signup, _created = svc.create_signup(
        workshop,
        list(attendees),
        name="Aino Asukas",
        email=email,
        phone="040 123 4567",
        dietary="Gluteeniton",
        language=language,
    )
    return signup


@pytest.mark.parametrize(
    "language,heading,link,filename",
    [
        ("fi", "Mitä olemme tallentaneet", "Lataa tietosi", "tyopajailmoittautuminen"),
        ("sv", "Vad vi har sparat", "Ladda ner dina uppgifter", "workshopanmalan"),
    ],
)
def test_person_sees_and_downloads_their_data(
    client, language, heading, link, filename
):
    fi, _sv = make_workshop()
    signup = _signup(fi, "aino@example.com", language, attendees=("Aino", "Eino"))
    token = cancel_token(signup)
    response = client.get(_url("signup", signup, language, token))
    html = response.content.decode()
    assert heading in html and link in html
    assert "aino@example.com" in html and "040 123 4567" in html
    assert "Gluteeniton" in html
    assert _url("signup_erase", signup, language, token) in html
    assert _url("signup_data", signup, language, token) in html
    assert "no-store" in response["Cache-Control"]

    response = client.get(_url("signup_data", signup, language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{filename}.json"'
    )
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["email"] == "aino@example.com" and data["phone"] == "040 123 4567"
    assert data["attendees"] == ["Aino", "Eino"] and data["status"] == "confirmed"
    assert data["workshop"] == "Testityöpaja"


def test_erasure_asks_first_then_frees_the_seat_and_promotes(client):
    fi, _sv = make_workshop(capacity=1)
    first = _signup(fi, "eka@example.com")
    second = _signup(fi, "toka@example.com", language="sv")
    assert second.status == SignUp.Status.WAITING
    url = _url("signup_erase", first, "fi")

    response = client.get(url)  # a link scanner's fetch erases nothing
    assert response.status_code == 200
    assert "Poista tietoni" in response.content.decode()
    assert 'method="post"' in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert SignUp.objects.get(pk=first.pk).anonymised_at is None

    mail.outbox.clear()
    with committed():
        response = client.post(url)
    assert response.status_code == 200
    assert "Tietosi on poistettu" in response.content.decode()
    first.refresh_from_db()
    assert first.anonymised_at and first.email == "" and first.name == ""
    assert first.status == SignUp.Status.CANCELLED
    assert set(first.attendees.values_list("name", flat=True)) == {""}
    # The e-mails to the erased address are gone from the outbox.
    assert not Email.objects.filter(to__icontains="eka@example.com").exists()
    # The seat went to the first in the queue, who is told (in Swedish).
    second.refresh_from_db()
    assert second.status == SignUp.Status.CONFIRMED
    [promoted] = mail.outbox
    assert promoted.to == ["toka@example.com"]
    assert promoted.subject.startswith("Du fick en plats")
    # The personal link no longer works.
    assert client.get(_url("signup", first, "fi")).status_code == 404
    assert client.get(_url("signup_data", first, "fi")).status_code == 404


def test_erasure_needs_a_csrf_token(client):
    from django.test import Client

    fi, _sv = make_workshop()
    signup = _signup(fi, "csrf@example.com")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(_url("signup_erase", signup, "sv"))
    assert response.status_code == 403
    assert SignUp.objects.get(pk=signup.pk).anonymised_at is None
