"""Retention and erasure of association representatives' personal data
(website/associations/privacy.py, docs/privacy.md).

`purge` runs daily (SCHEDULED_JOBS "purge-associations"); `erase_representative`
is the erase-on-request path and what the purge uses for accounts.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from website.core import privacy

from . import history
from .models import Association, ChangeRequest, Representative


def _addresses(user):
    return {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    } - {""}


def entries_naming(user, addresses=None):
    """The association entries whose representative fields name `user`
    (one of their addresses, or their name on an entry they represent)."""
    matches = Q(pk__in=[])
    for address in _addresses(user) if addresses is None else addresses:
        matches |= Q(representative_email__iexact=address)
    name = user.get_full_name()
    if name:
        matches |= Q(representative_name=name, representatives__user=user)
    return Association.objects.filter(
        pk__in=Association.objects.filter(matches).values("pk")
    )


def representative_data(user):
    """What the register holds about a representative (GDPR articles 15 and
    20): the account, its addresses, representations, the change requests
    they submitted and the entries naming them; for the "My data" page and
    its download (website/associations/my_data.py)."""
    return {
        "account": {
            "username": user.get_username(),
            "name": user.get_full_name(),
            "email": user.email,
            "created": user.date_joined,
            "last_sign_in": user.last_login,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "representations": [
            {
                "association": str(representation.association),
                "status": representation.status,
                "language": representation.language,
                "since": representation.created_at,
            }
            for representation in Representative.objects.filter(user=user)
            .select_related("association")
            .order_by("created_at", "pk")
        ],
        "change_requests": [
            {
                "association": str(change.association),
                "kind": change.kind,
                "status": change.status,
                "submitted": change.submitted_at,
                "decided": change.decided_at,
                "proposed_values": change.data,
                "reason": change.reason,
            }
            for change in ChangeRequest.objects.filter(submitted_by=user)
            .select_related("association")
            .order_by("submitted_at", "pk")
        ],
        "entries_naming_you": [
            {
                "association": str(entry),
                "representative_name": entry.representative_name,
                "representative_email": entry.representative_email,
            }
            for entry in entries_naming(user).order_by("name_fi")
        ],
    }


@transaction.atomic
def erase_representative(user):
    """Delete a representative's account and every copy of their name and
    addresses: the entries' representative fields, the account's e-mail
    addresses, representations and the links of their change requests (the
    proposals themselves are about the association and stay). Staff accounts
    are the administrators' business and are refused."""
    if user.is_staff or user.is_superuser:
        raise ValueError("Staff accounts are removed by the administrators.")
    addresses = _addresses(user)
    entries_naming(user, addresses).update(**privacy.blank_values(Association))
    user.delete()  # cascades: representations, e-mail addresses, MFA
    privacy.forget_addresses(Representative, addresses)


def _days(setting):
    return timezone.now() - timedelta(days=getattr(settings, setting))


def purge():
    """Apply the retention periods; returns counts per kind of data."""
    cutoff = _days("ASSOCIATION_RETENTION_DAYS")
    users = get_user_model().objects.filter(
        is_staff=False, is_superuser=False, groups__isnull=True
    )
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    # Signed up but never verified the address (so never signed in).
    unverified = users.filter(
        ~Exists(verified),
        emailaddress__isnull=False,
        last_login__isnull=True,
        date_joined__lt=_days("ASSOCIATION_UNVERIFIED_ACCOUNT_DAYS"),
    )
    # Representatives who left: no representation any more, no sign-in in
    # the retention period.
    represents = Representative.objects.filter(user=OuterRef("pk"))
    left = users.filter(
        ~Exists(represents),
        Exists(verified),
        Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff),
    )
    counts = {"unverified_accounts": 0, "accounts_left": 0}
    for key, queryset in (("unverified_accounts", unverified), ("accounts_left", left)):
        for user in queryset.distinct():
            erase_representative(user)
            counts[key] += 1
    with transaction.atomic():
        counts["requests"] = Representative.objects.filter(
            status__in=[Representative.Status.PENDING, Representative.Status.REJECTED],
            created_at__lt=cutoff,
        ).delete()[0]
        counts["change_requests"] = (
            ChangeRequest.objects.exclude(status=ChangeRequest.Status.PENDING)
            .filter(
                Q(decided_at__lt=cutoff)
                | Q(decided_at__isnull=True, submitted_at__lt=cutoff)
            )
            .delete()[0]
        )
        approved = Representative.objects.filter(
            association=OuterRef("pk"), status=Representative.Status.APPROVED
        )
        orphaned = Association.objects.filter(
            ~Exists(approved), updated_at__lt=cutoff
        ).exclude(representative_name="", representative_email="")
        # The history keeps old field values (addresses, phone numbers) as
        # long as the proposals that carried them, no longer.
        counts["history"] = history.entries_before(cutoff).delete()[0]
        addresses = list(orphaned.values_list("representative_email", flat=True))
        # update() leaves updated_at (auto_now) alone: the entry did not change.
        counts["entries"] = orphaned.update(**privacy.blank_values(Association))
    privacy.forget_addresses(Association, addresses)
    return counts
