"""The public participation summary in the open data API (website/api,
docs/api.md): the same figures as the summary page (public.summary), with
the same small-number suppression (website.core.disclosure). A suppressed
figure is published as null with `suppressed: true`."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from website.api.base import LANG_PARAMETER, ReadOnlyView
from website.core.disclosure import is_suppressed

from .models import ParticipationSummaryPage
from .public import summary

DEFAULT_MONTHS = 12


class FigureSerializer(serializers.Serializer):
    value = serializers.FloatField(
        allow_null=True, help_text=_("null when suppressed or not available.")
    )
    suppressed = serializers.BooleanField(
        help_text=_("Hidden because it could reveal a group that is too small.")
    )
    text = serializers.CharField(help_text=_("The figure as the page shows it."))


class NpsSerializer(serializers.Serializer):
    n = FigureSerializer(help_text=_("Answers with a score."))
    nps = FigureSerializer(help_text=_("Net Promoter Score, -100 … 100."))
    promoters = FigureSerializer()
    passives = FigureSerializer()
    detractors = FigureSerializer()


class ChannelSerializer(serializers.Serializer):
    label = serializers.CharField()
    n = FigureSerializer()
    nps = FigureSerializer()


class SummaryThemeSerializer(serializers.Serializer):
    name = serializers.CharField()
    n = FigureSerializer()


class SummarySerializer(serializers.Serializer):
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    minimum_group_size = serializers.IntegerField(
        help_text=_("Counts of fewer people than this are not published.")
    )
    feedback_total = FigureSerializer()
    handled_share = FigureSerializer(help_text=_("Percentage handled."))
    median_handling_days = FigureSerializer()
    nps = NpsSerializer()
    channels = ChannelSerializer(many=True)
    themes = SummaryThemeSerializer(many=True)
    suppressed_any = serializers.BooleanField()
    url = serializers.URLField(allow_null=True)


def figure(value):
    if is_suppressed(value):
        return {"value": None, "suppressed": True, "text": str(value)}
    return {
        "value": value,
        "suppressed": False,
        "text": "" if value is None else str(value),
    }


def summary_data(months):
    context = summary(months)
    return {
        "date_from": context["period"].date_from,
        "date_to": context["period"].date_to,
        "minimum_group_size": context["minimum"],
        "feedback_total": figure(context["feedback_total"]),
        "handled_share": figure(context["handled_share"]),
        "median_handling_days": figure(context["median_handling_days"]),
        "nps": {key: figure(value) for key, value in context["nps"].items()},
        "channels": [
            {
                "label": str(row["label"]),
                "n": figure(row["n"]),
                "nps": figure(row["nps"]),
            }
            for row in context["channels"]
        ],
        "themes": [
            {"name": str(row["name"]), "n": figure(row["n"])}
            for row in context["themes"]
        ],
        "suppressed_any": context["suppressed_any"],
    }


class SummaryView(ReadOnlyView):
    @extend_schema(
        operation_id="participation_summary",
        summary=_("Participation summary"),
        description=_(
            "Feedback figures of the last months, as on the public summary "
            "page. Any figure that could reveal a group smaller than "
            "minimum_group_size is suppressed (null, suppressed: true)."
        ),
        parameters=[LANG_PARAMETER],
        responses=SummarySerializer,
        tags=["participation"],
    )
    def get(self, request):
        page = (
            ParticipationSummaryPage.objects.live().filter(locale=self.locale).first()
        )
        data = summary_data(page.months if page else DEFAULT_MONTHS)
        data["url"] = page.get_full_url(request) if page else None
        return Response(SummarySerializer(data).data)


urlpatterns = [
    path("participation/summary/", SummaryView.as_view(), name="participation-summary")
]
