"""Council report (PDF), its figures (XLSX) and the raw non-personal rows
(streamed CSV). Strings that a spreadsheet could run as formulas are
neutralised (website.report.exports.neutralise)."""

import csv

from django.http import HttpResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from feedback.models import ServiceUnit
from website.report.exports import neutralise

from .models import FeedbackAnalysis

CSV_CHUNK = 5000


def _filename(filters, extension, language=""):
    suffix = f"-{language}" if language else ""
    return (
        f"osallisuus-{filters.date_from:%Y%m%d}-{filters.date_to:%Y%m%d}"
        f"{suffix}.{extension}"
    )


def report_pdf(figures, language):
    from weasyprint import HTML, URLFetcher

    from website.plan.models import PlanPage
    from website.report.snapshot import plan_progress

    with translation.override(language):
        plan = PlanPage.objects.live().filter(locale__language_code=language).first()
        progress = plan_progress(plan, figures["filters"].date_to) if plan else []
        html = render_to_string(
            "analytics/report_pdf.html",
            {
                **figures,
                "pdf": True,
                "plan": plan,
                "progress": progress,
                "at": figures["filters"].date_to,
                "generated": timezone.localtime(),
            },
        )
    # Everything is inline: nothing is fetched (fast, and no SSRF).
    pdf = HTML(
        string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})
    ).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(figures["filters"], "pdf", language)}"'
    )
    return response


def figures_xlsx(figures):
    from openpyxl import Workbook

    book = Workbook(write_only=True)

    def sheet(title, header, rows):
        ws = book.create_sheet(title[:31])
        ws.append([neutralise(str(h)) for h in header])
        for row in rows:
            # Labels may be lazy translations: make them text first.
            row = [str(v) if isinstance(v, Promise) else v for v in row]
            ws.append([neutralise(v) if isinstance(v, str) else v for v in row])

    head = [_("Period"), _("Answers"), _("Promoters"), _("Passives"), _("Detractors"),
            "NPS", _("Lower limit"), _("Upper limit")]  # fmt: skip
    sheet(
        "NPS",
        head,
        [
            [
                label,
                r["n"],
                r["promoters"],
                r["passives"],
                r["detractors"],
                r["nps"],
                r["ci_low"],
                r["ci_high"],
            ]  # fmt: skip
            for label, r in figures["nps_rows"]
        ],
    )
    sheet(
        _("By month"),
        [_("Month"), *head[1:]],
        [
            [
                r["month"].strftime("%Y-%m"),
                r["n"],
                r["promoters"],
                r["passives"],
                r["detractors"],
                r["nps"],
                r["ci_low"],
                r["ci_high"],
            ]  # fmt: skip
            for r in figures["monthly"]
        ],
    )
    v = figures["volumes"]
    sheet(
        _("Handling"),
        [_("Figure"), _("Value")],
        [
            [_("Feedback received"), v["total"]],
            [_("With a score"), v["scored"]],
            [_("Answered or closed"), v["handled"]],
            [_("Share handled (%)"), v["handled_share"]],
            [_("Median handling time (days)"), v["median_handling_days"]],
        ],
    )
    sheet(
        _("By channel"),
        [_("Channel"), _("Feedback"), _("With a score"), "NPS"],
        [[str(r["label"]), r["n"], r["scored"], r["nps"]] for r in v["by_channel"]],
    )
    sheet(
        _("By unit"),
        [_("Unit"), _("Answers"), "NPS", _("Lower limit"), _("Upper limit")],
        [
            [r["unit"], r["n"], r["nps"], r["ci_low"], r["ci_high"]]
            for r in figures["units"]
        ],
    )
    sheet(
        _("Themes"),
        [_("Theme"), _("Answers"), _("Negative"), _("Neutral"), _("Positive")],
        [
            [r["name"], r["n"], r["negative"], r["neutral"], r["positive"]]
            for r in figures["themes"]["themes"]
        ],
    )
    for section in figures.get("extra_sections", []):
        for title, header, rows in section.get("sheets", []):
            sheet(title, header, rows)
    import io

    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(figures["filters"], "xlsx")}"'
    )
    return response


class _Echo:
    def write(self, value):
        return value


def answers_csv(filters):
    """One row per feedback, without text or contact details, streamed in
    primary-key chunks (keyset, not OFFSET), themes fetched per chunk."""
    writer = csv.writer(_Echo(), delimiter=";")
    units = {u.pk: u for u in ServiceUnit.objects.select_related("municipality")}
    municipality = {}
    for pk, unit in units.items():
        node = unit
        while node is not None and node.municipality_id is None:
            node = units.get(node.parent_id)
        municipality[pk] = node.municipality.name_fi if node else ""
    slugs = dict(
        FeedbackAnalysis.themes.field.related_model.objects.values_list("pk", "slug")
    )
    Through = FeedbackAnalysis.themes.through
    qs = filters.feedback().order_by("pk")
    fields = ("pk", "created_at", "channel", "unit_id", "language", "nps", "status",
              "closed_at", "analysis__tone")  # fmt: skip
    header = ["date", "channel", "unit", "municipality", "language", "nps",
              "category", "status", "handling_days", "tone", "themes"]  # fmt: skip

    def category(score):
        if score is None:
            return ""
        return "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"

    def rows():
        yield "\ufeff"
        yield writer.writerow(header)
        last = 0
        while True:
            chunk = list(qs.filter(pk__gt=last).values_list(*fields)[:CSV_CHUNK])
            if not chunk:
                return
            last = chunk[-1][0]
            themes = {}
            for fid, tid in Through.objects.filter(
                feedbackanalysis_id__in=[row[0] for row in chunk]
            ).values_list("feedbackanalysis_id", "texttheme_id"):
                themes.setdefault(fid, []).append(slugs.get(tid, ""))
            for (
                pk,
                created,
                channel,
                unit_id,
                lang,
                score,
                status,
                closed,
                tone,
            ) in chunk:
                unit = units.get(unit_id)
                yield writer.writerow(
                    [
                        timezone.localtime(created).date().isoformat(),
                        channel,
                        neutralise(unit.slug) if unit else "",
                        neutralise(municipality.get(unit_id, "")),
                        lang,
                        "" if score is None else score,
                        category(score),
                        status,
                        round((closed - created).total_seconds() / 86400, 2)
                        if closed
                        else "",
                        tone or "",
                        ";".join(sorted(themes.get(pk, []))),
                    ]
                )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(filters, "csv")}"'
    )
    return response
