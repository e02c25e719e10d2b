import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback.models import Channel, ServiceUnit
from website.indicators.models import Area

from .queries import Filters


class NameChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class DashboardFilterForm(forms.Form):
    """Period and filters of the dashboard and the council report (GET)."""

    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Default: the start of the month a year ago."),
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Default: today."),
    )
    unit = NameChoiceField(
        label=_("Service unit"),
        queryset=ServiceUnit.objects.filter(level__lt=ServiceUnit.Level.UNIT),
        required=False,
        empty_label=_("All units"),
        help_text=_("An area or a service includes the units below it."),
    )
    municipality = NameChoiceField(
        label=_("Municipality"),
        queryset=Area.objects.filter(kind=Area.Kind.MUNICIPALITY),
        required=False,
        empty_label=_("All municipalities"),
    )
    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=[("", _("All channels")), *Channel.choices],
        required=False,
    )
    language = forms.ChoiceField(
        label=_("Language of the answer"),
        choices=[("", _("Both languages")), ("fi", _("Finnish")), ("sv", _("Swedish"))],
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period is after its end."))
        return cleaned

    def filters(self):
        """Filters for the valid form, the default period otherwise."""
        default = Filters.last_months(12)
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("date_to") or timezone.localdate()
        start = data.get("date_from") or default.date_from
        if start > end:
            start = end - datetime.timedelta(days=364)
        return Filters(
            date_from=start,
            date_to=end,
            units=(data["unit"].pk,) if data.get("unit") else (),
            municipality=data.get("municipality"),
            channels=(data["channel"],) if data.get("channel") else (),
            languages=(data["language"],) if data.get("language") else (),
        )
