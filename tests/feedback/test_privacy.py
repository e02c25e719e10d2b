"""Retention, erase on request, and who sees contact details."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from feedback import services
from feedback.models import Channel, Feedback, FeedbackEvent
from website.core import privacy

pytestmark = pytest.mark.django_db


def give(unit, days_ago=0, **fields):
    feedback = services.receive(
        channel=Channel.WEB,
        language="fi",
        unit=unit,
        nps=5,
        text="Nimeni on Matti ja asun Tuusulassa",
        contact_email="matti@example.com",
        wants_reply=True,
        **fields,
    )
    if days_ago:
        Feedback.objects.filter(pk=feedback.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=days_ago)
        )
    return feedback


def test_personal_fields_are_declared():
    assert set(privacy.personal_fields(Feedback)) >= {
        "text",
        "contact_email",
        "contact_name",
        "contact_phone",
    }


def test_purge_anonymises_after_the_retention_period(unit, handler, settings):
    settings.FEEDBACK_RETENTION_DAYS = 365
    old = give(unit, days_ago=400)
    services.reply(old, "Vastaus Matille", handler)
    recent = give(unit, days_ago=10)
    call_command("purge_feedback", verbosity=0)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.text, old.contact_email, old.wants_reply) == ("", "", False)
    assert old.anonymised_at is not None
    assert old.nps == 5 and old.unit == unit  # statistics stay
    assert FeedbackEvent.objects.get(feedback=old, kind="replied").text == ""
    assert recent.text and recent.contact_email and recent.anonymised_at is None


def test_purge_dry_run_changes_nothing(unit, settings):
    settings.FEEDBACK_RETENTION_DAYS = 30
    old = give(unit, days_ago=40)
    call_command("purge_feedback", "--dry-run", verbosity=0)
    old.refresh_from_db()
    assert old.text


def test_erase_on_request_by_e_mail_address(unit):
    mine = give(unit)
    other = services.receive(
        channel=Channel.WEB,
        language="fi",
        unit=unit,
        nps=9,
        text="Muu",
        contact_email="x@example.com",
    )
    call_command("purge_feedback", "--contact-email", "MATTI@example.com", verbosity=0)
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.text == "" and mine.contact_email == ""
    assert mine.events.filter(kind="erased").exists()
    assert other.text == "Muu"


def test_handler_erases_in_the_admin(client, unit, handler):
    feedback = give(unit)
    client.force_login(handler)
    response = client.post(reverse("feedback_act", args=[feedback.pk, "erase"]))
    assert response.status_code == 302
    html = client.get(reverse("feedback_detail", args=[feedback.pk])).content.decode()
    assert "matti@example.com" not in html and "Matti" not in html
    assert "henkilötiedot poistettu" in html


def test_contact_details_shown_only_to_the_units_handlers(
    client, unit, handler, other_handler
):
    feedback = give(unit)
    client.force_login(handler)
    assert (
        "matti@example.com"
        in client.get(reverse("feedback_detail", args=[feedback.pk])).content.decode()
    )
    client.force_login(other_handler)
    response = client.get(reverse("feedback_detail", args=[feedback.pk]), follow=True)
    assert response.status_code == 404
    assert "matti@example.com" not in response.content.decode()
    inbox = client.get(reverse("feedback_inbox") + "?status=all").content.decode()
    assert "Matti" not in inbox
