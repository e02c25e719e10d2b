"""A workshop confirmation, with its calendar file, arrives after an SMTP
outage (a real SMTP server, stopped and started)."""

import datetime

import pytest
from django.utils import timezone
from post_office.models import STATUS, Email

from participation.workshops.models import SignUp
from website.core.mail import deliver_queued

from .conftest import committed, signup_data

pytestmark = pytest.mark.django_db


def test_confirmation_with_ics_arrives_after_outage(client, workshop, smtp_transport):
    sink = smtp_transport
    fi, _sv = workshop
    sink.stop()
    with committed():
        response = client.post(fi.url, signup_data(email="katkos@example.com"))
    assert response.status_code == 302
    assert SignUp.objects.get(email="katkos@example.com").status == "confirmed"
    assert Email.objects.get(to="katkos@example.com").status == STATUS.requeued

    sink.start()
    later = timezone.now() + datetime.timedelta(hours=1)
    assert deliver_queued(now=later) == (1, 0)
    assert deliver_queued(now=later) == (0, 0)
    [message] = sink.messages
    assert str(message["Subject"]).startswith("Ilmoittautuminen vahvistettu")
    assert message["Content-Language"] == "fi"
    [ics] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert ics.get_filename() == f"tyopaja-{fi.slug}.ics"
    body = ics.get_content()
    assert "BEGIN:VEVENT" in body and "SUMMARY;LANGUAGE=fi:Testityöpaja" in body
