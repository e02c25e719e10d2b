from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from website.indicators.models import Area

from .models import Activity, Association, TargetGroup, Theme
from .moderation import ACTIVITY_FIELDS, ASSOCIATION_FIELDS


class SlugChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class FilterForm(forms.Form):
    """The map's filters: a plain GET form, so they work without JavaScript
    and every filtered view has a shareable address."""

    LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    municipality = SlugChoiceField(
        label=_("Municipality"),
        queryset=Area.objects.filter(kind=Area.Kind.MUNICIPALITY),
        to_field_name="slug",
        required=False,
        empty_label=_("All municipalities"),
    )
    theme = SlugChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
    )
    target_group = SlugChoiceField(
        label=_("Target group"),
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All target groups"),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("All languages")), *LANGUAGES],
        required=False,
    )

    def filter(self, associations):
        """The associations that match; invalid filters are ignored."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("q"):
            for word in data["q"].split()[:8]:
                associations = associations.filter(
                    Q(name_fi__icontains=word)
                    | Q(name_sv__icontains=word)
                    | Q(description_fi__icontains=word)
                    | Q(description_sv__icontains=word)
                )
        if data.get("municipality"):
            associations = associations.filter(municipalities=data["municipality"])
        if data.get("theme"):
            associations = associations.filter(themes=data["theme"])
        if data.get("target_group"):
            associations = associations.filter(target_groups=data["target_group"])
        if data.get("language"):
            associations = associations.filter(**{f"serves_{data['language']}": True})
        return associations.distinct()


class TermMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.name


class AssociationEntryForm(forms.ModelForm):
    """What a representative edits: the public entry in both languages."""

    municipalities = TermMultipleChoiceField(
        label=_("Municipalities served"),
        queryset=Area.objects.filter(kind=Area.Kind.MUNICIPALITY).order_by("name_fi"),
        required=False,
    )
    themes = TermMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), required=False
    )
    target_groups = TermMultipleChoiceField(
        label=_("Target groups"), queryset=TargetGroup.objects.all(), required=False
    )

    class Meta:
        model = Association
        fields = ASSOCIATION_FIELDS
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 5}),
            "description_sv": forms.Textarea(attrs={"rows": 5}),
            "accessibility_fi": forms.Textarea(attrs={"rows": 3}),
            "accessibility_sv": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "name_fi": _("The name as it should appear on the map."),
            "description_fi": _(
                "What the association does and for whom, in a few sentences."
            ),
            "email": _("Public: shown on the map. Not your personal address."),
            "phone": _("Public: shown on the map."),
            "latitude": _(
                "Optional. WGS84 decimal degrees, e.g. 60.4731. Without "
                "coordinates the association is listed but not shown on the map."
            ),
            "longitude": _("Optional. e.g. 24.8112."),
        }

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            raise forms.ValidationError(
                _("Give both latitude and longitude, or neither.")
            )
        return cleaned


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ACTIVITY_FIELDS
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 4}),
            "description_sv": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_free") is False and not cleaned.get("price"):
            self.add_error("price", _("Give the price, or mark the activity free."))
        return cleaned


class ClaimForm(forms.Form):
    """Ask to manage an association that is already on the map."""

    association = forms.ModelChoiceField(
        label=_("Association"),
        queryset=Association.objects.published(),
        help_text=_("Staff check that you represent the association before approving."),
    )
