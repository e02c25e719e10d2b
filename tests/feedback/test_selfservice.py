"""The feedback giver's personal link (feedback/selfservice.py): it comes
in the reply e-mail; the giver sees the feedback and the replies, downloads
them (JSON) and erases them (confirmed by a POST), built on
website/core/selfservice.py like the panels' and workshops' self-service."""

import json

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import translation

from feedback import selfservice, services, stats
from feedback.models import Channel, Feedback

from .conftest import make_handler

pytestmark = pytest.mark.django_db


def _feedback(unit, language="fi", **fields):
    values = {
        "channel": Channel.WEB,
        "language": language,
        "nps": 4,
        "text": "Jonotin tunnin.",
        "contact_name": "Aino Asukas",
        "contact_email": "aino@example.com",
        "wants_reply": True,
    }
    values.update(fields)
    return services.receive(unit=unit, **values)


def _url(name, feedback, language):
    with translation.override(language):
        return reverse(
            f"feedback:{name}", kwargs={"token": selfservice.token(feedback)}
        )


@pytest.mark.parametrize(
    "language,path", [("fi", "/fi/palaute/oma/"), ("sv", "/sv/respons/min/")]
)
def test_the_reply_email_carries_the_link_in_the_givers_language(
    language, path, unit, django_capture_on_commit_callbacks
):
    feedback = _feedback(unit, language)
    handler = make_handler("vastaaja", unit)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(feedback, "Pahoittelemme.", handler)
    (message,) = mail.outbox
    assert path in message.body
    token = message.body.split(path, 1)[1].split("/", 1)[0]
    assert selfservice.feedback_from_token(token) == feedback


@pytest.mark.parametrize(
    "language,heading,link,filename",
    [
        ("fi", "Palautteesi", "Lataa tietosi", "palaute.json"),
        ("sv", "Din respons", "Ladda ner dina uppgifter", "respons.json"),
    ],
)
def test_giver_sees_and_downloads_the_feedback(
    client, unit, language, heading, link, filename
):
    feedback = _feedback(unit, language)
    services.reply(feedback, "Pahoittelemme jonoa.", make_handler("h", unit))
    page_url = _url("mine", feedback, language)
    response = client.get(page_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert heading in html and link in html
    assert "Jonotin tunnin." in html and "Pahoittelemme jonoa." in html
    assert "aino@example.com" in html and unit.name in html
    # The same token (a fresh one may carry another second's timestamp).
    token = page_url.rstrip("/").rsplit("/", 1)[1]
    with translation.override(language):
        erase = reverse("feedback:mine_erase", kwargs={"token": token})
    assert erase in html
    assert "no-store" in response["Cache-Control"]

    response = client.get(_url("mine_data", feedback, language))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["feedback"]["email"] == "aino@example.com"
    assert data["feedback"]["text"] == "Jonotin tunnin."
    assert data["feedback"]["status"] == "answered"
    assert [r["text"] for r in data["replies"]] == ["Pahoittelemme jonoa."]
    assert "internal_notes" not in data["feedback"]


def test_erasure_asks_first_then_erases_and_keeps_the_statistics(client, unit):
    feedback = _feedback(unit)
    services.reply(feedback, "Vastaus Ainolle.", make_handler("h", unit))
    before = stats.nps_by_unit(Feedback.objects.filter(unit=unit))
    url = _url("mine_erase", feedback, "fi")
    page = client.get(url)
    assert "Poista tietoni" in page.content.decode()
    feedback.refresh_from_db()
    assert feedback.contact_email == "aino@example.com"  # GET erases nothing

    response = client.post(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    feedback.refresh_from_db()
    assert feedback.anonymised_at is not None
    assert (feedback.contact_email, feedback.contact_name, feedback.text) == (
        "",
        "",
        "",
    )
    assert not feedback.events.filter(text="Vastaus Ainolle.").exists()
    assert feedback.events.filter(kind="erased").exists()
    assert feedback.nps == 4 and feedback.unit == unit
    assert stats.nps_by_unit(Feedback.objects.filter(unit=unit)) == before
    # The link leads nowhere now.
    assert client.get(_url("mine", feedback, "fi")).status_code == 404
    assert client.post(url).status_code == 404


def test_a_wrong_or_foreign_token_shows_nothing(client, unit):
    feedback = _feedback(unit)
    other_salt = signing.dumps({"f": feedback.pk}, salt="participation.panels")
    for token in ("nonsense", other_salt):
        with translation.override("fi"):
            url = reverse("feedback:mine", kwargs={"token": token})
        response = client.get(url)
        assert response.status_code == 404
        assert "aino@example.com" not in response.content.decode()


def test_feedback_without_an_address_has_no_link(client, unit):
    feedback = _feedback(unit, contact_email="", contact_name="")
    assert client.get(_url("mine", feedback, "fi")).status_code == 404
