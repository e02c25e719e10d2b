"""Programmes' status cards: one card per programme and half-year, with
the four statuses and the report's text sections. The cards' authors are
people's names (website/programs/privacy.py) and are not published here."""

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers
from wagtail.rich_text import expand_db_html

from website.core import routes
from website.programs import queries
from website.programs.models import (
    DIMENSIONS,
    LEVEL_SYMBOLS,
    SECTIONS,
    Program,
    ProgramStatusCard,
    StatusLevel,
    index_page,
)

from .base import LANG_PARAMETER, ReadOnlyViewSet


class LevelSerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=StatusLevel.choices)
    label = serializers.CharField()
    symbol = serializers.CharField()


class ProgramSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Program
        fields = ["id", "name", "description", "owner", "url"]

    def get_url(self, program) -> str:
        # The programme page is looked up once per answer, not per row.
        if "program_page" not in self.context:
            self.context["program_page"] = index_page()
        page = self.context["program_page"]
        if page is None:
            return ""
        return self.context["request"].build_absolute_uri(
            routes.route_url(page, "program", args=[program.pk])
        )


class PeriodSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    half = serializers.IntegerField()
    slug = serializers.CharField(help_text=_("e.g. 2024-1"))
    label = serializers.CharField()


def _levels(card):
    return {
        name: {
            "level": getattr(card, name),
            "label": str(StatusLevel(getattr(card, name)).label),
            "symbol": LEVEL_SYMBOLS[getattr(card, name)],
        }
        for name, _label in DIMENSIONS
    }


class StatusesSerializer(serializers.Serializer):
    overall = LevelSerializer()
    schedule = LevelSerializer()
    risks = LevelSerializer()
    resources = LevelSerializer()


class SectionsSerializer(serializers.Serializer):
    past_successes = serializers.CharField(help_text=_("HTML."))
    coming_tasks = serializers.CharField(help_text=_("HTML."))
    achievements = serializers.CharField(help_text=_("HTML."))
    attention = serializers.CharField(help_text=_("HTML."))


class StatusCardSerializer(serializers.ModelSerializer):
    program = ProgramSerializer()
    period = PeriodSerializer()
    statuses = serializers.SerializerMethodField()
    sections = serializers.SerializerMethodField()

    class Meta:
        model = ProgramStatusCard
        fields = ["id", "program", "period", "statuses", "sections"]

    @extend_schema_field(StatusesSerializer)
    def get_statuses(self, card):
        return _levels(card)

    @extend_schema_field(SectionsSerializer)
    def get_sections(self, card):
        return {name: expand_db_html(getattr(card, name)) for name, _h in SECTIONS}


class StatusCardFilter(filters.FilterSet):
    year = filters.NumberFilter(field_name="period__year")
    half = filters.NumberFilter(field_name="period__half")
    program = filters.NumberFilter(
        field_name="program_id", help_text=_("A programme's id.")
    )

    class Meta:
        model = ProgramStatusCard
        fields = ["year", "half", "program"]


@extend_schema_view(
    list=extend_schema(
        summary=_("Programmes' status cards"),
        description=_(
            "Published status cards in the language, newest half-year first: "
            "overall status, schedule, risks and resources, and the report's "
            "sections."
        ),
        parameters=[LANG_PARAMETER],
        tags=["programmes"],
    ),
    retrieve=extend_schema(
        summary=_("One status card"), parameters=[LANG_PARAMETER], tags=["programmes"]
    ),
)
class StatusCardViewSet(ReadOnlyViewSet):
    serializer_class = StatusCardSerializer
    filterset_class = StatusCardFilter
    queryset = ProgramStatusCard.objects.none()

    def get_queryset(self):
        return queries.live_cards(self.locale)
