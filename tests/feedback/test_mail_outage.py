"""Audit finding 4: a threat alert and a handler's reply survive an SMTP
outage (a real SMTP server, stopped and started)."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from post_office.models import STATUS, Email

from feedback.models import Feedback
from tests.smtp_sink import text_of
from website.core.mail import deliver_queued

from .conftest import answers, make_handler

pytestmark = pytest.mark.django_db
LATER = datetime.timedelta(hours=2)


@override_settings(FEEDBACK_ALERT_KEYWORDS={"fi": ["uhkaan"], "sv": ["hotar"]})
def test_threat_alert_survives_smtp_outage(
    client, form_pages, unit, smtp_transport, django_capture_on_commit_callbacks
):
    sink = smtp_transport
    handler = make_handler("outage_handler", unit)
    sink.stop()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            form_pages[0].url,
            answers(unit=unit.pk, nps="2", text="Uhkaan vahingoittaa itseäni"),
        )
    assert response.status_code == 302
    feedback = Feedback.objects.latest("pk")
    assert feedback.alert_reason
    alert = Email.objects.get(to=handler.email)
    assert alert.status == STATUS.requeued and alert.number_of_retries == 1
    assert sink.messages == []

    sink.start()
    assert deliver_queued(now=timezone.now() + LATER) == (1, 0)
    assert deliver_queued(now=timezone.now() + LATER) == (0, 0)
    assert len(sink.messages) == 1
    assert "Palautehälytys" in str(sink.messages[0]["Subject"])
    alert.refresh_from_db()
    assert alert.status == STATUS.sent


def test_handler_reply_survives_smtp_outage(
    client, handler, unit, smtp_transport, django_capture_on_commit_callbacks
):
    sink = smtp_transport
    feedback = Feedback.objects.create(
        unit=unit,
        language="sv",
        channel="web",
        nps=5,
        text="Jag väntade länge.",
        contact_email="givare@example.com",
        wants_reply=True,
    )
    client.force_login(handler)
    sink.stop()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("feedback_act", args=[feedback.pk, "reply"]),
            {"message": "Vi beklagar väntetiden."},
        )
    assert response.status_code == 302
    reply = Email.objects.get(to="givare@example.com")
    assert reply.status == STATUS.requeued

    sink.start()
    assert deliver_queued(now=timezone.now() + LATER) == (1, 0)
    assert deliver_queued(now=timezone.now() + LATER) == (0, 0)
    [message] = sink.messages
    assert "Svar på din respons" in str(message["Subject"])
    assert "Vi beklagar väntetiden." in text_of(message)
