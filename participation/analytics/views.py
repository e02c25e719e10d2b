"""The participation dashboard in the Wagtail admin, and its exports.

Who: users with `analytics.view_participation_dashboard` (the analyst role)
and superusers, checked in every view. Free-text examples are shown only
from feedback the user may handle (feedback.models.FeedbackQuerySet).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from . import charts, exports, queries, sections
from .forms import DashboardFilterForm
from .public import plain, publish_report

PERMISSION = "analytics.view_participation_dashboard"


def can_view(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def check(request):
    if not can_view(request.user):
        raise PermissionDenied


def build(filters, user=None):
    """Every figure of the dashboard and the council report."""
    monthly = queries.monthly_nps(filters)
    figures = {
        "filters": filters,
        "nps": queries.nps(filters),
        "monthly": monthly,
        "volumes": queries.volumes(filters),
        "units": queries.nps_by_unit(filters),
        "themes": queries.themes(filters),
    }
    figures["nps_rows"] = [
        (_("This period"), figures["nps"]["current"]),
        (_("Previous period"), figures["nps"]["previous"]),
    ]
    add_charts(figures)
    figures["extra_sections"] = sections.extra_sections(filters)
    if user is not None:
        for row in figures["themes"]["themes"][:8]:
            row["examples"] = (
                queries.theme_examples(filters, row["theme"], user) if row["n"] else []
            )
    return figures


def add_charts(figures):
    """The charts of the figures; a suppressed figure is a bar left out."""
    monthly = figures["monthly"]
    figures["monthly_chart"] = charts.monthly_chart(
        [row["month"].strftime("%Y-%m") for row in monthly],
        [("NPS", [plain(row["nps"]) for row in monthly])],
        unit="NPS",
    )
    channels = figures["volumes"]["by_channel"]
    figures["channel_chart"] = charts.grouped_bars(
        [str(row["label"]).capitalize() for row in channels],
        [(_("Feedback"), [plain(row["n"]) for row in channels])],
    )
    units = [row for row in figures["units"] if not row["small_sample"]][:10]
    figures["unit_chart"] = charts.grouped_bars(
        [str(row["unit"] or "–") for row in units],
        [("NPS", [plain(row["nps"]) for row in units])],
        unit="NPS",
    )
    themes = figures["themes"]["themes"][:12]
    figures["theme_chart"] = charts.grouped_bars(
        [row["name"] for row in themes],
        [(_("Answers"), [plain(row["n"]) for row in themes])],
    )
    return figures


def dashboard(request, form=None):
    check(request)
    form = form or DashboardFilterForm(request.GET or None)
    filters = form.filters()
    context = {
        "form": form,
        "query": request.GET.urlencode(),
        **build(filters, request.user),
    }
    # A period the form refuses (0001-01-01, 9999-12-31, 2026-13-45, a
    # reversed range) is answered with the form and its error, not a 500.
    status = 400 if form.is_bound and not form.is_valid() else 200
    return TemplateResponse(request, "analytics/dashboard.html", context, status=status)


def _export(request, make):
    """An export of the filtered figures, or the dashboard with the form's
    errors when the filters are not valid (never an empty or wrong file)."""
    check(request)
    form = DashboardFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return dashboard(request, form)
    return make(form.filters())


def report(request, language):
    if language not in ("fi", "sv"):
        raise Http404

    def make(filters):
        with translation.override(language):
            figures = build(filters)
        return exports.report_pdf(figures, language)

    return _export(request, make)


def report_public(request, language):
    """The council report's public variant: the same report with every
    figure suppressed as on the public pages (public.publish_report)."""
    if language not in ("fi", "sv"):
        raise Http404

    def make(filters):
        with translation.override(language):
            figures = add_charts(publish_report(build(filters)))
            figures["extra_sections"] = sections.extra_sections(filters, public=True)
        return exports.report_pdf(figures, language)

    return _export(request, make)


def figures_xlsx(request):
    return _export(request, lambda filters: exports.figures_xlsx(build(filters)))


def answers_csv(request):
    return _export(request, exports.answers_csv)
