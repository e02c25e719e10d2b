import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from feedback import services
from feedback.models import Channel, Feedback

from .conftest import make_handler

pytestmark = pytest.mark.django_db


def test_reminders_for_unhandled_feedback(
    unit, other_unit, settings, django_capture_on_commit_callbacks
):
    settings.FEEDBACK_REMINDER_DAYS = 5
    Feedback.objects.filter(status=Feedback.Status.NEW).update(
        status=Feedback.Status.CLOSED
    )
    handler = make_handler("rem_fi", unit)
    sv_handler = make_handler("rem_sv", other_unit, language="sv")
    old = timezone.now() - datetime.timedelta(days=6)
    for u in (unit, unit, other_unit):
        f = services.receive(channel=Channel.WEB, language="fi", unit=u, nps=8, text="")
        Feedback.objects.filter(pk=f.pk).update(created_at=old)
    services.receive(
        channel=Channel.WEB, language="fi", unit=unit, nps=8, text=""
    )  # fresh
    handled = services.receive(
        channel=Channel.WEB, language="fi", unit=unit, nps=8, text=""
    )
    Feedback.objects.filter(pk=handled.pk).update(created_at=old, status="in_progress")

    # The outbox delivers after the command's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_feedback_reminders", verbosity=0)
    by_to = {m.to[0]: m for m in mail.outbox}
    assert set(by_to) == {handler.email, sv_handler.email}
    assert "Muistutus: 2 palautetta odottaa käsittelyä" in by_to[handler.email].subject
    assert "Påminnelse: 1 respons väntar" in by_to[sv_handler.email].subject
    assert "/admin/feedback/" in by_to[handler.email].body

    # Not again the next day for the same feedback.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_feedback_reminders", verbosity=0)
    assert mail.outbox == []
