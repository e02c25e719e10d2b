"""Workshop e-mails: rendered in the recipient's language (with the
calendar invitation of ics.py, the availability and the cancel link) and
put in the site's one outbox (website.core.mail), which sends and retries
them."""

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import translation

from website.core.mail import mime_attachment, send_email

from . import ics
from .availability import availability
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
        context["availability"] = availability(workshop, signup)
        if kind in (Kind.CONFIRMED, Kind.PROMOTED, Kind.REMINDER):
            # The same event as the page's "add to calendar" file, with the
            # online link (ics.py); a MIME part, so method=PUBLISH survives
            # the outbox.
            name, content, params = ics.invitation(page)
            attachments = (mime_attachment(name, content, ics.MIMETYPE, **params),)
    with translation.override(language):
        return send_email(
            f"workshops/email/{kind}",
            context,
            to,
            language,
            attachments=attachments,
        )
