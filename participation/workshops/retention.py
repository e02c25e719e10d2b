"""Retention: personal data of sign-ups is anonymised
WORKSHOP_RETENTION_DAYS after the workshop ends; the rows stay, so the
counts (organisation type, municipality, language, party size, attendance)
remain for the statistics."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from website.core.mail import erase_address

from .models import Attendee, SignUp


def retention_days():
    return getattr(settings, "WORKSHOP_RETENTION_DAYS", 90)


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
    rows = list(signups.values_list("pk", "email"))
    if not rows:
        return 0
    ids = [pk for pk, _email in rows]
    # The outbox keeps the address and the mail's text: delete it too.
    for address in {email for _pk, email in rows if email}:
        erase_address(address)
    blank = {field: "" for field in SignUp.PERSONAL_FIELDS}
    SignUp.objects.filter(pk__in=ids).update(**blank, user=None, anonymised_at=now)
    Attendee.objects.filter(signup_id__in=ids).update(name="")
    return len(ids)
