"""The one outbox (website/core/mail.py): queueing, retries with back-off,
the staff view with its retry action, allauth's mail, retention, erasure and
the readiness check. SMTP is a real server (tests/smtp_sink.py)."""

import datetime

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from post_office.models import STATUS, Email, Log

from tests.smtp_sink import text_of
from website.core.mail import (
    check_outbox,
    deliver_queued,
    erase_address,
    purge_mail,
    queue_messages,
    send_email,
)
from website.settings import base

pytestmark = pytest.mark.django_db
LATER = datetime.timedelta(hours=2)


def test_signup_with_smtp_down_answers_normally_and_mail_arrives_later(
    client, smtp_transport, django_capture_on_commit_callbacks
):
    """Audit finding 11 (mail part): allauth's own mail is queued too."""
    sink = smtp_transport
    sink.stop()
    with translation.override("fi"):
        url = reverse("account_signup")
    with (
        override_settings(EMAIL_BACKEND=base.EMAIL_BACKEND),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(
            url,
            {
                "email": "uusi.edustaja@example.com",
                "password1": "Pitka-salasana-123",
                "password2": "Pitka-salasana-123",
            },
        )
    assert response.status_code == 302
    assert "/fi/" in response["Location"]
    queued = Email.objects.get(to="uusi.edustaja@example.com")
    assert queued.status == STATUS.requeued

    sink.start()
    assert deliver_queued(now=timezone.now() + LATER) == (1, 0)
    [message] = sink.messages
    assert message["To"] == "uusi.edustaja@example.com"
    assert "/fi/" in text_of(message)


@override_settings(MAIL_RETRY_SECONDS=(60, 300))
def test_retries_back_off_stop_at_the_maximum_and_staff_retry_sends(
    client, admin_user, smtp_transport, settings, django_capture_on_commit_callbacks
):
    sink = smtp_transport
    settings.POST_OFFICE = {**settings.POST_OFFICE, "MAX_RETRIES": 4}
    sink.stop()
    with django_capture_on_commit_callbacks(execute=True):
        send_email(
            "feedback/email/reply",
            {"feedback": None, "reply": "Kiitos", "unit_name": ""},
            "palaute@example.com",
            "fi",
        )
    email = Email.objects.get(to="palaute@example.com")
    waits = []
    while email.status == STATUS.requeued:
        now = email.scheduled_time
        waits.append((now - email.last_updated).total_seconds())
        # Nothing is tried again before its time.
        assert deliver_queued(now=now - datetime.timedelta(seconds=1)) == (0, 0)
        assert deliver_queued(now=now) == (0, 1)
        email.refresh_from_db()
    assert waits == [60, 120, 240, 300]
    assert email.status == STATUS.failed and email.number_of_retries == 5
    assert email.logs.filter(status=STATUS.failed).count() == 5
    assert deliver_queued(now=now + LATER) == (0, 0)

    client.force_login(admin_user)
    index = reverse("outbox:index")
    html = client.get(index, {"status": STATUS.failed}).content.decode()
    assert "palaute@example.com" in html
    assert "ConnectionRefusedError" not in html  # the message, not the type
    assert "Connection refused" in html
    # Retrying is a POST with the CSRF token; GET is refused.
    assert client.get(reverse("outbox:retry", args=[email.pk])).status_code == 405
    sink.start()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("outbox:retry", args=[email.pk]))
    assert response.status_code == 302
    email.refresh_from_db()
    assert email.status == STATUS.sent
    assert len(sink.messages) == 1


def test_bulk_retry_requeues_every_failed_message(
    client, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for address in ("a@example.com", "b@example.com"):
            queue_messages([EmailMessage("S", "B", "x@example.com", [address])])
    Email.objects.filter(to__in=["a@example.com", "b@example.com"]).update(
        status=STATUS.failed
    )
    mail.outbox.clear()
    client.force_login(admin_user)
    page = client.get(reverse("outbox:retry_failed"))
    assert page.status_code == 200 and "csrfmiddlewaretoken" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reverse("outbox:retry_failed")).status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.com", "b@example.com"]
    assert not Email.objects.filter(status=STATUS.failed).exists()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fi", ["Sähköpostit", "Vastaanottaja", "epäonnistui", "Yritä uudelleen"]),
        ("sv", ["E-post", "Mottagare", "misslyckades", "Försök igen"]),
    ],
)
def test_outbox_admin_in_finnish_and_swedish(client, admin_user, language, words):
    from wagtail.users.models import UserProfile

    queue_messages([EmailMessage("Aihe", "Teksti", "x@example.com", ["f@example.com"])])
    Email.objects.filter(to="f@example.com").update(status=STATUS.failed)
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    client.force_login(admin_user)
    html = client.get(reverse("outbox:index")).content.decode()
    for word in words:
        assert word in html
    confirm = client.get(reverse("outbox:retry_failed")).content.decode()
    assert {"fi": "Lähetä uudelleen", "sv": "Skicka igen"}[language] in confirm
    done = client.post(reverse("outbox:retry_failed"), follow=True).content.decode()
    assert {"fi": "lähetetään uudelleen", "sv": "skickas på nytt"}[language] in done


def test_outbox_admin_needs_the_permission(client, staff_user):
    from django.contrib.auth.models import Permission

    queue_messages([EmailMessage("S", "B", "x@example.com", ["p@example.com"])])
    Email.objects.filter(to="p@example.com").update(status=STATUS.failed)
    client.force_login(staff_user)
    assert client.get(reverse("outbox:index")).status_code in (302, 403)
    assert client.post(reverse("outbox:retry_failed")).status_code in (302, 403)
    assert Email.objects.get(to="p@example.com").status == STATUS.failed
    staff_user.user_permissions.add(Permission.objects.get(codename="manage_outbox"))
    staff_user = type(staff_user).objects.get(pk=staff_user.pk)
    client.force_login(staff_user)
    assert client.get(reverse("outbox:index")).status_code == 200


def test_queued_text_is_kept_as_written(django_capture_on_commit_callbacks):
    """post_office's own backend would render "{{ … }}" as a template."""
    with django_capture_on_commit_callbacks(execute=True):
        queue_messages(
            [EmailMessage("{{ a }}", "Hei {{ nimi }} {% now 'Y' %}", to=["t@x.fi"])]
        )
    assert mail.outbox[0].subject == "{{ a }}"
    assert mail.outbox[0].body == "Hei {{ nimi }} {% now 'Y' %}"


def test_erase_address_deletes_every_copy(django_capture_on_commit_callbacks):
    for to in (["poista@example.com"], ["Muu <POISTA@example.com>", "j@x.fi"]):
        queue_messages([EmailMessage("S", "B", "x@example.com", to)])
    queue_messages([EmailMessage("S", "B", "x@example.com", ["eipoista@example.com"])])
    assert erase_address("poista@example.com") == 2
    assert list(
        Email.objects.filter(to__icontains="poista").values_list("to", flat=True)
    ) == [["eipoista@example.com"]]


def test_purge_keeps_recent_and_unsent_mail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_messages([EmailMessage("old", "B", "x@example.com", ["o@example.com"])])
        queue_messages([EmailMessage("new", "B", "x@example.com", ["n@example.com"])])
    queue_messages([EmailMessage("wait", "B", "x@example.com", ["w@example.com"])])
    old = timezone.now() - datetime.timedelta(days=8)
    Email.objects.filter(to="o@example.com").update(last_updated=old)
    Log.objects.filter(email__to="o@example.com").update(date=old)
    purge_mail()
    left = set(Email.objects.values_list("subject", flat=True))
    assert "old" not in left and {"new", "wait"} <= left
    assert not Log.objects.filter(date__lt=timezone.now() - LATER).exists()


def test_readiness_check():
    Email.objects.all().delete()
    assert check_outbox() == (True, "mail: ok")
    queue_messages([EmailMessage("S", "B", "x@example.com", ["r@example.com"])])
    ok, detail = check_outbox(now=timezone.now() + datetime.timedelta(hours=1))
    assert not ok and "waiting" in detail
    Email.objects.update(status=STATUS.failed)
    ok, detail = check_outbox()
    assert not ok and "failed" in detail


def test_scheduled_jobs_and_readiness_are_listed(settings):
    from django.utils.module_loading import import_string

    jobs = {name: path for name, _every, path in settings.SCHEDULED_JOBS}
    assert import_string(jobs["deliver-mail"]).name == "deliver_mail"
    assert import_string(jobs["purge-mail"])
    assert "website.core.mail.check_outbox" in settings.READINESS_CHECKS
