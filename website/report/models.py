"""The welfare report (hyvinvointikertomus / välfärdsberättelse).

A ReportIndexPage lists the yearly ReportPages. A report is an introduction
plus sections the editor chooses (see blocks.py); each report also serves
municipality cards, a PDF and its indicator data as CSV and XLSX.
"""

import datetime

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from website.indicators.models import Area
from website.search.fields import AnalyzedSearchField, analyzed

from .blocks import ReportBodyBlock


class ReportIndexPage(Page):
    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = analyzed(Page.search_fields) + [AnalyzedSearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["report.ReportPage"]

    class Meta:
        verbose_name = _("welfare reports")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reports"] = (
            ReportPage.objects.child_of(self).live().order_by("-year", "-pk")
        )
        return context


def default_report_date():
    return datetime.date(datetime.date.today().year - 1, 12, 31)


class ReportPage(RoutablePageMixin, Page):
    year = models.PositiveSmallIntegerField(
        _("year"),
        help_text=_(
            "The year the report covers. Charts and tables show figures up to "
            "this year."
        ),
    )
    report_date = models.DateField(
        _("report date"),
        default=default_report_date,
        help_text=_(
            "The plan's measures are shown as they stood on this date, from "
            "their status history."
        ),
    )
    introduction = RichTextField(_("introduction"), blank=True)
    body = StreamField(ReportBodyBlock(), blank=True, verbose_name=_("sections"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("year"), FieldPanel("report_date")]),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = analyzed(Page.search_fields) + [
        AnalyzedSearchField("introduction"),
        AnalyzedSearchField("body"),
    ]
    parent_page_types = ["report.ReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("welfare report")

    @property
    def sections(self):
        """(anchor, heading) of the sections that have a heading: the page's
        and the PDF's table of contents."""
        return [
            (f"section-{i}", block.value["heading"])
            for i, block in enumerate(self.body, start=1)
            if block.value.get("heading")
        ]

    def get_context(self, request, *args, **kwargs):
        from .data import municipalities

        context = super().get_context(request, *args, **kwargs)
        # Passed uncalled: the template calls it only where it lists them.
        context["municipalities"] = municipalities
        return context

    @path("kunnat/<slug:slug>/", name="municipality")
    @path("kommuner/<slug:slug>/", name="municipality_sv")
    def municipality_view(self, request, slug):
        from .data import municipality_card

        area = get_object_or_404(Area, kind=Area.Kind.MUNICIPALITY, slug=slug)
        links = {
            translation.locale.language_code: translation.municipality_url(area)
            for translation in ReportPage.objects.live()
            .filter(translation_key=self.translation_key)
            .select_related("locale")
        }
        return self.render(
            request,
            template="report/municipality_card.html",
            context_overrides={
                "area": area,
                "rows": municipality_card(area, self.year),
                "title": area.name,
                "translations_override": links,
            },
        )

    @path("pdf/", name="pdf")
    def pdf_view(self, request):
        from .exports import report_pdf_response

        return report_pdf_response(self, request)

    @path("csv/", name="csv")
    def csv_view(self, request):
        from .exports import csv_response

        return csv_response(self)

    @path("xlsx/", name="xlsx")
    def xlsx_view(self, request):
        from .exports import xlsx_response

        return xlsx_response(self)

    def reverse_subpage(self, name, args=None, kwargs=None):
        if name == "municipality" and self.locale.language_code == "sv":
            name = "municipality_sv"
        return super().reverse_subpage(name, args=args, kwargs=kwargs)

    def municipality_url(self, area):
        url = self.get_url()
        if url is None:
            raise Http404
        return url + self.reverse_subpage("municipality", kwargs={"slug": area.slug})

    def route_url(self, name):
        return self.get_url() + self.reverse_subpage(name)

    def indicators(self):
        """The indicators the report's sections show, in order, without
        repeats."""
        seen = {}
        for block in self.body:
            indicator = (
                block.value.get("indicator") if hasattr(block.value, "get") else None
            )
            if indicator is not None:
                seen.setdefault(indicator.pk, indicator)
        return list(seen.values())
