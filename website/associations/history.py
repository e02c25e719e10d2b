"""The whole history of an association entry, for moderators.

Everything that happens to an entry is a Wagtail log entry on the
association (`wagtail.log_actions.log`), activities included: what its
representative did before approval (direct edits are not proposals, so
nothing else keeps them), every proposal, staff decisions and
representation requests. Each entry stores which fields changed, from what
to what, as display values; labels are translated when shown, so a Finnish
and a Swedish moderator read the same history in their own language.

Shown on the moderation review page and in the snippet's History view
(formatters registered in wagtail_hooks.py).
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

from .models import Activity, Association, ChangeRequest

# action -> label (the History view's "Action" column and its filter)
ACTIONS = {
    "associations.created": _("Created by the representative"),
    "associations.edited": _("Edited before approval"),
    "associations.activity_saved": _("Activity saved before approval"),
    "associations.activity_deleted": _("Activity removed before approval"),
    "associations.proposed": _("Change proposed"),
    "associations.approved": _("Proposal approved"),
    "associations.rejected": _("Proposal rejected"),
    "associations.representative_requested": _("Representation requested"),
    "associations.representative_approved": _("Representation approved"),
    "associations.representative_rejected": _("Representation rejected"),
}


def record(association, action, user=None, rows=(), activity=None, kind="", note=""):
    """Add one entry to the association's history; `kind` is a proposal's
    ChangeRequest.Kind, `note` a staff reason (shown as written)."""
    data = {"changes": list(rows), "kind": kind, "note": note}
    if activity is not None:
        data["activity"] = activity.name_fi
        data["activity_sv"] = activity.name_sv
    return log(association, action, user=user, data=data)


def entries(association):
    """The association's history, newest first, with the user."""
    from wagtail.models import ModelLogEntry

    return (
        ModelLogEntry.objects.for_instance(association)
        .filter(action__in=list(ACTIONS) + ["wagtail.create", "wagtail.edit"])
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )


def rows(association):
    """[{when, who, what, changes}] for the moderation review page."""
    return [
        {
            "when": entry.timestamp,
            "who": entry.user.email if entry.user else "",
            "what": ACTIONS.get(entry.action) or entry.message,
            "changes": describe(entry),
        }
        for entry in entries(association)
    ]


def entries_before(moment):
    """History entries older than `moment` (the retention purge)."""
    from wagtail.models import ModelLogEntry

    return ModelLogEntry.objects.filter(
        content_type__app_label="associations",
        action__in=list(ACTIONS),
        timestamp__lt=moment,
    )


def describe(entry):
    """What changed in `entry`, as text in the active language."""
    from django.utils import translation

    data = entry.data or {}
    model = Activity if "activity" in data else Association
    parts = []
    if data.get("kind") in ChangeRequest.Kind.values:
        parts.append(ChangeRequest.Kind(data["kind"]).label)
    if "activity" in data:
        sv = translation.get_language() == "sv" and data.get("activity_sv")
        parts.append(_("Activity: %(name)s") % {"name": sv or data["activity"]})
    for name, before, after in data.get("changes", ()):
        try:
            label = model._meta.get_field(name).verbose_name
        except FieldDoesNotExist:  # a field removed since: show its name
            label = name
        parts.append(
            _("%(field)s: “%(old)s” → “%(new)s”")
            % {"field": str(label).capitalize(), "old": before or "–", "new": after}
        )
    if data.get("note"):
        parts.append(data["note"])
    return "; ".join(str(part) for part in parts)


class HistoryFormatter(LogFormatter):
    def format_message(self, log_entry):
        return describe(log_entry)


def register(actions):
    """Register every action with Wagtail (the register_log_actions hook)."""
    for action, label in ACTIONS.items():
        formatter = type(
            "Formatter", (HistoryFormatter,), {"label": label, "message": label}
        )
        actions.register_action(action)(formatter)
