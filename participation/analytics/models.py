"""Participation analytics: the free-text theme taxonomy.

Figures themselves are computed in the database from the collecting apps'
tables (see queries.py); this app owns only what staff edit for analysis.
"""

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from website.core.i18n import localized
from website.search.fields import AnalyzedSearchField, analyzed


class TextTheme(models.Model):
    """A theme of free-text answers, found by keywords in either language."""

    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    keywords_fi = models.TextField(
        _("Finnish keywords"),
        help_text=_(
            "One per line or separated by commas, in base form (e.g. odotusaika, "
            "jono). Inflected forms and compounds are found automatically. A "
            "phrase of several words matches when all of them occur."
        ),
    )
    keywords_sv = models.TextField(
        _("Swedish keywords"),
        help_text=_("One per line or separated by commas, e.g. väntetid, kö."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    goals = models.ManyToManyField(
        "plan.GoalPage",
        verbose_name=_("plan goals"),
        related_name="feedback_themes",
        blank=True,
        limit_choices_to={"locale__language_code": "fi"},
        help_text=_(
            "Goals of the welfare plan this theme tells about: their pages show "
            "how often the theme came up in feedback."
        ),
    )

    class Meta:
        ordering = ["sort_order", "name_fi"]
        verbose_name = _("free-text theme")
        verbose_name_plural = _("free-text themes")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localized(self, "name")


class FeedbackAnalysis(models.Model):
    """Themes and tone of one feedback's free text, computed when it is saved
    (participation.analytics.analysis), so that dashboards count them with
    SQL instead of analysing texts on every request. Holds no text: it stays
    when the feedback's text is anonymised."""

    class Tone(models.TextChoices):
        NEGATIVE = "negative", _("negative")
        NEUTRAL = "neutral", _("neutral")
        POSITIVE = "positive", _("positive")

    feedback = models.OneToOneField(
        "feedback.Feedback",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="analysis",
    )
    tone = models.CharField(_("tone"), max_length=8, choices=Tone.choices)
    themes = models.ManyToManyField(
        TextTheme, related_name="feedback_analyses", blank=True
    )

    class Meta:
        verbose_name = _("feedback analysis")
        verbose_name_plural = _("feedback analyses")
        permissions = [
            (
                "view_participation_dashboard",
                _("Can see participation analytics and export aggregates"),
            )
        ]

    def __str__(self):
        return f"{self.feedback_id}: {self.tone}"


class ParticipationSummaryPage(Page):
    """Public summary of participation: aggregates only, and any figure from
    fewer answers than PARTICIPATION_MIN_GROUP_SIZE is suppressed."""

    introduction = RichTextField(_("introduction"), blank=True)
    months = models.PositiveSmallIntegerField(
        _("period in months"),
        default=12,
        help_text=_("The summary covers this many whole months up to today."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("months"),
    ]
    search_fields = analyzed(Page.search_fields) + [AnalyzedSearchField("introduction")]
    parent_page_types = ["home.HubPage", "home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("participation summary")

    def get_context(self, request, *args, **kwargs):
        from .public import summary

        context = super().get_context(request, *args, **kwargs)
        context.update(summary(self.months))
        return context


class FeedbackMonthly(models.Model):
    """Feedback counted per month, unit, channel and language: an exact
    summary of the raw rows (participation.analytics.summary keeps it in step
    on every save and rebuilds it after bulk loads), so that dashboards over
    a million answers read thousands of rows instead."""

    month = models.DateField()
    unit = models.ForeignKey(
        "feedback.ServiceUnit", on_delete=models.CASCADE, null=True, related_name="+"
    )
    channel = models.CharField(max_length=10)
    language = models.CharField(max_length=5)
    n = models.PositiveIntegerField(default=0)
    scored = models.PositiveIntegerField(default=0)
    promoters = models.PositiveIntegerField(default=0)
    passives = models.PositiveIntegerField(default=0)
    detractors = models.PositiveIntegerField(default=0)
    handled = models.PositiveIntegerField(default=0)
    closed = models.PositiveIntegerField(default=0)
    tone_negative = models.PositiveIntegerField(default=0)
    tone_neutral = models.PositiveIntegerField(default=0)
    tone_positive = models.PositiveIntegerField(default=0)

    class Meta:
        # One row per bucket (a NULL unit is a bucket of its own, hence the
        # Coalesce): two refreshes at once cannot both insert it
        # (participation.analytics.summary.refresh locks it instead).
        constraints = [
            models.UniqueConstraint(
                F("month"),
                Coalesce("unit", Value(0)),
                F("channel"),
                F("language"),
                name="analytics_feedbackmonthly_bucket",
            )
        ]

    def __str__(self):
        return f"{self.month} {self.unit_id} {self.channel} {self.language}: {self.n}"


class ThemeMonthly(models.Model):
    """Free-text themes counted per month, unit, channel and language."""

    month = models.DateField()
    unit = models.ForeignKey(
        "feedback.ServiceUnit", on_delete=models.CASCADE, null=True, related_name="+"
    )
    channel = models.CharField(max_length=10)
    language = models.CharField(max_length=5)
    theme = models.ForeignKey(TextTheme, on_delete=models.CASCADE, related_name="+")
    n = models.PositiveIntegerField(default=0)
    negative = models.PositiveIntegerField(default=0)
    neutral = models.PositiveIntegerField(default=0)
    positive = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["month"])]
        constraints = [
            models.UniqueConstraint(
                F("month"),
                Coalesce("unit", Value(0)),
                F("channel"),
                F("language"),
                F("theme"),
                name="analytics_thememonthly_bucket",
            )
        ]

    def __str__(self):
        return f"{self.month} {self.theme_id}: {self.n}"
