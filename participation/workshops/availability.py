"""What a workshop's availability is, decided in one place (issue 20.3).

The workshop page, the listing items, the sign-up's own page and the
e-mails all show `availability(...)`, so they can never contradict each
other (before, a page said "3 of 30 seats free" next to "there are no seats
you could get": the waiting list's head was a group that did not fit).

States, first match wins:

- for a sign-up: SIGNUP_CANCELLED (the person's sign-up), CANCELLED (the
  workshop), PAST, CONFIRMED, WAITING with the place in the queue;
- for the workshop: CANCELLED (staff cancelled it), PAST (it has begun),
  NOT_OPEN, CLOSED (sign-up time over), OPEN with the seats a new sign-up
  can get, WAITLIST (no seat for a new sign-up but room on the waiting list)
  and FULL (no room on the list either).

The message is translated when it is read, in the active language.
"""

import enum
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Sum
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext

from .models import SignUp, WorkshopPage


class State(enum.StrEnum):
    OPEN = "open"
    WAITLIST = "waitlist"
    FULL = "full"
    NOT_OPEN = "not_open"
    CLOSED = "closed"
    PAST = "past"
    CONFIRMED = "confirmed"
    WAITING = "waiting"
    CANCELLED = "cancelled"  # the workshop
    SIGNUP_CANCELLED = "signup_cancelled"


SYMBOLS = {
    State.OPEN: "●",
    State.WAITLIST: "◐",
    State.FULL: "○",
    State.NOT_OPEN: "○",
    State.CLOSED: "○",
    State.PAST: "○",
    State.CONFIRMED: "✔",
    State.WAITING: "⏳",
    State.CANCELLED: "✖",
    State.SIGNUP_CANCELLED: "✖",
}


@dataclass(frozen=True)
class Availability:
    state: State
    free: int = 0
    capacity: int = 0
    waiting: int = 0  # persons on the waiting list
    position: int | None = None  # the sign-up's place in the queue
    opens: datetime | None = None

    @property
    def can_sign_up(self):
        return self.state in (State.OPEN, State.WAITLIST)

    @property
    def symbol(self):
        return SYMBOLS[self.state]

    @property
    def message(self):
        state = self.state
        if state == State.OPEN:
            return gettext("%(free)s of %(capacity)s seats free") % {
                "free": self.free,
                "capacity": self.capacity,
            }
        if state == State.WAITLIST:
            return ngettext(
                "Full: you can join the waiting list (%(count)s person waiting).",
                "Full: you can join the waiting list (%(count)s persons waiting).",
                self.waiting,
            ) % {"count": self.waiting}
        if state == State.FULL:
            return gettext("Full: the waiting list is full too.")
        if state == State.NOT_OPEN:
            opens = formats.date_format(
                timezone.localtime(self.opens), "j.n.Y H.i", use_l10n=False
            )
            return gettext("Sign-up opens on %(opens)s.") % {"opens": opens}
        if state == State.CLOSED:
            return gettext("Sign-up has closed.")
        if state == State.PAST:
            return gettext("The workshop has already begun or taken place.")
        if state == State.CONFIRMED:
            return gettext("You have a seat.")
        if state == State.WAITING:
            return gettext(
                "You are on the waiting list, number %(position)s in the queue."
            ) % {"position": self.position}
        if state == State.CANCELLED:
            return gettext("The workshop has been cancelled.")
        return gettext("This sign-up has been cancelled.")

    def __str__(self):
        return self.message


def _waitlist_has_room(workshop, waiting):
    limit = workshop.waitlist_limit
    return limit is None or waiting < limit


def decide(workshop, taken, waiting, now=None):
    """The state of a workshop for a new sign-up, from its seat counts;
    `workshop` gives the times and limits (either language version)."""
    now = now or timezone.now()
    counts = {"capacity": workshop.capacity, "waiting": waiting}
    if workshop.cancelled:
        return Availability(State.CANCELLED, **counts)
    if now >= workshop.starts_at:
        return Availability(State.PAST, **counts)
    signup_state = workshop.signup_state(now)
    if signup_state == "not_open":
        return Availability(State.NOT_OPEN, opens=workshop.signup_opens, **counts)
    if signup_state == "closed":
        return Availability(State.CLOSED, **counts)
    free = max(workshop.capacity - taken, 0)
    # Strict queue (services.py): while anybody waits, a new sign-up waits.
    if free and not waiting:
        return Availability(State.OPEN, free=free, **counts)
    if _waitlist_has_room(workshop, waiting):
        return Availability(State.WAITLIST, free=free, **counts)
    return Availability(State.FULL, free=free, **counts)


def _counts(source_ids):
    """{source id: (taken, waiting)} in one query."""
    counts = {pk: [0, 0] for pk in source_ids}
    rows = (
        SignUp.objects.filter(workshop_id__in=source_ids)
        .exclude(status=SignUp.Status.CANCELLED)
        .values_list("workshop_id", "status")
        .annotate(n=Sum("party_size"))
        .order_by()
    )
    for workshop_id, status, n in rows:
        counts[workshop_id][0 if status == SignUp.Status.CONFIRMED else 1] = n or 0
    return counts


def availability(workshop, signup=None, now=None):
    """The availability of one workshop page (either language), or of
    `signup` (the person's view: their status and place in the queue)."""
    now = now or timezone.now()
    if signup is not None:
        return _for_signup(workshop, signup, now)
    return availabilities([workshop], now)[workshop.pk]


def availabilities(pages, now=None):
    """{page pk: Availability} for many workshop pages of either language
    (a listing) in two queries, whatever their number: the Finnish source
    pages that own the sign-ups, then the seat counts."""
    now = now or timezone.now()
    pages = list(pages)
    sources = dict(
        WorkshopPage.objects.filter(
            translation_key__in={p.translation_key for p in pages},
            locale__language_code=settings.LANGUAGE_CODE,
        ).values_list("translation_key", "pk")
    )
    source_of = {p.pk: sources.get(p.translation_key, p.pk) for p in pages}
    counts = _counts(set(source_of.values()))
    return {
        page.pk: decide(page, *counts[source_of[page.pk]], now=now) for page in pages
    }


def queue_position(signup):
    """1 for the head of the waiting list; counted in sign-ups (a group
    moves as one), in the order the queue is served."""
    ahead = (
        SignUp.objects.filter(
            workshop_id=signup.workshop_id, status=SignUp.Status.WAITING
        )
        .filter(queued_at__lte=signup.queued_at)
        .exclude(queued_at=signup.queued_at, pk__gte=signup.pk)
        .count()
    )
    return ahead + 1


def _for_signup(workshop, signup, now):
    if signup.status == SignUp.Status.CANCELLED:
        return Availability(State.SIGNUP_CANCELLED)
    if workshop.cancelled:
        return Availability(State.CANCELLED)
    if now >= workshop.starts_at:
        return Availability(State.PAST)
    if signup.status == SignUp.Status.CONFIRMED:
        return Availability(State.CONFIRMED)
    return Availability(State.WAITING, position=queue_position(signup))
