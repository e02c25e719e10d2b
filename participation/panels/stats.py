"""Results of panel rounds for staff and for the analytics module.

Every figure is an SQL aggregate. A group (the whole round, a municipality,
an age group) with fewer responses than the minimum group size
(setting PANEL_MIN_GROUP_SIZE, default 5) is suppressed: its counts are
replaced by None and `suppressed` is True.
"""

from django.conf import settings
from django.db.models import Count

from website.core.i18n import localized
from website.indicators.models import Area

from .models import AgeGroup, Answer, Question


def min_group_size(min_group=None):
    if min_group is not None:
        return min_group
    return settings.PANEL_MIN_GROUP_SIZE


def count_invited(invitations):
    """({municipality id: n}, {age group: n}) of the invited members."""
    by_muni = dict(
        invitations.values_list("member__municipality")
        .annotate(n=Count("pk"))
        .values_list("member__municipality", "n")
    )
    by_age = dict(
        invitations.values_list("member__age_group")
        .annotate(n=Count("pk"))
        .values_list("member__age_group", "n")
    )
    return by_muni, by_age


def _counts(round_, stored, answered_only):
    """(total, {municipality id: n}, {age group: n}): live from the
    invitations while the round is open, the stored copy once closed."""
    if round_.status == round_.Status.CLOSED or stored:
        return (
            stored.get("total", 0),
            {int(k): v for k, v in stored.get("municipality", {}).items()},
            stored.get("age_group", {}),
        )
    invitations = round_.invitations.filter(member__isnull=False)
    if answered_only:
        invitations = invitations.filter(answered=True)
    by_muni, by_age = count_invited(invitations)
    return sum(by_muni.values()), by_muni, by_age


def _rate(responded, invited, minimum):
    suppressed = responded < minimum
    return {
        "invited": None if suppressed else invited,
        "responded": None if suppressed else responded,
        "rate": None if suppressed or not invited else round(responded / invited, 3),
        "suppressed": suppressed,
    }


def response_rates(round_, min_group=None):
    """{"overall": {...}, "municipality": [...], "age_group": [...]}.

    The responses carry no stratum (finding 5): who responded by
    municipality and age group is counted from the invitations' "answered"
    flags while the round is open and kept on the round when it closes."""
    minimum = min_group_size(min_group)
    invited_total, invited_muni, invited_age = _counts(
        round_, round_.invited_counts, answered_only=False
    )
    total, by_muni, by_age = _counts(
        round_, round_.responded_counts, answered_only=True
    )
    area_ids = set(invited_muni) | {k for k in by_muni if k is not None}
    # In the reader's language (the admin's, or an export's).
    names = {
        area.pk: localized(area, "name")
        for area in Area.objects.filter(pk__in=area_ids).only(
            "pk", "name_fi", "name_sv"
        )
    }
    ages = dict(AgeGroup.choices)
    return {
        "overall": _rate(total, invited_total, minimum),
        "municipality": [
            {
                "key": pk,
                "name": names.get(pk, ""),
                **_rate(by_muni.get(pk, 0), invited_muni.get(pk, 0), minimum),
            }
            for pk in sorted(area_ids, key=lambda pk: names.get(pk, ""))
        ],
        "age_group": [
            {
                "key": key,
                "name": ages[key],
                **_rate(by_age.get(key, 0), invited_age.get(key, 0), minimum),
            }
            for key in AgeGroup.values
            if key in by_age or key in invited_age
        ],
    }


def round_results(round_, min_group=None, include_text=True):
    """Distributions per question; free texts for staff (include_text).

    Returns {"responses": n, "suppressed": bool, "questions": [...]}; each
    question has `counts` [(value, label, n)], `answered`, `mean` (scale and
    NPS), `nps` (NPS only) and `texts` (free text)."""
    minimum = min_group_size(min_group)
    total = round_.responses.count()
    suppressed = total < minimum
    questions = list(round_.questions.all())
    counts = {}
    answered = {}
    texts = {}
    if not suppressed:
        for question_id, value, n in (
            Answer.objects.filter(question__round=round_, value__isnull=False)
            .values_list("question_id", "value")
            .annotate(n=Count("pk"))
            .values_list("question_id", "value", "n")
        ):
            counts.setdefault(question_id, {})[value] = n
        answered = dict(
            Answer.objects.filter(question__round=round_)
            .values_list("question_id")
            .annotate(n=Count("response_id", distinct=True))
            .values_list("question_id", "n")
        )
        if include_text:
            for question_id, text in (
                Answer.objects.filter(
                    question__round=round_, question__kind=Question.Kind.TEXT
                )
                .exclude(text="")
                # By text, not by id: nothing shows the order of answering.
                .order_by("text")
                .values_list("question_id", "text")
            ):
                texts.setdefault(question_id, []).append(text)
    result = []
    for question in questions:
        item = {
            "id": question.pk,
            "kind": question.kind,
            "text_fi": question.text_fi,
            "text_sv": question.text_sv,
            "text": question.text,
            "answered": None if suppressed else answered.get(question.pk, 0),
            "counts": [],
            "mean": None,
            "nps": None,
            "texts": [] if suppressed else texts.get(question.pk, []),
        }
        if question.kind != Question.Kind.TEXT and not suppressed:
            labels = question.choice_list()
            values = counts.get(question.pk, {})
            for value in question.value_range():
                label = (
                    labels[value]
                    if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE)
                    and value < len(labels)
                    else str(value)
                )
                item["counts"].append((value, label, values.get(value, 0)))
            if question.kind in (Question.Kind.SCALE, Question.Kind.NPS):
                n = sum(values.values())
                if n:
                    item["mean"] = round(sum(v * c for v, c in values.items()) / n, 2)
                if question.kind == Question.Kind.NPS and n:
                    promoters = sum(c for v, c in values.items() if v >= 9)
                    detractors = sum(c for v, c in values.items() if v <= 6)
                    item["nps"] = round(100 * (promoters - detractors) / n)
        result.append(item)
    return {"responses": total, "suppressed": suppressed, "questions": result}
