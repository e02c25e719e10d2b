"""Monthly summaries of feedback, exact and kept in step with the raw rows.

A bucket is (month, unit, channel, language). Whenever a feedback is saved
or deleted, its bucket (and its old bucket, if it moved: a transfer changes
the unit) is recomputed from the raw rows in the same transaction: a couple
of small indexed queries, and the summary can never drift. Bulk writes that
send no signals (demo data, imports, the benchmark) call `rebuild()`.

The dashboard reads the summaries when the period covers whole months (see
queries.Filters.whole_months) and the raw rows otherwise; the tests check
that both give the same figures.
"""

import datetime

from django.db import transaction
from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from feedback.models import Feedback

from .models import FeedbackAnalysis, FeedbackMonthly, ThemeMonthly

COUNTED_FIELDS = {"nps", "status", "closed_at", "unit", "channel", "language",
                  "created_at", "text"}  # fmt: skip
HANDLED = ("answered", "closed")


def month_of(moment):
    return timezone.localtime(moment).date().replace(day=1)


def bucket_of(feedback):
    return (month_of(feedback.created_at), feedback.unit_id, feedback.channel,
            feedback.language)  # fmt: skip


def _month_range(month):
    start = timezone.make_aware(datetime.datetime.combine(month, datetime.time.min))
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    end = timezone.make_aware(datetime.datetime.combine(following, datetime.time.min))
    return start, end


def _counts():
    return {
        "n": Count("pk"),
        "scored": Count("pk", filter=Q(nps__isnull=False)),
        "promoters": Count("pk", filter=Q(nps__gte=9)),
        "passives": Count("pk", filter=Q(nps__gte=7, nps__lte=8)),
        "detractors": Count("pk", filter=Q(nps__lte=6)),
        "handled": Count("pk", filter=Q(status__in=HANDLED)),
        "closed": Count("pk", filter=Q(closed_at__isnull=False)),
        "tone_negative": Count("pk", filter=Q(analysis__tone="negative")),
        "tone_neutral": Count("pk", filter=Q(analysis__tone="neutral")),
        "tone_positive": Count("pk", filter=Q(analysis__tone="positive")),
    }


def _theme_counts():
    return {
        "n": Count("pk"),
        "negative": Count("pk", filter=Q(tone="negative")),
        "neutral": Count("pk", filter=Q(tone="neutral")),
        "positive": Count("pk", filter=Q(tone="positive")),
    }


@transaction.atomic
def refresh(bucket):
    """Recount one bucket from the raw rows.

    Two refreshes of one bucket at once (two answers saved at the same
    moment) must neither both insert it ("delete, count, insert" under READ
    COMMITTED left duplicate rows that the dashboard summed twice) nor
    overwrite each other with counts that miss the other's new answer (a
    plain upsert of recounted values can). So the bucket row is the lock:
    make sure it exists (INSERT … ON CONFLICT DO NOTHING against the unique
    constraint), lock it (SELECT … FOR UPDATE), and only then count: the
    second refresh waits for the first to commit, and its count, a new
    statement, sees the first one's answer."""
    month, unit_id, channel, language = bucket
    start, end = _month_range(month)
    raw = Feedback.objects.filter(
        created_at__gte=start, created_at__lt=end, unit_id=unit_id,
        channel=channel, language=language,
    )  # fmt: skip
    key = {"month": month, "unit_id": unit_id, "channel": channel,
           "language": language}  # fmt: skip
    for _attempt in range(3):
        FeedbackMonthly.objects.bulk_create(
            [FeedbackMonthly(**key)], ignore_conflicts=True
        )
        locked = FeedbackMonthly.objects.select_for_update().filter(**key)
        if list(locked.values_list("pk", flat=True)):
            break
        # Emptied and deleted by the refresh we waited for: insert it again.
    counts = raw.aggregate(**_counts())
    ThemeMonthly.objects.filter(**key).delete()
    if not counts["n"]:
        FeedbackMonthly.objects.filter(**key).delete()
        return
    FeedbackMonthly.objects.filter(**key).update(**counts)
    rows = (
        FeedbackAnalysis.objects.filter(feedback__in=raw, themes__isnull=False)
        .values("themes")
        .order_by("themes")
        .annotate(**_theme_counts())
    )
    ThemeMonthly.objects.bulk_create(
        ThemeMonthly(**key, theme_id=row.pop("themes"), **row) for row in rows
    )


@transaction.atomic
def rebuild(write=lambda message: None):
    """Recompute every summary from the raw rows (GROUP BY, no Python loop
    over feedback)."""
    FeedbackMonthly.objects.all().delete()
    ThemeMonthly.objects.all().delete()
    group = ("month", "unit_id", "channel", "language")
    rows = (
        Feedback.objects.annotate(month=TruncMonth("created_at"))
        .values(*group)
        .order_by(*group)
        .annotate(**_counts())
    )
    FeedbackMonthly.objects.bulk_create(
        (FeedbackMonthly(**_dated(row)) for row in rows), batch_size=2000
    )
    theme_group = ("month", "unit_id", "channel", "language", "themes")
    rows = (
        FeedbackAnalysis.objects.filter(themes__isnull=False)
        .annotate(
            month=TruncMonth("feedback__created_at"),
            unit_id=F("feedback__unit_id"),
            channel=F("feedback__channel"),
            language=F("feedback__language"),
        )
        .values(*theme_group)
        .order_by(*theme_group)
        .annotate(**_theme_counts())
    )
    ThemeMonthly.objects.bulk_create(
        (ThemeMonthly(theme_id=row.pop("themes"), **_dated(row)) for row in rows),
        batch_size=2000,
    )
    write(f"{FeedbackMonthly.objects.count()} monthly buckets")


def _dated(row):
    month = row["month"]
    if isinstance(month, datetime.datetime):
        month = (
            timezone.localtime(month).date()
            if timezone.is_aware(month)
            else month.date()
        )
    row["month"] = month
    return row


def on_pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not instance.pk:
        return
    if update_fields is not None and not (set(update_fields) & COUNTED_FIELDS):
        return
    old = (
        Feedback.objects.filter(pk=instance.pk)
        .values("created_at", "unit_id", "channel", "language")
        .first()
    )
    if old:
        instance._summary_old_bucket = (
            month_of(old["created_at"]),
            old["unit_id"],
            old["channel"],
            old["language"],
        )


def on_post_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields is not None and not (set(update_fields) & COUNTED_FIELDS):
        return
    new = bucket_of(instance)
    old = getattr(instance, "_summary_old_bucket", None)
    refresh(new)
    if old and old != new:
        refresh(old)


def on_post_delete(sender, instance, **kwargs):
    refresh(bucket_of(instance))
