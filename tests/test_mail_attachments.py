"""Attachments through the outbox (website/core/mail.py): a MIME part made
by `mime_attachment` keeps its Content-Type parameters and a non-ASCII file
name from the queue to the delivered message."""

import pytest
from django.core import mail

from website.core.mail import mime_attachment, send_email

pytestmark = pytest.mark.django_db


def test_mime_attachment_keeps_its_parameters_and_name_through_the_outbox(
    django_capture_on_commit_callbacks,
):
    text = "BEGIN:VCALENDAR\r\nSUMMARY:Työpaja ja sävellys\r\nEND:VCALENDAR\r\n"
    part = mime_attachment("työpaja.ics", text, "text/calendar", method="PUBLISH")
    with django_capture_on_commit_callbacks(execute=True):
        send_email(
            "feedback/email/reply",
            {"feedback": None, "reply": "Kiitos", "unit_name": ""},
            "liite@example.com",
            "fi",
            attachments=[part, ("muistio.txt", "Hei", "text/plain")],
        )
    [message] = mail.outbox
    calendar, plain = message.attachments
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_param("method") == "PUBLISH"
    assert calendar.get_content_charset() == "utf-8"
    assert calendar.get_filename() == "työpaja.ics"
    assert calendar.get_payload(decode=True).decode() == text
    assert plain.filename == "muistio.txt" and plain.content == "Hei"
    # What goes on the wire parses back the same.
    from email import message_from_bytes, policy

    parsed = message_from_bytes(message.message().as_bytes(), policy=policy.default)
    [wire] = [p for p in parsed.walk() if p.get_content_type() == "text/calendar"]
    assert wire.get_filename() == "työpaja.ics"
    assert wire.get_content() == text
