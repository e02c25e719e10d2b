from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from website.home.blocks import BodyBlock, HomeBlock
from website.search.fields import AnalyzedSearchField, analyzed


class HomePage(Page):
    """The front page of one language tree (/fi/, /sv/), composed by editors
    from blocks (website.home.blocks). Without blocks it lists the plans and
    the latest reports, as before."""

    introduction = RichTextField(_("introduction"), blank=True)
    body = StreamField(HomeBlock(), blank=True, verbose_name=_("body"))

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
        if self.body:
            return context
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
