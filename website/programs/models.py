"""Programs of the welfare area and their half-yearly status cards.

The shape follows the Keski-Suomi strategy implementation report: for each
program and reporting period a status on four dimensions (overall, schedule,
risks, resources) on a three-level scale, four text sections and the authors.

The statuses and the authors are facts about the program in that period, not
about a language: they are wagtail-localize synchronised fields, and
publishing the source card copies them to its translations at once
(``ProgramStatusCard.sync_shared_fields``).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    Page,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail_localize.fields import SynchronizedField

SECTION_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class StatusLevel(models.TextChoices):
    """The report's three-level scale (the seed's green / yellow / red)."""

    ON_TRACK = "on_track", _("As planned")
    AT_RISK = "at_risk", _("Risk of delay")
    CRITICAL = "critical", _("Significant problems, needs immediate action")


# A distinct shape per level, so the level never depends on colour alone.
LEVEL_SYMBOLS = {
    StatusLevel.ON_TRACK: "✓",
    StatusLevel.AT_RISK: "▲",
    StatusLevel.CRITICAL: "✕",
}

# The seed's legend: what each level means.
LEVEL_DESCRIPTIONS = {
    StatusLevel.ON_TRACK: _("Progressing as planned, the work is advancing well."),
    StatusLevel.AT_RISK: _(
        "Risk that the work falls behind the plan; may affect the overall "
        "schedule or the results."
    ),
    StatusLevel.CRITICAL: _(
        "Significant challenges or risks that very likely affect the quality "
        "of the work; needs immediate action."
    ),
}

# (field name, label) of the four dimensions, in the report's column order.
DIMENSIONS = [
    ("overall", _("Overall")),
    ("schedule", _("Schedule")),
    ("risks", _("Risks")),
    ("resources", _("Resources")),
]

# (field name, heading) of the four text sections, in the report's order.
SECTIONS = [
    ("past_successes", _("Successes of the past period")),
    ("coming_tasks", _("Tasks for the coming period")),
    ("achievements", _("Goals and measures reached")),
    ("attention", _("Things needing attention")),
]

# Same in every language (see the module docstring).
SHARED_FIELDS = [name for name, _label in DIMENSIONS] + ["authors"]


class Program(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A program or plan whose implementation is reported, e.g. the regional
    welfare plan or the participation programme."""

    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_("The program's name, e.g. 'Participation programme 2020–2025'."),
    )
    description = models.TextField(
        _("short description"),
        blank=True,
        help_text=_("One or two sentences on what the program is about."),
    )
    owner = models.CharField(
        _("responsible body"),
        max_length=255,
        blank=True,
        help_text=_("Who is responsible for the program, e.g. a unit or a board."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("sort order"),
        default=0,
        help_text=_("Programs are listed in ascending order of this number."),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="program")

    override_translatable_fields = [SynchronizedField("sort_order")]

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("sort_order")]),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def get_url(self):
        """The program's history page in its own language."""
        from django.utils import translation

        with translation.override(self.locale.language_code):
            return route_url("program", self.pk)


class ReportingPeriod(models.Model):
    """A half-year of reporting.

    Year + half rather than free start/end dates: the report is half-yearly
    ("the past half-year"), so periods cannot overlap or leave gaps, sort
    naturally, get a stable URL (2024-1) and a label in each language. The
    period is the same in every language, so it is not translatable.
    """

    class Half(models.IntegerChoices):
        FIRST = 1, _("first half (January–June)")
        SECOND = 2, _("second half (July–December)")

    year = models.PositiveSmallIntegerField(
        _("year"), help_text=_("The calendar year, e.g. 2024.")
    )
    half = models.PositiveSmallIntegerField(
        _("half-year"),
        choices=Half.choices,
        help_text=_("Which half of the year the period covers."),
    )

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("half")])]

    class Meta:
        ordering = ["-year", "-half"]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "half"],
                name="programs_unique_period",
                violation_error_message=_("This reporting period already exists."),
            )
        ]

    def __str__(self):
        return str(self.label)

    def _label(self):
        """e.g. fi "2024 / 1. puolivuotiskausi", sv "2024 / första halvåret"."""
        if self.half == self.Half.FIRST:
            return gettext("%(year)s / first half") % {"year": self.year}
        return gettext("%(year)s / second half") % {"year": self.year}

    _label.short_description = _("reporting period")  # the admin column
    label = property(_label)

    @property
    def slug(self):
        return f"{self.year}-{self.half}"

    def get_url(self):
        """The period's overview page in the active language."""
        return route_url("period", self.year, self.half)


def _level_field(verbose_name, help_text):
    return models.CharField(
        verbose_name,
        max_length=20,
        choices=StatusLevel.choices,
        default=StatusLevel.ON_TRACK,
        help_text=help_text,
    )


def _section_field(verbose_name, help_text):
    return RichTextField(
        verbose_name, features=SECTION_FEATURES, blank=True, help_text=help_text
    )


class ProgramStatusCard(
    DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model
):
    """One program's status in one reporting period."""

    program = models.ForeignKey(
        Program,
        on_delete=models.CASCADE,
        related_name="status_cards",
        verbose_name=_("program"),
        help_text=_("The program this card reports on (in the card's language)."),
    )
    period = models.ForeignKey(
        ReportingPeriod,
        on_delete=models.PROTECT,
        related_name="status_cards",
        verbose_name=_("reporting period"),
        help_text=_("The half-year the card reports on."),
    )
    overall = _level_field(
        _("overall status"),
        _("How the program as a whole is progressing. Same in every language."),
    )
    schedule = _level_field(
        _("schedule"),
        _("Whether the program keeps to its schedule. Same in every language."),
    )
    risks = _level_field(
        _("risks"),
        _("How serious the risks to the program's goals are. Same in every language."),
    )
    resources = _level_field(
        _("resources"),
        _("Whether staff and money suffice. Same in every language."),
    )
    past_successes = _section_field(
        _("successes of the past period"),
        _("The most important successes of the half-year, preferably as a list."),
    )
    coming_tasks = _section_field(
        _("tasks for the coming period"),
        _("The key tasks of the next half-year."),
    )
    achievements = _section_field(
        _("goals and measures reached"),
        _("Goals reached and measures completed during the period."),
    )
    attention = _section_field(
        _("things needing attention"),
        _("Risks, obstacles and other things the readers should be aware of."),
    )
    authors = models.CharField(
        _("authors"),
        max_length=255,
        help_text=_(
            "Who prepared the card: names, separated by commas. Same in every language."
        ),
    )
    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="program_status_card"
    )

    override_translatable_fields = [
        SynchronizedField(name, overridable=False) for name in SHARED_FIELDS
    ]

    panels = [
        FieldRowPanel([FieldPanel("program"), FieldPanel("period")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("overall"), FieldPanel("schedule")]),
                FieldRowPanel([FieldPanel("risks"), FieldPanel("resources")]),
            ],
            heading=_("Status"),
            help_text=_(
                "As planned / risk of delay / significant problems. Edit the "
                "statuses on the source (Finnish) card; translations follow."
            ),
        ),
        FieldPanel("past_successes"),
        FieldPanel("coming_tasks"),
        FieldPanel("achievements"),
        FieldPanel("attention"),
        FieldPanel("authors"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-period__year", "-period__half", "program__sort_order"]
        verbose_name = _("program status card")
        verbose_name_plural = _("program status cards")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "period", "locale"],
                name="programs_unique_card_per_period",
                violation_error_message=_(
                    "There is already a status card for this program and "
                    "reporting period in this language."
                ),
            )
        ]

    def __str__(self):
        return f"{self.program} – {self.period}"

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        # The admin form has no locale field, so Django would skip the
        # constraint above and fail with an IntegrityError: check it here.
        super().clean()
        if not self.program_id or not self.period_id:
            return
        locale_id = self.locale_id or self.program.locale_id
        if self.program.locale_id != locale_id:
            raise ValidationError(
                {"program": _("Choose the program in the same language as the card.")}
            )
        duplicate = (
            ProgramStatusCard.objects.filter(
                program_id=self.program_id,
                period_id=self.period_id,
                locale_id=locale_id,
            )
            .exclude(pk=self.pk)
            .exists()
        )
        if duplicate:
            raise ValidationError(
                {
                    "period": _(
                        "There is already a status card for this program and "
                        "reporting period in this language."
                    )
                }
            )

    @property
    def levels(self):
        """[(dimension label, level, level label, symbol)] in column order."""
        return [
            (
                label,
                getattr(self, name),
                StatusLevel(getattr(self, name)).label,
                LEVEL_SYMBOLS[getattr(self, name)],
            )
            for name, label in DIMENSIONS
        ]

    @property
    def sections(self):
        """[(heading, rich text)] of the non-empty text sections."""
        return [
            (label, getattr(self, name))
            for name, label in SECTIONS
            if getattr(self, name)
        ]

    def source_card(self):
        """The card whose statuses all translations share: the one in the
        wagtail-localize source language, else the default language's."""
        from wagtail_localize.models import TranslationSource

        source_locale_id = (
            TranslationSource.objects.filter(
                object_id=self.translation_key,
                specific_content_type__app_label="programs",
                specific_content_type__model="programstatuscard",
            )
            .values_list("locale_id", flat=True)
            .first()
        )
        if source_locale_id is None:
            source_locale_id = (
                Locale.objects.filter(language_code=settings.LANGUAGE_CODE)
                .values_list("pk", flat=True)
                .first()
            )
        if source_locale_id == self.locale_id:
            return self
        return (
            ProgramStatusCard.objects.filter(
                translation_key=self.translation_key, locale_id=source_locale_id
            ).first()
            or self
        )

    def sync_shared_fields(self):
        """Copy the source card's statuses and authors to all its
        translations. Called on publish: a translation published from an
        older wagtail-localize snapshot is corrected from the source."""
        source = self.source_card()
        values = {name: getattr(source, name) for name in SHARED_FIELDS}
        for name, value in values.items():
            setattr(self, name, value)
        ProgramStatusCard.objects.filter(translation_key=self.translation_key).exclude(
            pk=source.pk
        ).update(**values)


class ProgramIndexPage(RoutablePageMixin, Page):
    """Ohjelmat / Program: the programs and their status reports, in the page
    tree. Its routes serve views.py: the index, one period's overview
    (`<year>-<half>/`) and one program's history (`<id>/`). With the slugs
    `ohjelmat` / `program` the addresses are those of the former URL
    include, so links already shared keep working."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("program status reports page")

    @path("", name="index")
    def index_route(self, request):
        from . import views

        return views.index(request, self)

    @path("<int:year>-<int:half>/", name="period")
    def period_route(self, request, year, half):
        from . import views

        return views.period_overview(request, self, year, half)

    @path("<int:pk>/", name="program")
    def program_route(self, request, pk):
        from . import views

        return views.program_history(request, self, pk)


def index_page(language=None):
    """The live program page of the language (the active one by default)."""
    from website.core.i18n import active_language

    return (
        ProgramIndexPage.objects.live()
        .filter(locale__language_code=language or active_language())
        .order_by("path")
        .first()
    )


def route_url(name, *args, language=None):
    """The URL of a route of the program page of the language, or "" when
    no program page is live."""
    from website.core import routes

    page = index_page(language)
    if page is None:
        return ""
    return routes.route_url(page, name, args=args)
