from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from post_office.models import STATUS, Email

from participation.workshops import services
from participation.workshops.models import Attendee, SignUp, WorkshopPage
from participation.workshops.retention import anonymise
from participation.workshops.stats import participation_figures, summary_sentence

from .conftest import committed, make_workshop, signup_data, svc

pytestmark = pytest.mark.django_db
DOWN = "tests.workshops.failing_backend.DownBackend"


def test_failing_mail_server_keeps_the_signup_and_the_retry_sends(client, workshop):
    fi, _sv = workshop
    down = {"BACKENDS": {"default": DOWN}, "MAX_RETRIES": 10}
    with override_settings(POST_OFFICE=down), committed():
        response = client.post(fi.url, signup_data())
    assert response.status_code == 302
    signup = SignUp.objects.get(workshop=fi)
    email = Email.objects.get(to=signup.email)
    assert email.status == STATUS.requeued and email.number_of_retries == 1
    assert email.logs.get().exception_type == "SMTPServerDisconnected"
    assert mail.outbox == []
    # Not due yet: the retry waits (MAIL_RETRY_SECONDS).
    call_command("send_pending_workshop_emails", verbosity=0)
    assert mail.outbox == []
    Email.objects.filter(pk=email.pk).update(scheduled_time=timezone.now())
    call_command("send_pending_workshop_emails", verbosity=0)
    email.refresh_from_db()
    assert email.status == STATUS.sent and email.number_of_retries == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].attachments[0].get_content_type() == "text/calendar"
    # Already sent: a second run sends nothing again.
    call_command("send_pending_workshop_emails", verbosity=0)
    assert len(mail.outbox) == 1


def test_reminder_sent_once_in_each_persons_language(workshop):
    fi, _sv = make_workshop(reminder_days=2)
    fi_signup, _ = svc.create_signup(fi, ["A"], name="A", email="a@x.fi", language="fi")
    svc.create_signup(fi, ["B"], name="B", email="b@x.fi", language="sv")
    mail.outbox.clear()
    # Ten days before: too early.
    assert svc.queue_reminders() == 0
    later = fi.starts_at - timedelta(days=1)
    assert svc.queue_reminders(now=later) == 2
    assert svc.queue_reminders(now=later) == 0
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["a@x.fi"].startswith("Muistutus")
    assert subjects["b@x.fi"].startswith("Påminnelse")
    assert fi_signup.pk


def test_staff_message_goes_to_confirmed_in_their_language(workshop):
    fi, _sv = make_workshop(capacity=2)
    svc.create_signup(fi, ["A"], name="A", email="a@x.fi", language="fi")
    svc.create_signup(fi, ["B"], name="B", email="b@x.fi", language="sv")
    svc.create_signup(fi, ["C"], name="C", email="c@x.fi", language="fi")
    mail.outbox.clear()
    count = svc.message_participants(
        fi, "Ohjelma", "Tervetuloa!", "Program", "Välkommen!"
    )
    assert count == 2
    by_to = {m.to[0]: m for m in mail.outbox}
    assert set(by_to) == {"a@x.fi", "b@x.fi"}
    assert by_to["b@x.fi"].subject == "Program"
    assert "Välkommen!" in by_to["b@x.fi"].body


def test_retention_anonymises_personal_data_and_keeps_counts(workshop):
    fi, _sv = workshop
    signup, _ = svc.create_signup(
        fi,
        ["Aino", "Bertta"],
        name="Aino",
        email="aino@x.fi",
        language="fi",
        organisation_type="association",
        dietary="gluteeniton",
    )
    before = participation_figures([fi])
    assert anonymise() == 0  # the workshop has not even started
    later = fi.ends_at + timedelta(days=91)
    assert anonymise(now=later) == 1
    signup.refresh_from_db()
    assert signup.name == signup.email == signup.dietary == ""
    assert signup.anonymised_at is not None
    assert set(
        Attendee.objects.filter(signup=signup).values_list("name", flat=True)
    ) == {""}
    # The outbox's copies (address, names, text) go too.
    assert not Email.objects.filter(to__icontains="aino@x.fi").exists()
    assert participation_figures([fi]) == before
    assert anonymise(now=later) == 0


def test_anonymise_command_is_documented_and_runs():
    call_command("anonymise_workshop_signups", "--days", "100000", verbosity=0)


def test_figures_of_the_past_demo_workshop_match_the_deck(
    django_assert_max_num_queries,
):
    past = WorkshopPage.objects.get(slug="ilmiotyopaja-1")
    with django_assert_max_num_queries(8):
        figures = participation_figures([past])
    assert figures["participants"] == 130
    shares = {r["key"]: round(r["percent"]) for r in figures["by_organisation_type"]}
    assert shares == {"association": 60, "municipality": 25, "welfare_area": 15}
    assert sum(r["count"] for r in figures["by_municipality"]) == 130
    assert {r["key"] for r in figures["by_language"]} == {"fi", "sv"}
    assert 0 < figures["attendance"]["rate"] < 100
    assert summary_sentence(figures).startswith("130")


def test_figures_over_a_period():
    figures = participation_figures(
        start=timezone.datetime(2020, 1, 1, tzinfo=timezone.get_current_timezone()),
        end=timezone.datetime(2020, 12, 31, tzinfo=timezone.get_current_timezone()),
    )
    assert figures["participants"] == 130 and figures["workshops"] == 1


def test_demo_upcoming_workshop_has_free_seats_and_a_waiting_list():
    upcoming = WorkshopPage.objects.get(slug="kumppanuusilta")
    seats = services.seats(upcoming)
    assert seats.free == 3 and seats.waiting == 5
    assert upcoming.get_translation(upcoming.get_translations().first().locale).live


def test_demo_is_idempotent(locales):
    from participation.workshops import demo
    from website.home.models import HomePage

    fi, sv = locales
    count = SignUp.objects.count()
    demo.load(HomePage.objects.get(locale=fi), fi, sv)
    assert SignUp.objects.count() == count
    assert WorkshopPage.objects.filter(slug="kumppanuusilta").count() == 1
