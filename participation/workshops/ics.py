"""Workshops as iCalendar (RFC 5545), built with the `icalendar` library:
the "add to calendar" file of a workshop page (`<page>/calendar/`), the
invitation attached to the confirmation, promotion and reminder e-mails,
and the feed of upcoming workshops (`workshops:feed`).

One event per workshop page, in the page's language. Its UID is
`workshop-<translation key>@<site host>`: the same in both languages and in
every file, so a calendar that got the invitation and subscribes to the
feed keeps one entry, updated when the workshop changes. Times carry the
Europe/Helsinki time zone (TIME_ZONE) with its VTIMEZONE.

The public files never carry the online meeting link (the page says it is
sent to those who have signed up); the invitations to a sign-up do.
"""

from html import unescape as unescape_entities
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

from .models import Venue

MIMETYPE = "text/calendar"


def site_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def page_url(page):
    url = page.get_url() or ""
    return url if url.startswith(("http://", "https://")) else site_url() + url


def uid(page):
    host = urlsplit(site_url()).hostname or "localhost"
    return f"workshop-{page.translation_key}@{host}"


def filename(page):
    """The file name in the page's language: tyopaja-<slug>.ics,
    workshop-<slug>.ics."""
    with translation.override(page.locale.language_code):
        return _("workshop-%(slug)s.ics") % {"slug": page.slug}


def _organizer():
    address = settings.DEFAULT_FROM_EMAIL.rpartition("<")[2].rstrip(">").strip()
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["CN"] = settings.WAGTAIL_SITE_NAME
    return organizer


def _plain(html):
    text = unescape_entities(strip_tags((html or "").replace("</p>", "</p>\n\n")))
    return "\n".join(line.strip() for line in text.strip().splitlines())


def _location(page, with_online_link):
    online = page.online_url if with_online_link and page.online_url else ""
    if page.venue == Venue.ONLINE:
        return online or _("Online")
    if page.venue == Venue.HYBRID:
        return f"{page.address} / {online or _('Online')}".strip(" /")
    return page.address


def event(page, with_online_link=False, now=None):
    """The VEVENT of one workshop page (either language), in its language."""
    language = page.locale.language_code
    tz = ZoneInfo(settings.TIME_ZONE)
    url = page_url(page)
    with translation.override(language):
        lines = [_plain(page.introduction)]
        facts = [f"{_('Venue')}: {page.get_venue_display()}"]
        if page.audience:
            facts.append(f"{_('For whom')}: {page.audience}")
        if with_online_link and page.online_url:
            facts.append(f"{_('Online link')}: {page.online_url}")
        facts.append(f"{_('Workshop page')}: {url}")
        lines.append("\n".join(facts))
        description = "\n\n".join(line for line in lines if line)
        location = _location(page, with_online_link)
    lang = {"LANGUAGE": language}
    item = Event()
    item.add("uid", uid(page))
    item.add("dtstamp", now or timezone.now())
    if page.last_published_at:
        item.add("last-modified", page.last_published_at)
    item.add("dtstart", page.starts_at.astimezone(tz))
    item.add("dtend", page.ends_at.astimezone(tz))
    item.add("summary", page.title, parameters=lang)
    item.add("description", description, parameters=lang)
    if location:
        item.add("location", location, parameters=lang)
    item.add("organizer", _organizer())
    item.add("url", url)
    item.add("status", "CANCELLED" if page.cancelled else "CONFIRMED")
    return item


def calendar(events, name, language):
    """A VCALENDAR (METHOD:PUBLISH) of `events` with their time zones."""
    cal = Calendar()
    cal.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//workshops//{language}")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for item in events:
        cal.add_component(item)
    cal.add_missing_timezones()
    return cal


def workshop_calendar(page, with_online_link=False):
    """The .ics bytes of one workshop page."""
    language = page.locale.language_code
    item = event(page, with_online_link=with_online_link)
    return calendar([item], page.title, language).to_ical()


def invitation(workshop_page):
    """The e-mail attachment for a sign-up: (file name, text, mimetype
    parameters) of the page in the person's language, with the online
    link."""
    content = workshop_calendar(workshop_page, with_online_link=True)
    return filename(workshop_page), content.decode(), {"method": "PUBLISH"}


def feed(pages, language, name):
    """The feed's VCALENDAR bytes of these workshop pages."""
    now = timezone.now()
    events = [event(page, now=now) for page in pages]
    return calendar(events, name, language).to_ical()
