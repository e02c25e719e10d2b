"""Sending the workshop outbox: one task per e-mail, retried by
`send_pending_workshop_emails` until it is sent or MAX_ATTEMPTS is reached."""

import datetime as dt
import logging

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from website.core.mail import send_email

from .models import OutgoingEmail, SignUp

logger = logging.getLogger(__name__)
CANCEL_SALT = "participation.workshops.cancel"
MAX_ATTEMPTS = 10


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


def deliver(email):
    """Render and send one outbox e-mail (raises on failure)."""
    workshop = email.workshop
    page = _page_in(workshop, email.language)
    signup = email.signup
    context = {
        "workshop": workshop,
        "page": page,
        "page_url": site_url() + (page.url or ""),
        "signup": signup,
        "data": email.data,
    }
    attachments = ()
    if signup is not None:
        context["cancel_url"] = cancel_url(signup, email.language)
        context["attendees"] = [a.name for a in signup.attendees.all() if a.name]
        if email.kind in (
            OutgoingEmail.Kind.CONFIRMED,
            OutgoingEmail.Kind.PROMOTED,
            OutgoingEmail.Kind.REMINDER,
        ):
            attachments = (
                (
                    "workshop.ics",
                    ics(workshop, page, f"workshop-{workshop.pk}-signup-{signup.pk}"),
                    "text/calendar",
                ),
            )
    with translation.override(email.language):
        send_email(
            f"workshops/email/{email.kind}",
            context,
            email.to,
            email.language,
            attachments=attachments,
        )


def send_one(email_id):
    """Send an outbox e-mail unless already sent; record the outcome."""
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(of=("self",))
            .select_related("workshop", "signup")
            .filter(pk=email_id)
            .first()
        )
        if email is None or email.state == OutgoingEmail.State.SENT:
            return False
        email.attempts += 1
        try:
            deliver(email)
        except Exception as error:  # noqa: BLE001 - any mail error is retried
            logger.warning("Workshop e-mail %s failed: %s", email.pk, error)
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            email.state = (
                OutgoingEmail.State.FAILED
                if email.attempts >= MAX_ATTEMPTS
                else OutgoingEmail.State.PENDING
            )
            email.save(update_fields=["attempts", "last_error", "state"])
            return False
        email.state = OutgoingEmail.State.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(update_fields=["attempts", "last_error", "state", "sent_at"])
        return True


@task()
def send_outgoing_email(email_id):
    return send_one(email_id)


def send_pending(limit=500):
    """Retry every pending e-mail (oldest first); returns (sent, failed)."""
    sent = failed = 0
    ids = list(
        OutgoingEmail.objects.filter(state=OutgoingEmail.State.PENDING)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for pk in ids:
        if send_one(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed
