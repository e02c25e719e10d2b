"""Workshop e-mails: rendered in the recipient's language (with the
calendar file and the cancel link) and put in the site's one outbox
(website.core.mail), which sends and retries them."""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation

from website.core.mail import send_email

from .models import SignUp

CANCEL_SALT = "participation.workshops.cancel"


class Kind(models.TextChoices):
    """The workshop e-mails; the value names the templates
    (templates/workshops/email/<kind>.txt)."""

    CONFIRMED = "confirmed"
    WAITING = "waiting"
    PROMOTED = "promoted"
    REMINDER = "reminder"
    CANCELLED = "cancelled"
    MESSAGE = "message"
    STAFF_FULL = "staff_full"


def cancel_token(signup):
    return signing.dumps(
        {"s": signup.pk, "k": str(signup.submission_key)}, salt=CANCEL_SALT
    )


def signup_from_token(token):
    """The sign-up of a cancel link, or None for a wrong link."""
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
        return SignUp.objects.select_related("workshop").get(
            pk=data["s"], submission_key=data["k"]
        )
    except (signing.BadSignature, SignUp.DoesNotExist, KeyError, TypeError, ValueError):
        return None


def site_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def cancel_url(signup, language=None):
    with translation.override(language or signup.language):
        return site_url() + reverse(
            "workshops:cancel", kwargs={"token": cancel_token(signup)}
        )


def _ics_text(value):
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


def _fold(line):
    """RFC 5545 line folding at 75 octets."""
    data = line.encode()
    parts = []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while (data[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
    parts.append(data)
    return b"\r\n ".join(parts).decode()


def ics(workshop, page, uid):
    """An RFC 5545 calendar with one event."""
    fmt = "%Y%m%dT%H%M%SZ"

    def stamp(value):
        return value.astimezone(dt.UTC).strftime(fmt)

    location = page.address or page.online_url
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Yhdessa//Workshops//FI",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}@yhdessa",
        f"DTSTAMP:{stamp(timezone.now())}",
        f"DTSTART:{stamp(workshop.starts_at)}",
        f"DTEND:{stamp(workshop.ends_at)}",
        f"SUMMARY:{_ics_text(page.title)}",
    ]
    if location:
        lines.append(f"LOCATION:{_ics_text(location)}")
    if page.online_url:
        lines.append(f"URL:{page.online_url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def _page_in(workshop, language):
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code=language).first()
    page = workshop.get_translation_or_none(locale) if locale else None
    return page if page and page.live else workshop


def queue(kind, workshop, to, language, signup=None, data=None):
    """Render one workshop e-mail in `language` and queue it (in the
    caller's transaction; it is sent after commit). Returns 1."""
    page = _page_in(workshop, language)
    context = {
        "workshop": workshop,
        "page": page,
        "page_url": site_url() + (page.url or ""),
        "signup": signup,
        "data": data or {},
    }
    attachments = ()
    if signup is not None:
        context["cancel_url"] = cancel_url(signup, language)
        context["attendees"] = [a.name for a in signup.attendees.all() if a.name]
        if kind in (Kind.CONFIRMED, Kind.PROMOTED, Kind.REMINDER):
            attachments = (
                (
                    "workshop.ics",
                    ics(workshop, page, f"workshop-{workshop.pk}-signup-{signup.pk}"),
                    "text/calendar",
                ),
            )
    with translation.override(language):
        return send_email(
            f"workshops/email/{kind}",
            context,
            to,
            language,
            attachments=attachments,
        )
