"""Panel operations: joining, signed links, the draw and rounds of questions.

Views and admin views stay thin and call these functions.
"""

import random
import secrets
from collections import Counter, defaultdict

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from .models import (
    Answer,
    Member,
    PanelDraw,
    Question,
    Response,
    Round,
    RoundInvitation,
    token_hash,
)
from .stats import count_invited

CONFIRM_SALT = "participation.panels.confirm"
SELF_SERVICE_SALT = "participation.panels.self-service"


class LinkError(Exception):
    """A personal link that cannot be used; `gone` = used or expired (410)."""

    def __init__(self, gone=False):
        super().__init__()
        self.gone = gone


# --- signed member links ----------------------------------------------------


def member_token(member, salt):
    return signing.dumps({"m": member.pk, "k": member.link_key}, salt=salt)


def member_from_token(token, salt, max_age):
    """The member a signed link points to, or LinkError (nothing revealed)."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise LinkError(gone=True) from exc
    except signing.BadSignature as exc:
        raise LinkError() from exc
    if not isinstance(data, dict):
        raise LinkError()
    member = (
        Member.objects.select_related("panel", "municipality", "consent")
        .filter(pk=data.get("m"), link_key=data.get("k"))
        .first()
    )
    if member is None:
        raise LinkError(gone=True)
    return member


def confirm_max_age():
    return settings.PANEL_CONFIRM_MAX_AGE


def self_service_max_age():
    return settings.PANEL_LINK_MAX_AGE


def absolute_url(name, token, language):
    with translation.override(language):
        path = reverse(f"panels:{name}", args=[token])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def confirm_url(member):
    return absolute_url("confirm", member_token(member, CONFIRM_SALT), member.language)


def self_service_url(member):
    return absolute_url(
        "self_service", member_token(member, SELF_SERVICE_SALT), member.language
    )


def invitation_url(invitation, language):
    return absolute_url("answer", invitation.token(), language)


# --- joining ------------------------------------------------------------------


def _enqueue(task, *args):
    transaction.on_commit(lambda: task.enqueue(*args))


@transaction.atomic
def join(panel, data, consent):
    """Store an application (unconfirmed) and send the confirmation e-mail.

    If the address has already joined, the person gets an e-mail with their
    own link instead; the page shown is the same, so nothing is revealed."""
    from . import tasks

    email = data["email"].strip().lower()
    existing = Member.objects.filter(panel=panel, email=email).first()
    if existing is not None:
        _enqueue(tasks.send_member_mail, existing.pk, "already")
        return existing, False
    now = timezone.now()
    member = Member.objects.create(
        panel=panel,
        email=email,
        name=data.get("name", ""),
        municipality=data["municipality"],
        age_group=data["age_group"],
        language=data["language"],
        background=data.get("background", {}),
        consent=consent,
        consented_at=now,
    )
    _enqueue(tasks.send_member_mail, member.pk, "confirm")
    return member, True


@transaction.atomic
def resend_confirmation(panel, email):
    """Send the confirmation link again to a pending application.

    Only an unconfirmed application that has not left gets a mail; for any
    other address nothing happens, and the caller shows the same page
    either way (nothing revealed). Returns whether a mail was queued."""
    from . import tasks

    member = Member.objects.filter(
        panel=panel,
        email=email.strip().lower(),
        confirmed_at__isnull=True,
        left_at__isnull=True,
    ).first()
    if member is None:
        return False
    _enqueue(tasks.send_member_mail, member.pk, "confirm")
    return True


@transaction.atomic
def confirm(member):
    """Double opt-in; a used link raises LinkError(gone=True)."""
    member = Member.objects.select_for_update().get(pk=member.pk)
    if member.confirmed_at is not None:
        raise LinkError(gone=True)
    member.confirmed_at = timezone.now()
    member.save(update_fields=["confirmed_at"])
    from . import tasks

    _enqueue(tasks.send_member_mail, member.pk, "welcome")
    return member


@transaction.atomic
def leave(member):
    member.set_status(Member.Status.LEFT)
    member.left_at = timezone.now()
    member.save(update_fields=["status", "status_changed_at", "left_at"])
    member.invitations.filter(answered=False).delete()


# --- the draw -------------------------------------------------------------------


def largest_remainder(weights, seats):
    """Integer seats per key proportional to `weights` (Hamilton's method)."""
    total = sum(weights.values())
    if not total or seats <= 0:
        return {key: 0 for key in weights}
    exact = {key: seats * w / total for key, w in weights.items()}
    result = {key: int(value) for key, value in exact.items()}
    left = seats - sum(result.values())
    order = sorted(weights, key=lambda k: (-(exact[k] - result[k]), str(k)))
    for key in order[:left]:
        result[key] += 1
    return result


def plan_draw(applicants, municipality_shares, age_shares, size, seed):
    """Pick applicant ids: `applicants` is [(id, municipality code, age group)].

    Seats go to strata (municipality × age group) in proportion to the
    product of the target shares by the largest remainder; a stratum with
    too few applicants gives its spare seats to the strata furthest below
    their exact quota. Within a stratum, random.Random(seed) samples from
    the applicants sorted by id, so the same seed gives the same result."""
    pools = defaultdict(list)
    for pk, code, age in sorted(applicants):
        pools[(code, age)].append(pk)
    size = min(size, len(applicants))
    weights = {
        (code, age): m_share * a_share
        for code, m_share in municipality_shares.items()
        for age, a_share in age_shares.items()
    }
    for key in pools:
        weights.setdefault(key, 0.0)
    total = sum(weights.values()) or 1.0
    exact = {key: size * w / total for key, w in weights.items()}
    quota = largest_remainder(weights, size)
    seats = {key: min(quota[key], len(pools[key])) for key in weights}
    spare = size - sum(seats.values())
    while spare > 0:
        open_strata = [k for k in weights if len(pools[k]) > seats[k]]
        if not open_strata:
            break
        best = min(open_strata, key=lambda k: (-(exact[k] - seats[k]), str(k)))
        seats[best] += 1
        spare -= 1
    rng = random.Random(seed)
    chosen = []
    for key in sorted(weights, key=str):
        if seats[key]:
            chosen.extend(rng.sample(pools[key], seats[key]))
    return sorted(chosen)


def deviation_report(selected, municipality_shares, age_shares, names=None):
    """Achieved shares against targets, in percentage points.

    `selected` is [(municipality code, age group)] of the chosen members."""
    names = names or {}
    n = len(selected) or 1
    rows = {}
    for label, index, targets in (
        ("municipality", 0, municipality_shares),
        ("age_group", 1, age_shares),
    ):
        counts = Counter(item[index] for item in selected)
        keys = sorted(set(targets) | set(counts), key=str)
        rows[label] = [
            {
                "key": key,
                "name": names.get(key, key),
                "count": counts.get(key, 0),
                "target": round(100 * targets.get(key, 0.0), 1),
                "achieved": round(100 * counts.get(key, 0) / n, 1),
                "deviation": round(
                    100 * (counts.get(key, 0) / n - targets.get(key, 0.0)), 1
                ),
            }
            for key in keys
        ]
    rows["max_deviation"] = max(
        [abs(r["deviation"]) for r in rows["municipality"] + rows["age_group"]] or [0.0]
    )
    return rows


@transaction.atomic
def draw(panel, method, size=None, seed=None, user=None):
    """Select the membership from the confirmed applicants and store the draw."""
    size = panel.target_size if size is None else size
    rows = list(
        panel.members.applicants()
        .order_by("pk")
        .values_list("pk", "municipality__code", "age_group")
    )
    muni, ages = panel.normalised_targets()
    if method == PanelDraw.Method.ALL:
        chosen = [pk for pk, _code, _age in rows]
        seed = None
    else:
        if seed is None:
            seed = secrets.randbelow(2**31)
        chosen = plan_draw(rows, muni, ages, size, seed)
    chosen_set = set(chosen)
    selected = [(code, age) for pk, code, age in rows if pk in chosen_set]
    names = dict(panel.municipalities.values_list("code", "name_fi"))
    report = deviation_report(selected, muni, ages, names)
    now = timezone.now()
    applicants = panel.members.applicants()
    applicants.filter(pk__in=chosen).update(
        status=Member.Status.MEMBER, status_changed_at=now
    )
    applicants.exclude(pk__in=chosen).update(
        status=Member.Status.NOT_SELECTED, status_changed_at=now
    )
    return PanelDraw.objects.create(
        panel=panel,
        method=method,
        seed=seed,
        size=size if method != PanelDraw.Method.ALL else len(rows),
        selected_count=len(chosen),
        applicant_count=len(rows),
        report=report,
        created_by=user,
    )


# --- rounds -----------------------------------------------------------------------


@transaction.atomic
def send_invitations(round_):
    """Invite every current member not yet invited; open the round."""
    from . import tasks

    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.status == Round.Status.CLOSED:
        return 0
    invited = round_.invitations.filter(member__isnull=False).values("member_id")
    new = [
        RoundInvitation(round=round_, member_id=pk)
        for pk in round_.panel.members.members()
        .exclude(pk__in=invited)
        .values_list("pk", flat=True)
    ]
    created = RoundInvitation.objects.bulk_create(new)
    if created and created[0].pk is None:  # a backend without RETURNING
        created = list(round_.invitations.filter(sent_at__isnull=True))
    for invitation in created:
        invitation.refresh_hash()
    RoundInvitation.objects.bulk_update(created, ["token_hash"])
    if round_.status == Round.Status.DRAFT:
        round_.status = Round.Status.OPEN
        round_.opened_at = timezone.now()
        round_.save(update_fields=["status", "opened_at"])
    _enqueue(tasks.send_round_mails, round_.pk, "invitation")
    return len(created)


def send_reminders(round_):
    from . import tasks

    round_ = Round.objects.get(pk=round_.pk)
    if round_.status != Round.Status.OPEN:
        return 0
    count = round_.invitations.filter(answered=False, sent_at__isnull=False).count()
    tasks.send_round_mails.enqueue(round_.pk, "reminder")
    return count


def _stored_counts(invitations):
    by_municipality, by_age = count_invited(invitations)
    return {
        "total": sum(by_municipality.values()),
        "municipality": {str(k): v for k, v in by_municipality.items()},
        "age_group": by_age,
    }


@transaction.atomic
def close_round(round_):
    """Close the round: keep the invited and responded counts, drop the
    member links."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.status == Round.Status.CLOSED:
        return round_
    invitations = round_.invitations.filter(member__isnull=False)
    round_.invited_counts = _stored_counts(invitations)
    round_.responded_counts = _stored_counts(invitations.filter(answered=True))
    # Drop the member link and the "has answered" mark; the hashes stay so
    # that an old link answers "expired" instead of "unknown".
    round_.invitations.update(member=None, answered=False, sent_at=None, reminded=False)
    round_.status = Round.Status.CLOSED
    round_.closed_at = timezone.now()
    round_.save(
        update_fields=["invited_counts", "responded_counts", "status", "closed_at"]
    )
    return round_


def close_due_rounds(now=None):
    now = now or timezone.now()
    due = Round.objects.filter(status=Round.Status.OPEN, closes_at__lte=now)
    return [close_round(r) for r in due]


def invitation_from_token(token):
    """The open invitation behind a link, or LinkError (404 wrong, 410 used)."""
    invitation = (
        RoundInvitation.objects.select_related("round", "round__panel", "member")
        .filter(token_hash=token_hash(token or ""))
        .first()
    )
    if invitation is None:
        raise LinkError()
    if (
        invitation.answered
        or invitation.member_id is None
        or not invitation.round.is_open
    ):
        raise LinkError(gone=True)
    return invitation


class InvalidAnswers(ValueError):
    """Answers that no form of the round could have sent (finding 2)."""


def clean_answers(questions, answers):
    """[(question id, value, text)] rows for `answers`, or InvalidAnswers.

    `answers` maps question id to an int, a list of ints (multiple choice)
    or a text. Every value must be one the question offers, a choice at most
    once, a text at most PANEL_ANSWER_MAX_LENGTH characters; an id of
    another round's question is refused."""
    by_id = {question.pk: question for question in questions}
    rows = []
    for question_id, value in answers.items():
        question = by_id.get(question_id)
        if question is None:
            raise InvalidAnswers(question_id)
        if value in (None, "", []):
            continue
        if question.kind == Question.Kind.TEXT:
            if not isinstance(value, str) or (
                len(value) > settings.PANEL_ANSWER_MAX_LENGTH
            ):
                raise InvalidAnswers(question_id)
            rows.append((question_id, None, value))
            continue
        values = value if question.kind == Question.Kind.MULTIPLE else [value]
        if not isinstance(values, (list, tuple)) or len(set(values)) != len(values):
            raise InvalidAnswers(question_id)
        allowed = set(question.value_range())
        for item in values:
            if isinstance(item, bool) or not isinstance(item, int):
                raise InvalidAnswers(question_id)
            if item not in allowed:
                raise InvalidAnswers(question_id)
            rows.append((question_id, item, ""))
    return rows


@transaction.atomic
def submit_answers(invitation, answers):
    """Store one anonymous response; `answers` maps question id to an int,
    a list of ints or a text (checked by `clean_answers`).

    The invitation's "answered" flag is set by a conditional UPDATE in the
    same transaction, so of two answers through one link (in a row or at
    the same moment) only one is stored, on any database. The response
    carries only the round and the day the round opened."""
    round_ = invitation.round
    rows = clean_answers(list(round_.questions.all()), answers)
    marked = RoundInvitation.objects.filter(
        pk=invitation.pk, answered=False, member__isnull=False
    ).update(answered=True)
    if not marked:
        raise LinkError(gone=True)
    response = Response.objects.create(
        round_id=round_.pk,
        submitted_on=timezone.localdate(round_.opened_at or timezone.now()),
    )
    Answer.objects.bulk_create(
        Answer(response=response, question_id=question_id, value=value, text=text)
        for question_id, value, text in rows
    )
    return response
