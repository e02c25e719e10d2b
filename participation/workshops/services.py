"""Seat rules: sign-up, cancellation, promotion and capacity change.

Every change of seats runs inside `transaction.atomic` with the Finnish
workshop page row locked (`select_for_update`), so concurrent sign-ups and
cancellations are serialised per workshop and can never overbook
(DESIGN.md "Capacity races"). E-mails are written to the site's outbox
(website.core.mail) inside the same transaction and sent after commit.

Rules:
- a party is never split: it is confirmed only if all of its attendees fit
  in the free seats, otherwise the whole party joins the waiting list;
- the waiting list is served strictly in order (time of joining); a party at
  the head that does not fit blocks the ones behind it, and a new sign-up
  joins the waiting list while anybody is waiting;
- the waiting list limit counts persons; a party that would exceed it is
  refused with an honest message;
- a sign-up brings at most `WorkshopPage.party_limit()` attendees, and an
  organisation's sign-ups together at most `max_per_organisation`, counted
  under the same lock over every active sign-up with the same Business ID,
  the same normalised name or the same association (audit finding 3).
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from website.core.organisations import organisation_key

from .models import (
    Attendee,
    CapacityNotice,
    OrganisationType,
    SignUp,
    WorkshopPage,
)
from .tasks import Kind

NOTICE_THRESHOLDS = (80, 100)


class WorkshopFull(Exception):
    """No seat and no room on the waiting list."""


class TooManyAttendees(Exception):
    """More attendees than one sign-up of this type may bring."""

    def __init__(self, limit):
        super().__init__(limit)
        self.limit = limit


class OrganisationQuotaFull(Exception):
    """The organisation's sign-ups would exceed `max_per_organisation`;
    `left` is how many seats it may still take."""

    def __init__(self, left, limit):
        super().__init__(left, limit)
        self.left = left
        self.limit = limit


def organisation_seats(workshop, fields):
    """Attendees of the active (not cancelled) sign-ups of the organisation
    described by `fields` (its Business ID, name or association)."""
    match = Q()
    key = organisation_key(fields.get("organisation_name", ""))
    if key:
        match |= Q(organisation_key=key)
    if fields.get("business_id"):
        match |= Q(business_id=fields["business_id"])
    if fields.get("association") is not None:
        match |= Q(association=fields["association"])
    if not match:
        return 0
    return (
        SignUp.objects.filter(match, workshop=workshop)
        .exclude(status=SignUp.Status.CANCELLED)
        .exclude(organisation_type=OrganisationType.RESIDENT)
        .aggregate(n=Sum("party_size"))["n"]
        or 0
    )


@dataclass
class Seats:
    capacity: int
    taken: int
    waiting: int

    @property
    def free(self):
        return max(self.capacity - self.taken, 0)


def seats(workshop):
    """Taken and waiting persons of a (Finnish) workshop, in one query."""
    rows = dict(
        SignUp.objects.filter(workshop=workshop)
        .exclude(status=SignUp.Status.CANCELLED)
        .values_list("status")
        .annotate(n=Sum("party_size"))
        .order_by()
    )
    return Seats(
        capacity=workshop.capacity,
        taken=rows.get(SignUp.Status.CONFIRMED, 0) or 0,
        waiting=rows.get(SignUp.Status.WAITING, 0) or 0,
    )


def seats_by_source(sources):
    """{Finnish workshop pk: Seats} for many workshops in one query: the
    same counts as `seats` (the open data API lists many at once)."""
    sources = list(sources)
    rows = {}
    for workshop_id, status, n in (
        SignUp.objects.filter(workshop__in=sources)
        .exclude(status=SignUp.Status.CANCELLED)
        .values_list("workshop_id", "status")
        .annotate(n=Sum("party_size"))
        .order_by()
    ):
        rows[(workshop_id, status)] = n or 0
    return {
        source.pk: Seats(
            capacity=source.capacity,
            taken=rows.get((source.pk, SignUp.Status.CONFIRMED), 0),
            waiting=rows.get((source.pk, SignUp.Status.WAITING), 0),
        )
        for source in sources
    }


def _lock(workshop_id):
    return WorkshopPage.objects.select_for_update(of=("self",)).get(pk=workshop_id)


def queue_email(kind, workshop, signup=None, to=None, language=None, **data):
    """Render an e-mail and put it in the outbox in this transaction; it is
    sent (and retried) after commit."""
    from .tasks import queue

    return queue(
        kind,
        workshop,
        to or signup.email,
        language or signup.language,
        signup=signup,
        data=data,
    )


def create_signup(workshop, attendees, **fields):
    """Sign up a party; returns (signup, created).

    `workshop` may be either language version; the sign-up belongs to the
    Finnish page. `attendees` is a list of names (blank names allowed), one
    per seat. A repeated `submission_key` returns the first sign-up.
    Raises WorkshopFull when neither a seat nor the waiting list is free,
    TooManyAttendees and OrganisationQuotaFull for the limits above.
    """
    source = workshop.source()
    party = max(len(attendees), 1)
    kind = fields.get("organisation_type", OrganisationType.RESIDENT)
    with transaction.atomic():
        locked = _lock(source.pk)
        key = fields.get("submission_key")
        if key:
            existing = SignUp.objects.filter(
                workshop=locked, submission_key=key
            ).first()
            if existing:
                return existing, False
        limit = locked.party_limit(kind)
        if party > limit:
            raise TooManyAttendees(limit)
        quota = locked.max_per_organisation
        if quota and kind != OrganisationType.RESIDENT:
            used = organisation_seats(locked, fields)
            if used + party > quota:
                raise OrganisationQuotaFull(max(quota - used, 0), quota)
        state = seats(locked)
        nobody_waiting = not SignUp.objects.filter(
            workshop=locked, status=SignUp.Status.WAITING
        ).exists()
        now = timezone.now()
        if nobody_waiting and party <= state.free:
            status = SignUp.Status.CONFIRMED
        elif locked.waitlist_limit is None or (
            state.waiting + party <= locked.waitlist_limit
        ):
            status = SignUp.Status.WAITING
        else:
            raise WorkshopFull()
        signup = SignUp.objects.create(
            workshop=locked,
            status=status,
            party_size=party,
            created_at=now,
            queued_at=now,
            organisation_key=organisation_key(fields.get("organisation_name", "")),
            **fields,
        )
        Attendee.objects.bulk_create(
            [Attendee(signup=signup, name=name) for name in (attendees or [""])]
        )
        kind = Kind.CONFIRMED if status == SignUp.Status.CONFIRMED else Kind.WAITING
        queue_email(kind, locked, signup)
        if status == SignUp.Status.CONFIRMED:
            _capacity_notices(locked, state.taken + party)
    return signup, True


def _promote(locked, now):
    """Confirm waiting parties in order while the head of the queue fits."""
    state = seats(locked)
    free = state.free
    promoted = []
    for signup in SignUp.objects.filter(workshop=locked).waiting():
        if signup.party_size > free:
            break  # strict order: nobody jumps past the head of the queue
        free -= signup.party_size
        signup.status = SignUp.Status.CONFIRMED
        signup.promoted_at = now
        signup.save(update_fields=["status", "promoted_at"])
        queue_email(Kind.PROMOTED, locked, signup)
        promoted.append(signup)
    if promoted:
        _capacity_notices(locked, locked.capacity - free)
    return promoted


def _capacity_notices(locked, taken):
    if not locked.staff_email or not locked.capacity:
        return
    percent = taken * 100 // locked.capacity
    for threshold in NOTICE_THRESHOLDS:
        if percent >= threshold:
            _, created = CapacityNotice.objects.get_or_create(
                workshop=locked, threshold=threshold
            )
            if created:
                queue_email(
                    Kind.STAFF_FULL,
                    locked,
                    to=locked.staff_email,
                    language=locked.locale.language_code,
                    threshold=threshold,
                    taken=taken,
                )


def cancel_signup(signup_id, by_staff=False):
    """Cancel a sign-up (idempotent) and promote from the waiting list.

    Returns (signup, promoted sign-ups)."""
    with transaction.atomic():
        workshop_id = SignUp.objects.values_list("workshop_id", flat=True).get(
            pk=signup_id
        )
        locked = _lock(workshop_id)
        signup = SignUp.objects.select_for_update().get(pk=signup_id)
        if signup.status == SignUp.Status.CANCELLED:
            return signup, []
        now = timezone.now()
        signup.status = SignUp.Status.CANCELLED
        signup.cancelled_at = now
        signup.save(update_fields=["status", "cancelled_at"])
        queue_email(Kind.CANCELLED, locked, signup, by_staff=by_staff)
        promoted = _promote(locked, now)
    return signup, promoted


def erase_signup(signup_id):
    """The person erases their sign-up (self-service): before the workshop
    its seats are freed and the waiting list moves on as on cancellation
    (without a cancellation e-mail: the address is being erased); then the
    personal data goes (retention.erase). The anonymous row stays for the
    statistics. Returns the sign-ups promoted."""
    from .retention import erase

    with transaction.atomic():
        workshop_id = SignUp.objects.values_list("workshop_id", flat=True).get(
            pk=signup_id
        )
        locked = _lock(workshop_id)
        signup = SignUp.objects.select_for_update().get(pk=signup_id)
        now = timezone.now()
        promoted = []
        if signup.status != SignUp.Status.CANCELLED and now < locked.starts_at:
            signup.status = SignUp.Status.CANCELLED
            signup.cancelled_at = now
            signup.save(update_fields=["status", "cancelled_at"])
            promoted = _promote(locked, now)
        erase(SignUp.objects.filter(pk=signup_id), now=now)
    return promoted


def capacity_changed(workshop):
    """Promote after staff changed the capacity (called on publish)."""
    source = workshop.source()
    with transaction.atomic():
        locked = _lock(source.pk)
        return _promote(locked, timezone.now())


def set_capacity(workshop, capacity):
    """Change the capacity of both language versions and promote."""
    source = workshop.source()
    with transaction.atomic():
        locked = _lock(source.pk)
        WorkshopPage.objects.filter(translation_key=locked.translation_key).update(
            capacity=capacity
        )
        locked.capacity = capacity
        return _promote(locked, timezone.now())


def message_participants(workshop, subject, body, subject_sv="", body_sv=""):
    """Queue staff's message to every confirmed sign-up, in their language."""
    source = workshop.source()
    count = 0
    with transaction.atomic():
        for signup in SignUp.objects.filter(workshop=source).confirmed():
            sv = signup.language == "sv" and (subject_sv or body_sv)
            queue_email(
                Kind.MESSAGE,
                source,
                signup,
                subject=subject_sv if sv else subject,
                body=body_sv if sv else body,
            )
            count += 1
    return count


def queue_reminders(now=None):
    """Queue one reminder per confirmed sign-up of workshops starting within
    their `reminder_days`; returns how many were queued."""
    now = now or timezone.now()
    count = 0
    candidates = WorkshopPage.objects.filter(
        starts_at__gt=now,
        reminder_days__gt=0,
        locale__language_code="fi",
        starts_at__lte=now + timezone.timedelta(days=60),
    )
    for workshop in candidates:
        if workshop.starts_at - timezone.timedelta(days=workshop.reminder_days) > now:
            continue
        with transaction.atomic():
            for signup in SignUp.objects.filter(workshop=workshop).confirmed():
                # One reminder per sign-up, even from concurrent runs.
                if SignUp.objects.filter(pk=signup.pk, reminded_at__isnull=True).update(
                    reminded_at=now
                ):
                    queue_email(Kind.REMINDER, workshop, signup)
                    count += 1
    return count
