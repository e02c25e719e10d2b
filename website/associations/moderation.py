"""Representatives propose, staff decide.

A change to a published association or its activities is stored as a
ChangeRequest and applied only on approval. A new association is created
unpublished at once (so that its activities have something to belong to) and
goes public when staff approve it. Until then its representative edits it
directly: nothing of it is public yet. One pending proposal per association
or activity: a newer one replaces the older, so staff never merge two.
"""

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from website.core.mail import send_email

from . import history
from .models import Activity, Association, ChangeRequest, Representative

ASSOCIATION_FIELDS = (
    "name_fi",
    "name_sv",
    "description_fi",
    "description_sv",
    "municipalities",
    "themes",
    "target_groups",
    "serves_fi",
    "serves_sv",
    "serves_en",
    "other_languages",
    "email",
    "phone",
    "website",
    "street_address",
    "postal_code",
    "city",
    "latitude",
    "longitude",
    "accessibility_fi",
    "accessibility_sv",
)
ACTIVITY_FIELDS = (
    "name_fi",
    "name_sv",
    "description_fi",
    "description_sv",
    "schedule_fi",
    "schedule_sv",
    "place",
    "is_free",
    "price",
    "language",
)


def serialise(cleaned_data, fields):
    """Form data → JSON-safe proposed values."""
    data = {}
    for name in fields:
        value = cleaned_data.get(name)
        if isinstance(value, models.QuerySet) or isinstance(value, list | tuple):
            value = sorted(item.pk for item in value)
        elif value is not None and not isinstance(value, bool | int | str):
            value = str(value)  # Decimal coordinates
        data[name] = value
    return data


def current_values(instance, fields):
    data = {}
    for name in fields:
        field = instance._meta.get_field(name)
        if field.many_to_many:
            data[name] = (
                sorted(getattr(instance, name).values_list("pk", flat=True))
                if instance.pk
                else []
            )
        else:
            value = getattr(instance, name)
            if value is not None and not isinstance(value, bool | int | str):
                value = str(value)
            data[name] = value
    return data


def apply(instance, data):
    """Write proposed values to an instance (saved, with its relations)."""
    m2m = {}
    for name, value in data.items():
        field = instance._meta.get_field(name)
        if field.many_to_many:
            m2m[name] = value
        else:
            setattr(instance, name, field.to_python(value) if value != "" else value)
    instance.full_clean(exclude=["slug", "association"])
    instance.save()
    for name, pks in m2m.items():
        getattr(instance, name).set(pks)
    return instance


def display(model, name, value):
    field = model._meta.get_field(name)
    if field.many_to_many:
        names = field.related_model.objects.filter(pk__in=value or []).order_by(
            "name_fi"
        )
        return ", ".join(str(obj) for obj in names)
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if field.choices:
        return dict(field.flatchoices).get(value, value or "")
    return "" if value is None else str(value)


def diff(change):
    """[{label, old, new, changed}] for every field the proposal touches."""
    model = Activity if change.kind in _ACTIVITY_KINDS else Association
    fields = ACTIVITY_FIELDS if model is Activity else ASSOCIATION_FIELDS
    if change.kind == ChangeRequest.Kind.NEW_ASSOCIATION:
        old, new = {}, current_values(change.association, fields)
    elif change.kind == ChangeRequest.Kind.NEW_ACTIVITY:
        old, new = {}, change.data
    elif change.kind == ChangeRequest.Kind.DELETE_ACTIVITY:
        old, new = current_values(change.activity, fields), {}
    else:
        target = change.activity if model is Activity else change.association
        old, new = current_values(target, fields), change.data
    rows = []
    for name in fields:
        before = display(model, name, old.get(name))
        after = display(model, name, new.get(name))
        rows.append(
            {
                "name": name,
                "label": model._meta.get_field(name).verbose_name,
                "old": before,
                "new": after,
                "changed": before != after,
            }
        )
    return rows


def changed_fields(model, fields, old, new):
    """[[field name, old, new]] (shown values) of the fields that differ:
    what the history keeps of an edit."""
    rows = []
    for name in fields:
        before = display(model, name, old.get(name))
        after = display(model, name, new.get(name))
        if before != after:
            rows.append([name, before, after])
    return rows


def _changed(change):
    return [[r["name"], r["old"], r["new"]] for r in diff(change) if r["changed"]]


_ACTIVITY_KINDS = {
    ChangeRequest.Kind.NEW_ACTIVITY,
    ChangeRequest.Kind.ACTIVITY,
    ChangeRequest.Kind.DELETE_ACTIVITY,
}


@transaction.atomic
def propose(association, kind, user, language, data=None, activity=None):
    """Store a proposal, replacing an older pending one for the same target."""
    ChangeRequest.objects.pending().filter(
        association=association, activity=activity, kind=kind
    ).exclude(kind=ChangeRequest.Kind.NEW_ACTIVITY).update(
        status=ChangeRequest.Status.WITHDRAWN
    )
    change = ChangeRequest.objects.create(
        association=association,
        activity=activity,
        kind=kind,
        data=data or {},
        submitted_by=user,
        language=language,
    )
    if kind != ChangeRequest.Kind.NEW_ASSOCIATION:  # "created" says it all
        history.record(
            association,
            "associations.proposed",
            user,
            _changed(change),
            activity=activity,
            kind=change.kind,
        )
    return change


@transaction.atomic
def save_unpublished(form, user):
    """A representative's direct edit of an entry that is not public yet
    (staff see it whole when they approve it), kept in its history."""
    association = form.instance
    before = current_values(
        Association.objects.get(pk=association.pk), ASSOCIATION_FIELDS
    )
    form.save()
    history.record(
        association,
        "associations.edited",
        user,
        changed_fields(
            Association,
            ASSOCIATION_FIELDS,
            before,
            current_values(association, ASSOCIATION_FIELDS),
        ),
    )
    return association


@transaction.atomic
def save_unpublished_activity(form, association, user):
    activity = form.instance
    before = (
        current_values(Activity.objects.get(pk=activity.pk), ACTIVITY_FIELDS)
        if activity.pk
        else {}
    )
    activity.association = association
    form.save()
    history.record(
        association,
        "associations.activity_saved",
        user,
        changed_fields(
            Activity, ACTIVITY_FIELDS, before, current_values(activity, ACTIVITY_FIELDS)
        ),
        activity=activity,
    )
    return activity


@transaction.atomic
def delete_unpublished_activity(activity, user):
    history.record(
        activity.association, "associations.activity_deleted", user, activity=activity
    )
    activity.delete()


@transaction.atomic
def create_association(form, user, language):
    """A new, unpublished association with `user` as its representative."""
    association = form.save(commit=False)
    association.published = False
    association.representative_email = user.email
    association.save()
    form.save_m2m()
    Representative.objects.create(
        association=association,
        user=user,
        status=Representative.Status.APPROVED,
        language=language,
    )
    propose(association, ChangeRequest.Kind.NEW_ASSOCIATION, user, language)
    history.record(
        association,
        "associations.created",
        user,
        changed_fields(
            Association,
            ASSOCIATION_FIELDS,
            {},
            current_values(association, ASSOCIATION_FIELDS),
        ),
    )
    return association


@transaction.atomic
def approve(change, staff_user):
    change = ChangeRequest.objects.select_for_update().get(pk=change.pk)
    if change.status != ChangeRequest.Status.PENDING:
        return change
    association = change.association
    rows = _changed(change)  # before applying: afterwards nothing differs
    activity = change.activity
    if change.kind == ChangeRequest.Kind.NEW_ASSOCIATION:
        association.published = True
        association.save()
    elif change.kind == ChangeRequest.Kind.ASSOCIATION:
        apply(association, change.data)
    elif change.kind == ChangeRequest.Kind.NEW_ACTIVITY:
        change.activity = apply(Activity(association=association), change.data)
    elif change.kind == ChangeRequest.Kind.ACTIVITY:
        apply(change.activity, change.data)
    elif change.kind == ChangeRequest.Kind.DELETE_ACTIVITY:
        change.activity.delete()
        change.activity = None
    change.status = ChangeRequest.Status.APPROVED
    change.decided_by = staff_user
    change.decided_at = timezone.now()
    change.save()
    history.record(
        association,
        "associations.approved",
        staff_user,
        rows,
        activity=change.activity or activity,
        kind=change.kind,
    )
    _notify(change)
    return change


@transaction.atomic
def reject(change, staff_user, reason):
    change = ChangeRequest.objects.select_for_update().get(pk=change.pk)
    if change.status != ChangeRequest.Status.PENDING:
        return change
    change.status = ChangeRequest.Status.REJECTED
    change.reason = reason
    change.decided_by = staff_user
    change.decided_at = timezone.now()
    change.save()
    history.record(
        change.association,
        "associations.rejected",
        staff_user,
        activity=change.activity,
        kind=change.kind,
        note=reason,
    )
    _notify(change)
    return change


@transaction.atomic
def request_representation(association, user, language):
    """(representation, created): a request to manage an entry on the map."""
    representation, created = Representative.objects.get_or_create(
        association=association, user=user, defaults={"language": language}
    )
    if created:
        history.record(association, "associations.representative_requested", user)
    return representation, created


@transaction.atomic
def decide_representation(representation, staff_user, approve_it):
    representation.status = (
        Representative.Status.APPROVED if approve_it else Representative.Status.REJECTED
    )
    representation.save(update_fields=["status"])
    history.record(
        representation.association,
        "associations.representative_approved"
        if approve_it
        else "associations.representative_rejected",
        staff_user,
    )
    transaction.on_commit(
        lambda: send_representation_decision.enqueue(representation.pk)
    )


def _notify(change):
    if change.submitted_by_id and change.submitted_by.email:
        transaction.on_commit(lambda: send_decision.enqueue(change.pk))


@task()
def send_decision(change_pk):
    change = ChangeRequest.objects.select_related(
        "association", "activity", "submitted_by"
    ).get(pk=change_pk)
    send_email(
        "associations/email/decision",
        {
            "change": change,
            "association": change.association,
            "approved": change.status == ChangeRequest.Status.APPROVED,
            "dashboard_path": _dashboard_path(change.language),
        },
        change.submitted_by.email,
        change.language,
    )


@task()
def send_representation_decision(representation_pk):
    representation = Representative.objects.select_related("association", "user").get(
        pk=representation_pk
    )
    language = representation.language
    send_email(
        "associations/email/representation_decision",
        {
            "association": representation.association,
            "approved": representation.status == Representative.Status.APPROVED,
            "dashboard_path": _dashboard_path(language),
        },
        representation.user.email,
        language,
    )


def _dashboard_path(language):
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "association_selfservice:dashboard"
        )
