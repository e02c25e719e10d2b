from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from website.indicators.models import Area

from .models import TargetGroup, Theme


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
