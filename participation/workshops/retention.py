"""Retention: personal data of sign-ups is anonymised
WORKSHOP_RETENTION_DAYS after the workshop ends; the rows stay, so the
counts (organisation type, municipality, language, party size, attendance)
remain for the statistics."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from website.core import privacy

from .models import Attendee, SignUp


def retention_days():
    return settings.WORKSHOP_RETENTION_DAYS


@transaction.atomic
def anonymise(now=None, days=None):
    """Anonymise the sign-ups of workshops that ended more than `days` ago;
    returns the number of sign-ups anonymised."""
    now = now or timezone.now()
    days = retention_days() if days is None else days
    cutoff = now - timedelta(days=days)
    signups = SignUp.objects.filter(
        workshop__ends_at__lt=cutoff, anonymised_at__isnull=True
    )
    return erase(signups, now=now)


@transaction.atomic
def erase(signups, now=None):
    """Clear the personal data of these sign-ups and every copy of it: the
    attendees' names, their queued or sent e-mails, and (through
    address_erased) other registers' copies of the addresses. Returns the
    number of sign-ups erased."""
    now = now or timezone.now()
    rows = list(signups.values_list("pk", "email"))
    if not rows:
        return 0
    ids = [pk for pk, _email in rows]
    SignUp.objects.filter(pk__in=ids).update(
        **privacy.blank_values(SignUp), user=None, anonymised_at=now
    )
    Attendee.objects.filter(signup_id__in=ids).update(**privacy.blank_values(Attendee))
    privacy.forget_addresses(SignUp, [email for _pk, email in rows])
    return len(ids)
