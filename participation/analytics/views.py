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

PERMISSION = "analytics.view_participation_dashboard"


def can_view(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def check(request):
    if not can_view(request.user):
        raise PermissionDenied


def build(filters, user=None):
    """Every figure of the dashboard and the council report."""
    monthly = queries.monthly_nps(filters)
    labels = [row["month"].strftime("%Y-%m") for row in monthly]
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
    figures["monthly_chart"] = charts.monthly_chart(
        labels, [("NPS", [row["nps"] for row in monthly])], unit="NPS"
    )
    channels = figures["volumes"]["by_channel"]
    figures["channel_chart"] = charts.grouped_bars(
        [str(row["label"]).capitalize() for row in channels],
        [(_("Feedback"), [row["n"] for row in channels])],
    )
    units = [row for row in figures["units"] if not row["small_sample"]][:10]
    figures["unit_chart"] = charts.grouped_bars(
        [str(row["unit"] or "–") for row in units],
        [("NPS", [row["nps"] for row in units])],
        unit="NPS",
    )
    themes = figures["themes"]["themes"][:12]
    figures["theme_chart"] = charts.grouped_bars(
        [row["name"] for row in themes],
        [(_("Answers"), [row["n"] for row in themes])],
    )
    figures["extra_sections"] = sections.extra_sections(filters)
    if user is not None:
        for row in figures["themes"]["themes"][:8]:
            row["examples"] = (
                queries.theme_examples(filters, row["theme"], user) if row["n"] else []
            )
    return figures


def dashboard(request):
    check(request)
    form = DashboardFilterForm(request.GET or None)
    filters = form.filters()
    context = {
        "form": form,
        "query": request.GET.urlencode(),
        **build(filters, request.user),
    }
    return TemplateResponse(request, "analytics/dashboard.html", context)


def _filters(request):
    return DashboardFilterForm(request.GET or None).filters()


def report(request, language):
    check(request)
    if language not in ("fi", "sv"):
        raise Http404
    with translation.override(language):
        figures = build(_filters(request))
    return exports.report_pdf(figures, language)


def figures_xlsx(request):
    check(request)
    return exports.figures_xlsx(build(_filters(request)))


def answers_csv(request):
    check(request)
    return exports.answers_csv(_filters(request))
