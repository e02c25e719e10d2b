"""The welfare plan: goals, measures, their status history and the
responsible parties. Reads the plan's own querysets (website.plan.models);
who changed a status is never published (only the admin shows it)."""

from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers
from rest_framework.response import Response
from wagtail.rich_text import expand_db_html

from website.plan.models import (
    GoalMeasure,
    GoalPage,
    Measure,
    MeasureStatus,
    MeasureStatusChange,
    plans_by_locale,
)

from .base import LANG_PARAMETER, ReadOnlyView, ReadOnlyViewSet


class StatusCountsSerializer(serializers.Serializer):
    not_started = serializers.IntegerField()
    in_progress = serializers.IntegerField()
    done = serializers.IntegerField()


class GoalSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    deadline = serializers.CharField()
    url = serializers.URLField(help_text=_("The goal's public page."))
    measures = serializers.ListField(
        child=serializers.IntegerField(),
        help_text=_("Ids of the goal's measures (see /measures/), in table order."),
    )
    status_counts = StatusCountsSerializer(
        help_text=_("Number of the goal's measures per status.")
    )


class FocusAreaSerializer(serializers.Serializer):
    title = serializers.CharField()
    description = serializers.CharField()


class PlanSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    period_start = serializers.IntegerField()
    period_end = serializers.IntegerField()
    url = serializers.URLField()
    introduction = serializers.CharField(help_text=_("HTML."))
    focus_areas = FocusAreaSerializer(many=True)
    goals = GoalSerializer(many=True)


def _goal_measure_ids(goals, locale_id):
    """{goal pk: [measure ids in the goal's locale, in table order]}."""
    links = list(
        GoalMeasure.objects.filter(page__in=goals)
        .order_by("page_id", "sort_order")
        .values_list("page_id", "measure__translation_key")
    )
    by_key = dict(
        Measure.objects.published()
        .filter(translation_key__in={key for _page, key in links}, locale_id=locale_id)
        .values_list("translation_key", "pk")
    )
    result = {}
    for page_id, key in links:
        if key in by_key:
            result.setdefault(page_id, []).append(by_key[key])
    return result


def plan_data(plan, request):
    goals = list(plan.get_goals())
    counts = GoalPage.status_counts_for(goals)
    measure_ids = _goal_measure_ids(goals, plan.locale_id)
    base = plan.get_full_url(request)
    return {
        "id": plan.pk,
        "title": plan.title,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "url": base,
        "introduction": expand_db_html(plan.introduction),
        "focus_areas": [
            {
                "title": block.value["title"],
                "description": block.value["description"] or "",
            }
            for block in plan.focus_areas
        ],
        "goals": [
            {
                "id": goal.pk,
                "number": goal.number,
                "title": goal.title,
                "summary": goal.summary,
                "deadline": goal.deadline,
                "url": goal.get_full_url(request),
                "measures": measure_ids.get(goal.pk, []),
                "status_counts": {
                    status.value: counts.get(goal.pk, {}).get(status, 0)
                    for status in MeasureStatus
                },
            }
            for goal in goals
        ],
    }


class PlanView(ReadOnlyView):
    """The current welfare plan with its focus areas and goals."""

    @extend_schema(
        operation_id="plan",
        summary=_("The welfare plan"),
        description=_(
            "The current welfare plan of the language: period, introduction, "
            "focus areas and goals with the number of measures per status."
        ),
        parameters=[LANG_PARAMETER],
        responses=PlanSerializer,
        tags=["plan"],
    )
    def get(self, request):
        plan = plans_by_locale([self.locale.pk]).get(self.locale.pk)
        if plan is None:
            return Response({"detail": _("Not found.")}, status=404)
        return Response(PlanSerializer(plan_data(plan, request)).data)


class StatusChangeSerializer(serializers.ModelSerializer):
    """A change of a measure's status (who made it is not public)."""

    class Meta:
        model = MeasureStatusChange
        fields = ["changed_at", "from_status", "to_status", "note"]


class MeasureIndicatorSerializer(serializers.Serializer):
    name = serializers.CharField()
    unit = serializers.CharField()
    baseline_value = serializers.DecimalField(
        max_digits=12, decimal_places=2, allow_null=True
    )
    baseline_year = serializers.IntegerField(allow_null=True)
    target = serializers.CharField()
    source = serializers.CharField()


class MeasureSerializer(serializers.ModelSerializer):
    description = serializers.SerializerMethodField(help_text=_("HTML."))
    responsible_parties = serializers.SerializerMethodField(
        help_text=_("The responsible units and organisations, one by one.")
    )
    status_label = serializers.CharField(source="get_status_display")
    status_symbol = serializers.CharField()
    url = serializers.SerializerMethodField()
    goals = serializers.SerializerMethodField(
        help_text=_("Ids of the goals the measure serves.")
    )
    status_history = serializers.SerializerMethodField()
    indicators = MeasureIndicatorSerializer(many=True)

    class Meta:
        model = Measure
        fields = [
            "id",
            "title",
            "description",
            "responsible",
            "responsible_parties",
            "schedule",
            "status",
            "status_label",
            "status_symbol",
            "url",
            "goals",
            "status_history",
            "indicators",
        ]

    def get_description(self, measure) -> str:
        return expand_db_html(measure.description)

    def get_responsible_parties(self, measure) -> list[str]:
        return [part.strip() for part in measure.responsible.split(",") if part.strip()]

    def get_url(self, measure) -> str | None:
        return self.context["measure_urls"].get(measure.pk)

    def get_goals(self, measure) -> list[int]:
        return self.context["goals"].get(measure.translation_key, [])

    @extend_schema_field(StatusChangeSerializer(many=True))
    def get_status_history(self, measure):
        rows = self.context["history"].get(measure.translation_key, [])
        return StatusChangeSerializer(rows, many=True).data


def measure_context(measures, locale_id, request):
    """What the measure serializer needs for a page of measures, in a fixed
    number of queries: URLs, goal ids and status histories."""
    keys = {measure.translation_key for measure in measures}
    history = {}
    for change in MeasureStatusChange.objects.filter(translation_key__in=keys):
        history.setdefault(change.translation_key, []).append(change)
    goal_keys = {}
    for measure_key, page_key in GoalMeasure.objects.filter(
        measure__translation_key__in=keys
    ).values_list("measure__translation_key", "page__translation_key"):
        goal_keys.setdefault(measure_key, set()).add(page_key)
    goal_ids = dict(
        GoalPage.objects.live()
        .filter(
            locale_id=locale_id,
            translation_key__in=set().union(*goal_keys.values()),
        )
        .values_list("translation_key", "pk")
    )
    plan = plans_by_locale([locale_id]).get(locale_id)
    urls = {}
    if plan is not None:
        base = plan.get_full_url(request)
        for measure in measures:
            urls[measure.pk] = base + plan.reverse_subpage(
                "measure", kwargs={"measure_id": measure.pk}
            )
    return {
        "history": history,
        "goals": {
            key: sorted(goal_ids[page] for page in pages if page in goal_ids)
            for key, pages in goal_keys.items()
        },
        "measure_urls": urls,
    }


class MeasureFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=MeasureStatus.choices)
    responsible = filters.CharFilter(
        field_name="responsible",
        lookup_expr="icontains",
        help_text=_("Part of the responsible parties, e.g. a municipality."),
    )
    goal = filters.NumberFilter(
        method="filter_goal", help_text=_("Id of a goal (in the same language).")
    )

    class Meta:
        model = Measure
        fields = ["status", "responsible", "goal"]

    def filter_goal(self, queryset, name, value):
        keys = GoalMeasure.objects.filter(page_id=value).values(
            "measure__translation_key"
        )
        return queryset.filter(translation_key__in=keys)


@extend_schema_view(
    list=extend_schema(
        summary=_("Measures of the plan"),
        description=_(
            "Published measures in the language, with status, status history, "
            "responsible parties, goals and indicators."
        ),
        parameters=[LANG_PARAMETER],
        tags=["plan"],
    ),
    retrieve=extend_schema(
        summary=_("One measure"), parameters=[LANG_PARAMETER], tags=["plan"]
    ),
)
class MeasureViewSet(ReadOnlyViewSet):
    serializer_class = MeasureSerializer
    filterset_class = MeasureFilter
    queryset = Measure.objects.none()

    def get_queryset(self):
        return (
            Measure.objects.published()
            .filter(locale=self.locale)
            .prefetch_related("indicators")
            .order_by("title", "pk")
        )

    def get_serializer(self, *args, **kwargs):
        if args:
            instances = args[0] if kwargs.get("many") else [args[0]]
            kwargs["context"] = {
                **self.get_serializer_context(),
                **measure_context(instances, self.locale.pk, self.request),
            }
        return super().get_serializer(*args, **kwargs)
