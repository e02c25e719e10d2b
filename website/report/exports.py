"""The report as a PDF, and its indicator data as CSV and XLSX.

Spreadsheet cells that start with =, +, - or @ (or a tab or carriage return)
are prefixed with an apostrophe, so a name typed into the admin cannot run
as a formula when the file is opened (OWASP "CSV injection"). Numbers stay
numbers.
"""

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from website.core.pdf import write_pdf
from website.indicators.models import IndicatorValue

from .data import municipality_cards

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def header():
    return [
        _("indicator code"),
        _("indicator"),
        _("unit"),
        _("area code"),
        _("area"),
        _("year"),
        _("gender"),
        _("value"),
        _("demo data"),
    ]


def data_rows(report):
    """The values of the report's indicators up to the report's year, as
    lists of cells; iterated from the database in chunks."""
    indicators = report.indicators()
    values = (
        IndicatorValue.objects.filter(
            indicator__in=[i.pk for i in indicators], year__lte=report.year
        )
        .select_related("indicator", "area")
        .order_by("indicator__code", "area__kind", "area__code", "year", "gender")
    )
    yes, no = _("yes"), _("no")
    for value in values.iterator(chunk_size=2000):
        yield [
            value.indicator.code,
            value.indicator.name,
            value.indicator.unit,
            value.area.code,
            value.area.name,
            value.year,
            value.get_gender_display(),
            value.value,
            yes if getattr(value, "is_demo", False) else no,
        ]


def filename(report, extension):
    return f"{slugify(report.title) or 'report'}-{report.year}.{extension}"


class _Echo:
    def write(self, value):
        return value


def csv_response(report):
    writer = csv.writer(_Echo(), delimiter=";")

    def rows():
        yield "\ufeff"  # BOM: Excel then reads UTF-8 (ä, ö, å) correctly
        yield writer.writerow(header())
        for row in data_rows(report):
            yield writer.writerow(
                [
                    str(cell).replace(".", ",") if not isinstance(cell, str) else cell
                    for cell in map(neutralise, row)
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{filename(report, "csv")}"'
    )
    return response


def xlsx_response(report):
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(report.year))
    sheet.append(header())
    for row in data_rows(report):
        sheet.append([neutralise(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{filename(report, "xlsx")}"'
    )
    return response


def render_pdf(report, request):
    html = render_to_string(
        "report/report_pdf.html",
        {
            "page": report,
            "self": report,
            "request": request,
            "pdf": True,
            "cards": municipality_cards(report.year),
        },
        request=request,
    )
    return write_pdf(html, base_url=request.build_absolute_uri("/"))


def report_pdf_response(report, request):
    response = HttpResponse(render_pdf(report, request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename(report, "pdf")}"'
    return response
