"""Council report (PDF), its figures (XLSX) and the raw non-personal rows
(streamed CSV). Strings that a spreadsheet could run as formulas are
neutralised (website.report.exports.neutralise)."""

import csv

from django.db import connection
from django.http import HttpResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext as _

from feedback.models import ServiceUnit
from website.core.pdf import write_pdf
from website.report.exports import neutralise

from .models import FeedbackAnalysis
from .queries import describe

CSV_CHUNK = 5000


def _filename(filters, extension, language=""):
    """The period and every active filter, so that a filtered file never
    passes for the whole picture (the CSV's rows stay plain data: its
    filters are in its name)."""
    parts = [f"osallisuus-{filters.date_from:%Y%m%d}-{filters.date_to:%Y%m%d}"]
    if filters.units:
        slugs = ServiceUnit.objects.filter(pk__in=filters.units)
        parts += [f"unit-{slug}" for slug in slugs.values_list("slug", flat=True)]
    if filters.municipality is not None:
        parts.append(f"municipality-{slugify(filters.municipality.name_fi)}")
    parts += [f"channel-{slugify(c)}" for c in filters.channels]
    parts += [f"language-{slugify(c)}" for c in filters.languages]
    if language:
        parts.append(language)
    return f"{'-'.join(parts)}.{extension}"


def report_pdf(figures, language):
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
                "filter_lines": describe(figures["filters"]),
            },
        )
    response = HttpResponse(write_pdf(html), content_type="application/pdf")
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

    sheet(_("Filters"), [_("Filter"), _("Value")], describe(figures["filters"]))
    head = [_("Period"), _("Answers"), _("Promoters"), _("Passives"), _("Detractors"),
            "NPS", _("Lower limit"), _("Upper limit")]  # fmt: skip
    columns = ("n", "promoters", "passives", "detractors", "nps", "ci_low", "ci_high")
    sheet(
        "NPS",
        head,
        [[label, *(r[c] for c in columns)] for label, r in figures["nps_rows"]],
    )
    sheet(
        _("By month"),
        [_("Month"), *head[1:]],
        [
            [r["month"].strftime("%Y-%m"), *(r[c] for c in columns)]
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


CSV_HEADER = ["date", "channel", "unit", "municipality", "language", "nps",
              "category", "status", "handling_days", "tone", "themes"]  # fmt: skip


def _csv_lookups():
    """Unit slug and municipality per unit id, theme slug per theme id, each
    neutralised here once (they are the only staff-entered strings)."""
    units = {u.pk: u for u in ServiceUnit.objects.select_related("municipality")}
    unit_cells = {}
    for pk, unit in units.items():
        node = unit
        while node is not None and node.municipality_id is None:
            node = units.get(node.parent_id)
        unit_cells[pk] = (
            neutralise(unit.slug),
            neutralise(node.municipality.name_fi) if node else "",
        )
    slugs = dict(
        FeedbackAnalysis.themes.field.related_model.objects.values_list("pk", "slug")
    )
    return unit_cells, slugs


def answers_csv(filters, method=None):
    """One row per feedback, without text or contact details, streamed.

    On PostgreSQL the rows come from COPY … TO STDOUT (many times faster
    than building them in Python, and the memory stays flat); other
    databases get the same bytes from primary-key chunks (keyset, not
    OFFSET). `method` ("copy" or "python") is for the tests that compare
    the two."""
    if method is None:
        method = "copy" if connection.vendor == "postgresql" else "python"
    unit_cells, slugs = _csv_lookups()
    header = "\ufeff" + ";".join(CSV_HEADER) + "\n"
    if method == "copy":
        body = _copy_rows(filters, unit_cells, slugs)
    else:
        body = _python_rows(filters, unit_cells, slugs)

    def stream():
        yield header.encode()
        yield from body

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(filters, "csv")}"'
    )
    return response


def _category(score):
    if score is None:
        return ""
    return "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"


def _python_rows(filters, unit_cells, slugs):
    writer = csv.writer(_Echo(), delimiter=";", lineterminator="\n")
    Through = FeedbackAnalysis.themes.through
    qs = filters.feedback().order_by("pk")
    fields = ("pk", "created_at", "channel", "unit_id", "language", "nps", "status",
              "closed_at", "analysis__tone")  # fmt: skip
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
        lines = []
        for pk, created, channel, unit_id, lang, score, status, closed, tone in chunk:
            slug, municipality = unit_cells.get(unit_id, ("", ""))
            handling = (closed - created).total_seconds() / 86400 if closed else None
            lines.append(
                writer.writerow(
                    [
                        timezone.localtime(created).date().isoformat(),
                        channel,
                        slug,
                        municipality,
                        lang,
                        "" if score is None else score,
                        _category(score),
                        status,
                        "" if handling is None else f"{handling:.2f}",
                        tone or "",
                        neutralise(";".join(sorted(themes.get(pk, [])))),
                    ]
                )
            )
        yield "".join(lines).encode()


# A cell that a spreadsheet would run as a formula gets a leading apostrophe,
# as website.report.exports.neutralise does in Python.
_NEUTRALISE_SQL = (
    "CASE WHEN left({0}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) "
    "THEN '''' || {0} ELSE {0} END"
)


def _copy_rows(filters, unit_cells, slugs, block=256 * 1024):
    import psycopg

    selected = filters.feedback().values_list(
        "pk", "created_at", "channel", "unit_id", "language", "nps", "status",
        "closed_at",
    )  # fmt: skip
    inner, params = selected.query.sql_with_params()
    analysis = FeedbackAnalysis._meta.db_table
    through = FeedbackAnalysis.themes.through._meta.db_table
    themes = (
        f"(SELECT string_agg(t.slug, ';' ORDER BY t.slug) FROM {through} x "
        "JOIN t ON t.id = x.texttheme_id WHERE x.feedbackanalysis_id = f.id)"
    )
    sql = f"""
        COPY (
            WITH u (id, slug, municipality) AS (
                SELECT * FROM unnest(%s::bigint[], %s::text[], %s::text[])
            ), t (id, slug) AS (
                SELECT * FROM unnest(%s::bigint[], %s::text[])
            )
            SELECT (f.created_at AT TIME ZONE %s)::date, nullif(f.channel, ''),
                   nullif(u.slug, ''), nullif(u.municipality, ''),
                   nullif(f.language, ''), f.nps,
                   CASE WHEN f.nps >= 9 THEN 'promoter'
                        WHEN f.nps >= 7 THEN 'passive'
                        WHEN f.nps IS NOT NULL THEN 'detractor' END,
                   nullif(f.status, ''),
                   to_char(extract(epoch FROM f.closed_at - f.created_at)
                           / 86400, 'FM999999990.00'),
                   nullif(a.tone, ''),
                   {_NEUTRALISE_SQL.format(themes)}
            FROM ({inner}) AS f (id, created_at, channel, unit_id, language, nps,
                                  status, closed_at)
            LEFT JOIN u ON u.id = f.unit_id
            LEFT JOIN {analysis} a ON a.feedback_id = f.id
            ORDER BY f.id
        ) TO STDOUT (FORMAT csv, DELIMITER ';')
    """
    unit_ids = list(unit_cells)
    all_params = [
        unit_ids,
        [unit_cells[pk][0] for pk in unit_ids],
        [unit_cells[pk][1] for pk in unit_ids],
        list(slugs),
        list(slugs.values()),
        timezone.get_current_timezone_name(),
        *params,
    ]
    connection.ensure_connection()
    # COPY takes no server-side parameters: psycopg merges them client-side.
    # Empty cells are NULLs: COPY writes '' as "" but NULL as nothing, which
    # is what the csv module writes for an empty string.
    statement = psycopg.ClientCursor(connection.connection).mogrify(sql, all_params)
    buffer = bytearray()
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for data in copy:
            buffer += data
            if len(buffer) >= block:
                yield bytes(buffer)
                buffer.clear()
    if buffer:
        yield bytes(buffer)
