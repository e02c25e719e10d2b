from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from website.search.fields import AnalyzedSearchField, analyzed


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title",
        icon="title",
        label=_("heading"),
        template="blocks/heading.html",
    )
    paragraph = blocks.RichTextBlock(
        icon="pilcrow", label=_("paragraph"), template="blocks/paragraph.html"
    )


class HomePage(Page):
    """The front page of one language tree (/fi/, /sv/)."""

    introduction = RichTextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = analyzed(Page.search_fields) + [
        AnalyzedSearchField("introduction"),
        AnalyzedSearchField("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from website.plan.models import PlanPage
        from website.report.models import ReportPage

        context = super().get_context(request, *args, **kwargs)
        context["plans"] = (
            PlanPage.objects.child_of(self).live().order_by("-period_start")
        )
        context["reports"] = (
            ReportPage.objects.descendant_of(self).live().order_by("-year")[:3]
        )
        return context


class StandardPage(Page):
    """A plain content page (e.g. accessibility statement, privacy notice)."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = analyzed(Page.search_fields) + [
        AnalyzedSearchField("introduction"),
        AnalyzedSearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


class HubPage(Page):
    """A section that gathers services (e.g. Osallistu / Delta): lists its
    live children with their introduction. Which page types may sit under
    it is decided by the children (their `parent_page_types`), so website
    code names no participation page type."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = analyzed(Page.search_fields) + [AnalyzedSearchField("introduction")]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("section hub page")

    def entries(self):
        """The live, public children in tree order, as their own types (one
        query per page type)."""
        return self.get_children().live().public().specific()
