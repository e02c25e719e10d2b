"""Indicators: each indicator's series per area (the welfare area, its
municipalities, the whole country), with the source of the data."""

from django import forms
from django.db.models import Case, Prefetch, Q, When
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers

from website.indicators.models import Area, Indicator, IndicatorValue

from .base import LANG_PARAMETER, ReadOnlyViewSet

AREA_ORDER = Case(
    When(area__kind=Area.Kind.REGION, then=0),
    When(area__kind=Area.Kind.MUNICIPALITY, then=1),
    default=2,
)


class AreaSerializer(serializers.ModelSerializer):
    name = serializers.CharField(help_text=_("In the requested language."))

    class Meta:
        model = Area
        fields = ["code", "kind", "name", "name_fi", "name_sv", "slug"]


class PointSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    value = serializers.DecimalField(max_digits=12, decimal_places=2)
    is_demo = serializers.BooleanField(
        help_text=_("An invented example value, not a real statistic.")
    )


class SeriesSerializer(serializers.Serializer):
    area = AreaSerializer()
    gender = serializers.CharField()
    values = PointSerializer(many=True)


class IndicatorSerializer(serializers.ModelSerializer):
    name = serializers.CharField()
    description = serializers.CharField()
    unit = serializers.CharField()
    series = serializers.SerializerMethodField(
        help_text=_("One series per area (and gender), years ascending.")
    )

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "description",
            "unit",
            "source",
            "higher_is_better",
            "sotkanet_id",
            "series",
        ]

    @staticmethod
    def series_of(values):
        series = {}
        for value in values:
            row = series.setdefault(
                (value.area_id, value.gender),
                {"area": value.area, "gender": value.gender, "values": []},
            )
            row["values"].append(value)
        return list(series.values())

    def get_series(self, indicator) -> SeriesSerializer(many=True):
        return SeriesSerializer(
            self.series_of(indicator.selected_values), many=True
        ).data


SERIES_PARAMETERS = [
    LANG_PARAMETER,
    OpenApiParameter(
        "area",
        str,
        description=_("Only this area: its code (e.g. 186) or slug."),
    ),
    OpenApiParameter(
        "gender",
        str,
        enum=IndicatorValue.Gender.values,
        description=_("total (default), male or female."),
    ),
    OpenApiParameter("year_from", int, description=_("First year.")),
    OpenApiParameter("year_to", int, description=_("Last year.")),
]


class SeriesForm(forms.Form):
    """The series parameters; an invalid one is ignored (like the map's
    filters), so a hostile query string never reaches the database."""

    area = forms.CharField(max_length=60, required=False)
    gender = forms.ChoiceField(choices=IndicatorValue.Gender.choices, required=False)
    year_from = forms.IntegerField(min_value=0, max_value=9999, required=False)
    year_to = forms.IntegerField(min_value=0, max_value=9999, required=False)

    def values(self):
        form = {}
        for name, field in self.fields.items():
            try:
                form[name] = field.clean(self.data.get(name))
            except forms.ValidationError:
                form[name] = None
        values = IndicatorValue.objects.select_related("area").order_by(
            AREA_ORDER, "area__name_fi", "gender", "year"
        )
        values = values.filter(gender=form["gender"] or "total")
        if form["area"]:
            values = values.filter(
                Q(area__code=form["area"]) | Q(area__slug=form["area"])
            )
        if form["year_from"] is not None:
            values = values.filter(year__gte=form["year_from"])
        if form["year_to"] is not None:
            values = values.filter(year__lte=form["year_to"])
        return values


class IndicatorFilter(filters.FilterSet):
    code = filters.CharFilter(help_text=_("An indicator's code."))
    source = filters.CharFilter(lookup_expr="icontains", help_text=_("e.g. THL"))

    class Meta:
        model = Indicator
        fields = ["code", "source"]


@extend_schema_view(
    list=extend_schema(
        summary=_("Indicators with their series"),
        description=_(
            "Wellbeing indicators with a series of values per area and year. "
            "Filter the series by area, gender and years."
        ),
        parameters=SERIES_PARAMETERS,
        tags=["indicators"],
    ),
    retrieve=extend_schema(
        summary=_("One indicator"), parameters=SERIES_PARAMETERS, tags=["indicators"]
    ),
)
class IndicatorViewSet(ReadOnlyViewSet):
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter
    lookup_field = "code"
    queryset = Indicator.objects.none()

    def get_queryset(self):
        values = SeriesForm(self.request.query_params).values()
        return Indicator.objects.order_by("name_fi", "pk").prefetch_related(
            Prefetch("values", queryset=values, to_attr="selected_values")
        )


@extend_schema_view(
    list=extend_schema(
        summary=_("Areas"),
        description=_("The welfare area, its municipalities and the whole country."),
        parameters=[LANG_PARAMETER],
        tags=["indicators"],
    ),
    retrieve=extend_schema(
        summary=_("One area"), parameters=[LANG_PARAMETER], tags=["indicators"]
    ),
)
class AreaViewSet(ReadOnlyViewSet):
    serializer_class = AreaSerializer
    lookup_field = "code"
    filterset_fields = ["kind"]
    queryset = Area.objects.order_by("kind", "name_fi")
