"""Workshops as iCalendar (ics.py): the page's "add to calendar" file, the
invitation attached to e-mails and the subscribable feed."""

from datetime import timedelta
from email.utils import parseaddr
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from participation.workshops import ics
from participation.workshops.models import WorkshopPage
from website.indicators.models import Area

from .conftest import make_workshop, svc

pytestmark = pytest.mark.django_db


def _events(content):
    calendar = Calendar.from_ical(content)
    assert calendar["VERSION"] == "2.0" and calendar["METHOD"] == "PUBLISH"
    return calendar, calendar.walk("VEVENT")


@pytest.mark.parametrize("language,name", [("fi", "tyopaja"), ("sv", "workshop")])
def test_calendar_route_is_a_full_ics_attachment_in_the_page_language(
    client, language, name
):
    fi, sv = make_workshop(
        introduction="<p>Puhutaan &amp; kuunnellaan.</p>",
        online_url="https://meet.example.com/salainen",
        venue="hybrid",
    )
    page = fi if language == "fi" else sv
    response = client.get(page.url + page.reverse_subpage("calendar"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{name}-{page.slug}.ics"'
    )
    assert "Set-Cookie" not in response
    calendar, [event] = _events(response.content)
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
    assert event["UID"] == f"workshop-{fi.translation_key}@{host}"
    assert event["SUMMARY"] == page.title
    assert event["SUMMARY"].params["LANGUAGE"] == language
    assert event["URL"] == ics.site_url() + page.url
    sender = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    assert event["ORGANIZER"] == f"mailto:{sender}"
    assert event["ORGANIZER"].params["CN"] == settings.WAGTAIL_SITE_NAME
    assert event["STATUS"] == "CONFIRMED"
    description = str(event["DESCRIPTION"])
    assert "Puhutaan & kuunnellaan." in description and page.url in description
    online = {"fi": "Verkossa", "sv": "På nätet"}[language]
    assert event["LOCATION"] == f"Testikatu 1, Järvenpää / {online}"
    # The public file never carries the meeting link.
    assert b"meet.example.com" not in response.content
    start = event.decoded("DTSTART")
    assert start.tzinfo.key == "Europe/Helsinki"
    assert start == page.starts_at.replace(microsecond=0)
    assert b"DTSTART;TZID=Europe/Helsinki:" in response.content
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]


def test_confirmation_and_reminder_carry_the_same_event_with_the_link():
    fi, sv = make_workshop(
        online_url="https://meet.example.com/salainen",
        starts_at=timezone.now() + timedelta(days=1),
        ends_at=timezone.now() + timedelta(days=1, hours=2),
    )
    svc.create_signup(sv, [""], name="Bo", email="bo@example.com", language="sv")
    from participation.workshops.services import queue_reminders

    from .conftest import committed

    with committed():
        assert queue_reminders() == 1
    confirmation, reminder = mail.outbox
    for message in (confirmation, reminder):
        [part] = message.attachments
        assert part.get_content_type() == "text/calendar"
        assert part.get_param("method") == "PUBLISH"
        assert part.get_filename() == f"workshop-{sv.slug}.ics"
        _calendar, [event] = _events(part.get_payload(decode=True))
        assert event["UID"] == ics.uid(fi)
        assert event["SUMMARY"] == "Testworkshop"
        assert "https://meet.example.com/salainen" in str(event["DESCRIPTION"])


@pytest.fixture
def feed_workshops():
    """Upcoming, ended and unpublished workshops; one in Järvenpää."""
    now = timezone.now()
    area = Area.objects.filter(kind=Area.Kind.MUNICIPALITY).order_by("pk").first()
    local, local_sv = make_workshop(title="Järvenpään työpaja")
    local.municipalities.add(area)
    local.save_revision().publish()
    other, other_sv = make_workshop(title="Muu työpaja")
    ended = now - timedelta(days=3)
    make_workshop(title="Mennyt työpaja", starts_at=ended, ends_at=ended)
    draft, _sv = make_workshop(title="Luonnos")
    draft.unpublish()
    return {"local": (local, local_sv), "other": (other, other_sv), "area": area}


def _feed(client, language, **query):
    with translation.override(language):
        url = reverse("workshops:feed")
    return client.get(url, query)


def test_feed_lists_upcoming_live_workshops_of_the_language(client, feed_workshops):
    local, local_sv = feed_workshops["local"]
    other, other_sv = feed_workshops["other"]
    response = _feed(client, "fi")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "Set-Cookie" not in response
    calendar, events = _events(response.content)
    titles = [str(e["SUMMARY"]) for e in events]
    assert "Järvenpään työpaja" in titles and "Muu työpaja" in titles
    assert "Mennyt työpaja" not in titles and "Luonnos" not in titles
    assert all(e.decoded("DTEND") > timezone.now() for e in events)
    assert str(calendar["X-WR-CALNAME"]).startswith("Työpajat")

    _calendar, events = _events(_feed(client, "sv").content)
    assert {e["SUMMARY"].params["LANGUAGE"] for e in events} == {"sv"}
    uids = {str(e["UID"]) for e in events}
    assert {ics.uid(local_sv), ics.uid(other_sv)} <= uids
    assert "Järvenpään työpaja" not in [str(e["SUMMARY"]) for e in events]


def test_feed_filters_by_municipality_id_or_slug(client, feed_workshops):
    area = feed_workshops["area"]
    local, local_sv = feed_workshops["local"]
    for value in (area.slug, str(area.pk)):
        _calendar, events = _events(_feed(client, "fi", municipality=value).content)
        summaries = {str(e["SUMMARY"]) for e in events}
        assert "Järvenpään työpaja" in summaries
        # Only workshops of that municipality (the demo has some too).
        in_area = set(
            WorkshopPage.objects.live()
            .filter(locale__language_code="fi", municipalities=area)
            .values_list("title", flat=True)
        )
        assert summaries <= in_area
        calendar, events = _events(_feed(client, "sv", municipality=value).content)
        assert ics.uid(local_sv) in [str(e["UID"]) for e in events]
        assert area.name_sv in str(calendar["X-WR-CALNAME"])
    assert _feed(client, "fi", municipality="ei-ole").status_code == 404


def test_feed_queries_do_not_grow_with_the_workshops(
    client, feed_workshops, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12) as counted:
        _feed(client, "fi")
    first = len(counted.captured_queries)
    for n in range(3):
        make_workshop(title=f"Lisätyöpaja {n}")
    with django_assert_max_num_queries(first) as counted:
        response = _feed(client, "fi")
    _calendar, events = _events(response.content)
    assert (
        len(events)
        == WorkshopPage.objects.live()
        .filter(locale__language_code="fi", ends_at__gt=timezone.now())
        .count()
    )


def test_cancelled_workshop_stays_in_the_feed_as_cancelled(client):
    make_workshop(title="Peruttu työpaja", cancelled=True)
    _calendar, events = _events(_feed(client, "fi").content)
    [event] = [e for e in events if str(e["SUMMARY"]) == "Peruttu työpaja"]
    assert event["STATUS"] == "CANCELLED"
