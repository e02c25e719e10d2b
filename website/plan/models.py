"""The regional welfare plan: plan page, goal pages (SMART form), measures.

A measure is its own translatable snippet because one measure can serve
several goals (e.g. "introduction of electronic self-care" serves five). Its
status is a fact about the measure, not about a language: it is edited on the
source (Finnish) measure, every change is kept in ``MeasureStatusChange``,
and translations follow the source (see ``Measure.set_status``).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models, transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField

from website.search.fields import AnalyzedSearchField, analyzed

from .panels import StatusHistoryPanel

SMART_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class MeasureStatus(models.TextChoices):
    """The deck's traffic light: red = not started, yellow = in progress,
    green = done. Shown as text and symbol as well as colour."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


STATUS_SYMBOLS = {
    MeasureStatus.NOT_STARTED: "○",
    MeasureStatus.IN_PROGRESS: "◐",
    MeasureStatus.DONE: "●",
}


class MeasureQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def in_locale(self, locale):
        return self.filter(locale=locale)

    def annotate_goal_count(self):
        """Number of goals (in the measure's own locale) the measure serves."""
        return self.annotate(
            goal_count=models.Count(
                "goal_links__page",
                filter=models.Q(goal_links__page__locale=models.F("locale")),
                distinct=True,
            )
        )


class Measure(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    title = models.CharField(
        _("measure"),
        max_length=255,
        help_text=_("What will be done, in one sentence (the table's measure column)."),
    )
    description = RichTextField(
        _("description"),
        features=SMART_FEATURES,
        blank=True,
        help_text=_("Optional details shown on the measure's own page."),
    )
    responsible = models.CharField(
        _("responsible parties"),
        max_length=255,
        help_text=_(
            "Who is responsible, e.g. 'Keusote, municipalities, associations'."
        ),
    )
    schedule = models.CharField(
        _("schedule"), max_length=100, help_text=_("e.g. 2020–2021, or 'ongoing'.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MeasureStatus.choices,
        default=MeasureStatus.NOT_STARTED,
        help_text=_(
            "Traffic light: not started (red), in progress (yellow), done (green). "
            "Change it on the Finnish measure; the Swedish one follows."
        ),
    )
    status_note = models.TextField(
        _("note on the status change"),
        blank=True,
        help_text=_(
            "Why the status changed. Saved into the status history when the "
            "measure is published with a new status."
        ),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="measure")
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="measure",
        for_concrete_model=False,
    )

    objects = MeasureQuerySet.as_manager()

    # The status is a fact shared by all languages; the note is staff's own.
    override_translatable_fields = [
        SynchronizedField("status", overridable=False),
        SynchronizedField("status_note", overridable=False),
    ]

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("responsible"), FieldPanel("schedule")]),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_note"), StatusHistoryPanel()],
            heading=_("Status"),
        ),
        InlinePanel("indicators", heading=_("Indicators"), label=_("indicator")),
    ]

    search_fields = [
        AnalyzedSearchField("title", boost=2),
        AnalyzedSearchField("description"),
        AnalyzedSearchField("responsible"),
        index.FilterField("locale"),
        index.FilterField("live"),
        index.AutocompleteField("title"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @property
    def workflow_states(self):
        return self._workflow_states

    @property
    def status_symbol(self):
        return STATUS_SYMBOLS[self.status]

    def get_status_history(self):
        """Status changes of this measure in every language, newest first."""
        return MeasureStatusChange.objects.filter(
            translation_key=self.translation_key
        ).select_related("changed_by")

    @transaction.atomic
    def set_status(self, new_status, user=None, note="", previous=None):
        """Change the status of this measure and all its translations, and
        record the change. ``previous`` is the status before the change when
        the row has already been saved with the new one (publishing)."""
        previous = self.status if previous is None else previous
        if previous == new_status:
            return None
        Measure.objects.filter(translation_key=self.translation_key).update(
            status=new_status
        )
        self.status = new_status
        return MeasureStatusChange.objects.create(
            translation_key=self.translation_key,
            changed_by=user,
            from_status=previous or "",
            to_status=new_status,
            note=note,
        )

    def get_goals(self):
        """Live goal pages in this measure's locale that list this measure."""
        keys = GoalMeasure.objects.filter(
            measure__translation_key=self.translation_key
        ).values("page__translation_key")
        return (
            GoalPage.objects.live()
            .filter(locale_id=self.locale_id, translation_key__in=keys)
            .order_by("number")
        )

    def get_url(self, request=None, plan=None):
        """The measure's public URL under the live plan of its locale."""
        plan = plan or plans_by_locale([self.locale_id]).get(self.locale_id)
        if plan is None:
            return None
        return plan.url + plan.reverse_subpage(
            "measure", kwargs={"measure_id": self.pk}
        )


def plans_by_locale(locale_ids):
    """{locale id: live plan page}, the newest plan per locale, one query."""
    plans = {}
    for plan in (
        PlanPage.objects.live()
        .filter(locale_id__in=locale_ids)
        .select_related("locale")
        .order_by("-period_start")
    ):
        plans.setdefault(plan.locale_id, plan)
    return plans


class MeasureIndicator(TranslatableMixin, Orderable):
    """An indicator (mittari) that follows a measure."""

    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=255)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), null=True, blank=True
    )
    target = models.CharField(
        _("target"), max_length=255, blank=True, help_text=_("e.g. 'decreases by 5 %'")
    )
    source = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("e.g. THL, Sotkanet")
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel(
            [
                FieldPanel("unit"),
                FieldPanel("baseline_value"),
                FieldPanel("baseline_year"),
            ]
        ),
        FieldRowPanel([FieldPanel("target"), FieldPanel("source")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name


class MeasureStatusChange(models.Model):
    """One change of a measure's status. Keyed on the translation key, so the
    Finnish and the Swedish measure share one history."""

    translation_key = models.UUIDField(db_index=True)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=MeasureStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=MeasureStatus.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.from_status or '–'} → {self.to_status}"


class PlanPage(RoutablePageMixin, Page):
    """The welfare plan of one council term (e.g. 2020–2025)."""

    period_start = models.PositiveSmallIntegerField(_("first year"))
    period_end = models.PositiveSmallIntegerField(_("last year"))
    introduction = RichTextField(_("introduction"), blank=True)
    focus_areas = StreamField(
        [
            (
                "focus_area",
                blocks.StructBlock(
                    [
                        ("title", blocks.CharBlock(label=_("title"))),
                        (
                            "description",
                            blocks.TextBlock(label=_("description"), required=False),
                        ),
                    ],
                    icon="pick",
                    label=_("focus area"),
                    template="plan/blocks/focus_area.html",
                ),
            )
        ],
        blank=True,
        verbose_name=_("focus areas"),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("introduction"),
        FieldPanel("focus_areas"),
    ]
    search_fields = analyzed(Page.search_fields) + [
        AnalyzedSearchField("introduction"),
        AnalyzedSearchField("focus_areas"),
    ]
    subpage_types = ["plan.GoalPage"]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("welfare plan")

    def get_goals(self):
        return GoalPage.objects.child_of(self).live().order_by("number")

    @path("", name="index")
    def index_route(self, request):
        goals = list(self.get_goals())
        counts = GoalPage.status_counts_for(goals)
        for goal in goals:
            goal_counts = counts.get(goal.pk, {})
            goal.status_rows = [
                (
                    status,
                    status.label,
                    STATUS_SYMBOLS[status],
                    goal_counts.get(status, 0),
                )
                for status in MeasureStatus
            ]
        return self.render(request, context_overrides={"goals": goals})

    @path("toimenpiteet/<int:measure_id>/", name="measure")
    @path("atgarder/<int:measure_id>/", name="measure_sv")
    def measure_view(self, request, measure_id):
        measure = get_object_or_404(
            Measure.objects.published()
            .filter(locale_id=self.locale_id)
            .select_related("locale"),
            pk=measure_id,
        )
        return self.render(
            request,
            template="plan/measure_page.html",
            context_overrides={
                "measure": measure,
                "history": measure.get_status_history(),
                "goals": measure.get_goals(),
                "indicators": measure.indicators.all(),
                "translations_override": measure_translation_links(measure, self),
                "title": measure.title,
            },
        )

    def reverse_subpage(self, name, args=None, kwargs=None):
        if name == "measure" and self.locale.language_code == "sv":
            name = "measure_sv"
        return super().reverse_subpage(name, args=args, kwargs=kwargs)


def measure_translation_links(measure, plan):
    """{language_code: url} of the measure's live translations."""
    translations = list(
        Measure.objects.published()
        .filter(translation_key=measure.translation_key)
        .select_related("locale")
    )
    plans = plans_by_locale([t.locale_id for t in translations if t.pk != measure.pk])
    plans[plan.locale_id] = plan
    links = {}
    for other in translations:
        if other.locale_id in plans:
            links[other.locale.language_code] = other.get_url(
                plan=plans[other.locale_id]
            )
    return links


class GoalPage(Page):
    """A goal of the plan with its SMART goal form and measures table."""

    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("The goal's number in the plan (1, 2, 3 …).")
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One sentence for the goal card.")
    )
    development_need = RichTextField(
        _("development need"), features=SMART_FEATURES, blank=True
    )
    what_must_change = RichTextField(
        _("what must change"), features=SMART_FEATURES, blank=True
    )
    who_is_involved = RichTextField(
        _("who is involved"), features=SMART_FEATURES, blank=True
    )
    baseline = RichTextField(
        _("baseline"),
        features=SMART_FEATURES,
        blank=True,
        help_text=_("The starting point; indicator values are shown from the data."),
    )
    desired_end_state = RichTextField(
        _("desired end state"), features=SMART_FEATURES, blank=True
    )
    deadline = models.CharField(
        _("by when"), max_length=100, blank=True, help_text=_("e.g. 2025")
    )
    how_we_know = RichTextField(
        _("how we know it changed"), features=SMART_FEATURES, blank=True
    )
    monitoring = RichTextField(
        _("where and how it is monitored"), features=SMART_FEATURES, blank=True
    )
    smart_statement = RichTextField(
        _("SMART goal"),
        features=SMART_FEATURES,
        blank=True,
        help_text=_("Specific, measurable, achievable, relevant, time-bound."),
    )

    smart_panels = [
        FieldPanel("development_need"),
        FieldPanel("what_must_change"),
        FieldPanel("who_is_involved"),
        FieldPanel("baseline"),
        FieldPanel("desired_end_state"),
        FieldPanel("deadline"),
        FieldPanel("how_we_know"),
        FieldPanel("monitoring"),
        FieldPanel("smart_statement"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("number"),
        FieldPanel("summary"),
        MultiFieldPanel(smart_panels, heading=_("SMART goal form")),
        InlinePanel(
            "measure_links",
            heading=_("Measures"),
            label=_("measure"),
            help_text=_("The goal's measures table, in order."),
        ),
        InlinePanel(
            "indicator_links",
            heading=_("Indicator data"),
            label=_("indicator"),
            help_text=_("Indicators whose values per municipality the page shows."),
        ),
    ]
    search_fields = analyzed(Page.search_fields) + [
        AnalyzedSearchField("summary", boost=1.5),
        AnalyzedSearchField("development_need"),
        AnalyzedSearchField("what_must_change"),
        AnalyzedSearchField("who_is_involved"),
        AnalyzedSearchField("baseline"),
        AnalyzedSearchField("desired_end_state"),
        AnalyzedSearchField("how_we_know"),
        AnalyzedSearchField("monitoring"),
        AnalyzedSearchField("smart_statement"),
    ]
    parent_page_types = ["plan.PlanPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("goal")

    SMART_FIELDS = [
        "development_need",
        "what_must_change",
        "who_is_involved",
        "baseline",
        "desired_end_state",
        "deadline",
        "how_we_know",
        "monitoring",
        "smart_statement",
    ]

    @staticmethod
    def status_counts_for(goals):
        """{goal pk: {status: count}} of live measures in the goals' locales,
        in one query for any number of goals."""
        if not goals:
            return {}
        rows = (
            GoalMeasure.objects.filter(page__in=goals)
            .values("page_id", "measure__translation_key")
            .distinct()
        )
        keys = {row["measure__translation_key"] for row in rows}
        locale_ids = {goal.locale_id for goal in goals}
        status_by_key = dict(
            Measure.objects.published()
            .filter(translation_key__in=keys, locale_id__in=locale_ids)
            .values_list("translation_key", "status")
        )
        counts = {}
        for row in rows:
            status = status_by_key.get(row["measure__translation_key"])
            if status:
                bucket = counts.setdefault(row["page_id"], {})
                bucket[status] = bucket.get(status, 0) + 1
        return counts

    @cached_property
    def plan(self):
        return PlanPage.objects.parent_of(self).first()

    def get_measures(self):
        """The goal's live measures in this page's locale, in table order.

        Links are synchronised from the source page by wagtail-localize and
        may still point at the Finnish measure; the translation key maps
        them to this locale's measure."""
        links = list(
            self.measure_links.select_related("measure").order_by("sort_order")
        )
        keys = [link.measure.translation_key for link in links]
        by_key = {
            measure.translation_key: measure
            for measure in Measure.objects.published()
            .filter(translation_key__in=keys, locale_id=self.locale_id)
            .prefetch_related("indicators")
        }
        plan = self.plan
        measures = [by_key[key] for key in keys if key in by_key]
        for measure in measures:
            measure.page_url = measure.get_url(plan=plan)
        return measures

    def get_indicator_table(self):
        """Rows (area, [values by year]) of the goal's indicator data."""
        from website.indicators.models import IndicatorValue

        indicator_ids = list(
            self.indicator_links.values_list("indicator_id", flat=True)
        )
        area_order = models.Case(
            models.When(area__kind="region", then=0),
            models.When(area__kind="municipality", then=1),
            default=2,
        )
        values = (
            IndicatorValue.objects.filter(
                indicator_id__in=indicator_ids, gender="total"
            )
            .select_related("indicator", "area")
            .order_by("indicator_id", "year", area_order, "area__name_fi")
        )
        tables = {}
        for value in values:
            table = tables.setdefault(
                value.indicator_id, {"indicator": value.indicator, "rows": []}
            )
            table["rows"].append(value)
        order = {pk: i for i, pk in enumerate(indicator_ids)}
        return sorted(tables.values(), key=lambda t: order[t["indicator"].pk])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        measures = self.get_measures()
        responsible_choices = sorted(
            {part.strip() for m in measures for part in m.responsible.split(",")} - {""}
        )
        status = request.GET.get("status", "")
        responsible = request.GET.get("responsible", "")
        if status in MeasureStatus.values:
            measures = [m for m in measures if m.status == status]
        else:
            status = ""
        if responsible in responsible_choices:
            measures = [
                m
                for m in measures
                if responsible in [p.strip() for p in m.responsible.split(",")]
            ]
        else:
            responsible = ""
        context.update(
            measures=measures,
            statuses=MeasureStatus,
            selected_status=status,
            selected_responsible=responsible,
            responsible_choices=responsible_choices,
            indicator_tables=self.get_indicator_table(),
            plan=self.plan,
        )
        return context


class GoalMeasure(Orderable):
    """A row of a goal's measures table. Not translatable: wagtail-localize
    copies it to the translation, and the page maps it to the measure of its
    own locale by translation key."""

    page = ParentalKey(GoalPage, on_delete=models.CASCADE, related_name="measure_links")
    measure = models.ForeignKey(
        Measure,
        on_delete=models.CASCADE,
        related_name="goal_links",
        verbose_name=_("measure"),
    )

    panels = [FieldPanel("measure")]

    class Meta(Orderable.Meta):
        verbose_name = _("measure of a goal")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "measure"], name="unique_goal_measure"
            )
        ]


class GoalIndicator(Orderable):
    page = ParentalKey(
        GoalPage, on_delete=models.CASCADE, related_name="indicator_links"
    )
    indicator = models.ForeignKey(
        "indicators.Indicator",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("indicator"),
    )

    panels = [FieldPanel("indicator")]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator of a goal")
