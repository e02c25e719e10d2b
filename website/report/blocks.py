"""The sections an editor can put in a welfare report.

Blocks that show data compute it in get_context, limited to the report's
year (a 2024 report never shows 2025 figures added later) and, for the plan,
to the report date.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from . import charts, data, snapshot


def _report(parent_context):
    page = (parent_context or {}).get("page")
    return page if hasattr(page, "report_date") else None


def _max_year(parent_context):
    report = _report(parent_context)
    return report.year if report else None


def _heading(required=False):
    return blocks.CharBlock(
        label=_("heading"),
        required=required,
        help_text=_("Shown as the section's heading and in the PDF's contents."),
    )


class TextBlock(blocks.StructBlock):
    heading = _heading()
    body = blocks.RichTextBlock(
        label=_("text"), features=["h3", "bold", "italic", "ol", "ul", "link"]
    )

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "report/blocks/text.html"


class IndicatorChartBlock(blocks.StructBlock):
    heading = _heading()
    indicator = SnippetChooserBlock("indicators.Indicator", label=_("indicator"))
    note = blocks.TextBlock(
        label=_("note"),
        required=False,
        help_text=_("Optional: what the reader should notice in the chart."),
    )

    class Meta:
        icon = "table"
        label = _("Indicator over the years")
        template = "report/blocks/indicator_chart.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        indicator = value["indicator"]
        if indicator is not None:
            table = data.indicator_table(indicator, _max_year(parent_context))
            context["table"] = table
            context["chart"] = charts.line_chart(table.series, indicator.unit)
        return context


class IndicatorTableBlock(IndicatorChartBlock):
    class Meta:
        icon = "list-ul"
        label = _("Indicator table")
        template = "report/blocks/indicator_table.html"

    def get_context(self, value, parent_context=None):
        context = blocks.StructBlock.get_context(self, value, parent_context)
        if value["indicator"] is not None:
            context["table"] = data.indicator_table(
                value["indicator"], _max_year(parent_context)
            )
        return context


class MunicipalityComparisonBlock(blocks.StructBlock):
    heading = _heading()
    indicator = SnippetChooserBlock("indicators.Indicator", label=_("indicator"))
    year = blocks.IntegerBlock(
        label=_("year"),
        required=False,
        min_value=1990,
        max_value=2100,
        help_text=_("Leave empty for the latest year up to the report's year."),
    )
    note = blocks.TextBlock(label=_("note"), required=False)

    class Meta:
        icon = "order"
        label = _("Municipality comparison")
        template = "report/blocks/municipality_comparison.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        indicator = value["indicator"]
        if indicator is None:
            return context
        year = value["year"] or data.latest_year(indicator, _max_year(parent_context))
        if year:
            rows, demo = data.comparison(indicator, year)
            context.update(
                year=year,
                rows=rows,
                demo=demo,
                chart=charts.bar_chart(
                    [(area.name, v, ref) for area, v, ref in rows], indicator.unit
                ),
            )
        return context


class PlanProgressBlock(blocks.StructBlock):
    heading = _heading()
    plan = blocks.PageChooserBlock(
        page_type="plan.PlanPage",
        label=_("welfare plan"),
        help_text=_(
            "The measures' status is shown as it stood on the report date, "
            "from their status history."
        ),
    )

    class Meta:
        icon = "tasks"
        label = _("Plan progress snapshot")
        template = "report/blocks/plan_progress.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        report = _report(parent_context)
        plan = value["plan"]
        if plan is not None and report is not None:
            # The chooser keeps the page picked in the source language; show
            # the plan (and link the goals) of the language being read.
            plan = plan.localized.specific
            context["at"] = report.report_date
            context["progress"] = snapshot.plan_progress(plan, report.report_date)
        return context


class ProgramOverviewBlock(blocks.StructBlock):
    heading = _heading()
    period = SnippetChooserBlock("programs.ReportingPeriod", label=_("period"))

    class Meta:
        icon = "doc-full"
        label = _("Program status overview")
        template = "report/blocks/program_overview.html"

    def get_context(self, value, parent_context=None):
        from wagtail.models import Locale

        from website.programs.queries import overview

        context = super().get_context(value, parent_context)
        if value["period"] is not None:
            context["cards"] = overview(value["period"], Locale.get_active())
        return context


class ReportBodyBlock(blocks.StreamBlock):
    text = TextBlock()
    indicator_chart = IndicatorChartBlock()
    indicator_table = IndicatorTableBlock()
    municipality_comparison = MunicipalityComparisonBlock()
    program_overview = ProgramOverviewBlock()
    plan_progress = PlanProgressBlock()
