"""The feedback questions, asked with the same wording in every channel.

`FeedbackQuestions` holds the questions (recommendation score, free text,
optional contact for a reply); the public form, the QR and embedded forms
and the staff's paper/phone entry all inherit them, so the data are
comparable across channels (DOMAIN.md: "same questions and metrics in every
channel").
"""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from website.core.antispam import SHORT_FORM_AGE, SpamProtectedForm, started_token
from website.core.form_ui import state_text_limits

from .models import STAFF_CHANNELS, Channel, Feedback, ServiceUnit

NPS_QUESTION = _(
    "How likely is it that you would recommend this service to your friends or family?"
)
NPS_HELP = _("0 = not at all likely, 10 = extremely likely")
TEXT_QUESTION = _("What would you like to tell us? (optional)")
TEXT_HELP = _(
    "Please do not write health information or personal identity numbers here."
)
SCORE_CHOICES = [(str(n), str(n)) for n in range(11)]


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.path_names()


def sorted_units(queryset):
    """Units as (area › service › unit) in tree order."""
    units = list(queryset.select_related("parent", "parent__parent"))
    return sorted(units, key=lambda u: u.path_names("fi").lower())


def grouped_unit_choices(units):
    """The units as <optgroup>s by their area (the municipality or the
    region-wide service area at the top of the tree, also when only units
    below it are offered), each labelled with its path below the area; the
    area itself comes first in its group. Groups and options are in the
    order of the reader's language (sorted_units sorts by Finnish)."""
    groups = {}
    for unit in sorted_units(units):
        path = [unit]
        while path[-1].parent is not None:
            path.append(path[-1].parent)
        root = path[-1]
        label = " › ".join(node.name for node in reversed(path[:-1]))
        option = (unit.pk, label or root.name, not label)
        groups.setdefault(root.pk, (root.name, []))[1].append(option)
    return [
        (name, [(pk, label) for pk, label, _root in sorted(options, key=_option_key)])
        for name, options in sorted(groups.values(), key=lambda g: g[0].lower())
    ]


def _option_key(option):
    _pk, label, is_root = option
    return (not is_root, label.lower())


class FeedbackQuestions(forms.Form):
    unit = UnitChoiceField(
        label=_("Which service or unit is your feedback about?"),
        queryset=ServiceUnit.objects.none(),
        empty_label=_("Choose a unit"),
    )
    nps = forms.TypedChoiceField(
        label=NPS_QUESTION,
        help_text=NPS_HELP,
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "nps-scale"}),
        error_messages={"required": _("Please choose a score from 0 to 10.")},
    )
    text = forms.CharField(
        label=TEXT_QUESTION,
        help_text=TEXT_HELP,
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    wants_reply = forms.BooleanField(
        label=_("I would like a reply by e-mail"), required=False
    )
    contact_email = forms.EmailField(
        label=_("E-mail address for the reply (optional)"),
        required=False,
        help_text=_(
            "Only the handlers of the unit see your address. It is erased "
            "with your feedback after the retention period."
        ),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units
            self.fields["unit"].widget.choices = self._unit_choices(units)
        state_text_limits(self)

    def _unit_choices(self, units):
        return [("", self.fields["unit"].empty_label), *grouped_unit_choices(units)]

    def clean(self):
        cleaned = super().clean()
        # One error per problem: an address that is not valid already has
        # its own error; "give an address" would contradict it.
        if (
            cleaned.get("wants_reply")
            and not cleaned.get("contact_email")
            and "contact_email" not in self.errors
        ):
            self.add_error(
                "contact_email",
                _("Please give an e-mail address, so that we can reply."),
            )
        return cleaned

    def feedback_fields(self):
        data = self.cleaned_data
        return {
            "unit": data.get("unit"),
            "nps": data.get("nps"),
            "text": data.get("text", ""),
            "wants_reply": bool(data.get("wants_reply")),
            "contact_email": data.get("contact_email", ""),
        }


class FeedbackForm(SpamProtectedForm, FeedbackQuestions):
    """Web form, QR landing and embedded form (anonymous)."""

    rate_limit_action = "feedback"


class EmbedFeedbackForm(FeedbackForm):
    """The form in other services' iframes: no CSRF token (our cookie is a
    third-party cookie there), so a short-lived single-use token of its own."""

    token_scope = "feedback-embed"
    token_max_age = SHORT_FORM_AGE
    single_use_token = True


class ContactFeedbackForm(FeedbackForm):
    """Feedback to one fixed unit where a recommendation score means nothing
    (e.g. accessibility feedback from the accessibility statement): free
    text required, no unit or score to choose."""

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = units.first() if units is not None else None
        del self.fields["unit"], self.fields["nps"]
        self.fields["text"].required = True
        self.fields["text"].label = _("What would you like to tell us?")
        self.fields["text"].error_messages["required"] = _(
            "Please write your feedback."
        )

    def feedback_fields(self):
        return {**super().feedback_fields(), "unit": self.unit}


class WidgetForm(SpamProtectedForm):
    """'Was this page helpful?' on every page: yes/no and an optional comment.

    No CSRF token (the page stays cacheable): a short-lived single-use token
    bound to the page it was rendered for (feedback_tags.widget_spam_fields,
    or fetched fresh by static/js/page-widget.js)."""

    rate_limit_action = "feedback"
    token_scope = "feedback-widget"
    token_max_age = SHORT_FORM_AGE
    single_use_token = True
    helpful = forms.TypedChoiceField(
        label=_("Was this page helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Please answer yes or no.")},
    )
    text = forms.CharField(
        label=_("How could we improve this page? (optional)"),
        help_text=TEXT_HELP,
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    page = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        state_text_limits(self)

    def token_binding(self):
        return widget_token_binding(self.data.get(self.add_prefix("page")))


def widget_token_binding(page_id):
    """The widget's token belongs to the page it was rendered on."""
    return str(page_id or "").strip()


def widget_token(page_id):
    return started_token(
        scope=WidgetForm.token_scope, binding=widget_token_binding(page_id)
    )


class StaffFeedbackForm(FeedbackQuestions):
    """Paper and phone feedback typed in by staff: the same questions plus
    channel, language, date and the giver's contact details."""

    channel = forms.ChoiceField(
        label=_("channel"),
        choices=[(c.value, c.label) for c in STAFF_CHANNELS],
    )
    language = forms.ChoiceField(label=_("language"), choices=settings.LANGUAGES)
    received = forms.DateField(
        label=_("received"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    contact_name = forms.CharField(label=_("name"), required=False, max_length=200)
    contact_phone = forms.CharField(label=_("phone"), required=False, max_length=40)

    field_order = [
        "channel",
        "received",
        "language",
        "unit",
        "nps",
        "text",
        "contact_name",
        "contact_email",
        "contact_phone",
        "wants_reply",
    ]

    def clean_received(self):
        received = self.cleaned_data["received"]
        if received > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return received

    def feedback_fields(self):
        import datetime

        fields = super().feedback_fields()
        data = self.cleaned_data
        received = data["received"]
        now = timezone.localtime()
        created = (
            now
            if received == now.date()
            else timezone.make_aware(
                datetime.datetime.combine(received, datetime.time(12))
            )
        )
        fields.update(
            contact_name=data.get("contact_name", ""),
            contact_phone=data.get("contact_phone", ""),
            created_at=created,
        )
        return fields


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"), queryset=None, empty_label=_("Nobody")
    )

    def __init__(self, *args, feedback, **kwargs):
        super().__init__(*args, **kwargs)
        users = feedback.unit.handler_users() if feedback.unit else []
        from django.contrib.auth import get_user_model

        self.fields["assignee"].queryset = get_user_model().objects.filter(
            pk__in=[u.pk for u in users]
        )
        self.fields["assignee"].label_from_instance = lambda u: (
            u.get_full_name() or u.get_username()
        )


class TransferForm(forms.Form):
    unit = UnitChoiceField(label=_("Transfer to unit"), queryset=None)
    reason = forms.CharField(
        label=_("Reason for the transfer"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, feedback, **kwargs):
        super().__init__(*args, **kwargs)
        # Any active unit: feedback may belong to a unit the handler does
        # not handle (that is the point of a transfer).
        units = ServiceUnit.objects.filter(active=True).exclude(pk=feedback.unit_id)
        self.fields["unit"].queryset = units
        self.fields["unit"].widget.choices = [
            (u.pk, u.path_names()) for u in sorted_units(units)
        ]


class ReplyForm(forms.Form):
    message = forms.CharField(
        label=_("Reply to the giver"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Sent by e-mail in the giver's language. Saved in the reply log."),
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Internal note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by handlers only, never by the giver."),
    )


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("status"),
        required=False,
        choices=[("", _("Open")), ("all", _("All")), *Feedback.Status.choices],
    )
    unit = UnitChoiceField(
        label=_("unit"), required=False, queryset=None, empty_label=_("All my units")
    )
    channel = forms.ChoiceField(
        label=_("channel"), required=False, choices=[("", _("All")), *Channel.choices]
    )
    alerts = forms.BooleanField(label=_("Alerts only"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].widget.choices = [("", self.fields["unit"].empty_label)] + [
            (u.pk, u.path_names()) for u in sorted_units(units)
        ]

    def filter(self, feedback):
        data = self.cleaned_data if self.is_valid() else {}
        status = data.get("status", "")
        if status == "":
            feedback = feedback.open()
        elif status != "all":
            feedback = feedback.filter(status=status)
        if data.get("unit"):
            feedback = feedback.filter(
                unit__in=ServiceUnit.objects.with_descendants([data["unit"]])
            )
        if data.get("channel"):
            feedback = feedback.filter(channel=data["channel"])
        if data.get("alerts"):
            feedback = feedback.exclude(alert_reason="")
        return feedback
