import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback.models import Channel, ServiceUnit
from website.indicators.models import Area

from .queries import Filters


class NameChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class PeriodDateField(forms.DateField):
    """A real date between ANALYTICS_FIRST_YEAR and a year from today: dates
    such as 0001-01-01 or 9999-12-31 are valid for Python but overflow the
    period arithmetic (the previous period, the day after the end) and mean
    nothing here, so they are a form error in the user's language."""

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        first = datetime.date(settings.ANALYTICS_FIRST_YEAR, 1, 1)
        today = timezone.localdate()
        last = today.replace(year=today.year + 1, day=min(today.day, 28))
        if not first <= value <= last:
            raise forms.ValidationError(
                _("Choose a date between %(first)s and %(last)s."),
                code="out_of_range",
                params={
                    "first": first.strftime("%d.%m.%Y"),
                    "last": last.strftime("%d.%m.%Y"),
                },
            )


class UnitChoiceField(forms.ChoiceField):
    """Service units from the organisation tree, grouped by area in
    <optgroup>s: every unit that has feedback or is in use, with its
    services and area, labelled by its path below the area so that two
    units of the same name can be told apart."""

    def __init__(self, **kwargs):
        super().__init__(choices=self.tree_choices, **kwargs)

    @staticmethod
    def tree_choices():
        from .models import FeedbackMonthly

        units = {u.pk: u for u in ServiceUnit.objects.all()}
        with_feedback = set(
            FeedbackMonthly.objects.values_list("unit_id", flat=True).distinct()
        )
        shown = set()
        for pk, unit in units.items():
            if unit.active or pk in with_feedback:
                node = unit
                while node is not None and node.pk not in shown:
                    shown.add(node.pk)
                    node = units.get(node.parent_id)

        def path(unit):
            names = []
            while unit is not None:
                names.append(unit)
                unit = units.get(unit.parent_id)
            return list(reversed(names))

        def label(nodes, full=False):
            if len(nodes) == 1:
                return str(_("%(area)s, all units") % {"area": nodes[0].name})
            return " › ".join(node.name for node in (nodes if full else nodes[1:]))

        # The path below the area is enough inside its <optgroup>; a label
        # that repeats anywhere in the list (a service of the same name in
        # every area) gets the area in front, and the slug as a last resort.
        paths = [path(units[pk]) for pk in shown]
        short = [label(nodes) for nodes in paths]
        labels = [
            label(nodes, full=short.count(text) > 1)
            for nodes, text in zip(paths, short, strict=True)
        ]
        labels = [
            f"{text} ({nodes[-1].slug})" if labels.count(text) > 1 else text
            for nodes, text in zip(paths, labels, strict=True)
        ]
        groups = {}
        for nodes, text in zip(paths, labels, strict=True):
            groups.setdefault(nodes[0].pk, []).append((nodes[-1].pk, text))
        choices = [("", _("All units"))]
        for area_pk, options in groups.items():
            options.sort(key=lambda option: (option[0] != area_pk, option[1]))
            choices.append((units[area_pk].name, options))
        choices[1:] = sorted(choices[1:], key=lambda group: group[0])
        return choices

    def clean(self, value):
        value = super().clean(value)
        return ServiceUnit.objects.get(pk=value) if value else None


class DashboardFilterForm(forms.Form):
    """Period and filters of the dashboard and the council report (GET)."""

    date_from = PeriodDateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Default: the start of the month a year ago."),
    )
    date_to = PeriodDateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Default: today."),
    )
    unit = UnitChoiceField(
        label=_("Service unit"),
        required=False,
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
