"""A round's results as XLSX for the analyst: labels, never codes (the
municipality's name, the age group as "30–44 years", the answer option's
text), headers and labels in the language of the exporting user (the
admin's language, active when the view runs). The same suppression as the
admin page; free texts are left out (they are read on the page)."""

import io

from django.http import HttpResponse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from website.report.exports import neutralise

from . import stats

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _percent(rate):
    return None if rate is None else round(100 * rate, 1)


def rate_rows(rates):
    hidden = _("Hidden (too few responses)")
    rows = []
    groups = [(_("All"), [{"name": _("All"), **rates["overall"]}])]
    groups += [
        (_("Municipality"), rates["municipality"]),
        (_("Age group"), rates["age_group"]),
    ]
    for stratum, items in groups:
        for item in items:
            if item["suppressed"]:
                rows.append([stratum, str(item["name"]), hidden, None, None])
            else:
                rows.append(
                    [
                        stratum,
                        str(item["name"]),
                        item["invited"],
                        item["responded"],
                        _percent(item["rate"]),
                    ]
                )
    return rows


def answer_rows(results):
    if results["suppressed"]:
        return [[_("Hidden (too few responses)"), "", None, None]]
    rows = []
    for question in results["questions"]:
        answered = question["answered"] or 0
        for _value, label, n in question["counts"]:
            share = round(100 * n / answered, 1) if answered else None
            rows.append([question["text"], str(label), n, share])
        if question["mean"] is not None:
            rows.append([question["text"], _("Mean"), question["mean"], None])
        if question["nps"] is not None:
            rows.append([question["text"], "NPS", question["nps"], None])
    return rows


def round_results_xlsx(round_):
    from openpyxl import Workbook

    book = Workbook(write_only=True)

    def sheet(title, header, rows):
        ws = book.create_sheet(title[:31])
        ws.append([neutralise(str(h)) for h in header])
        for row in rows:
            ws.append([neutralise(v) if isinstance(v, str) else v for v in row])

    sheet(
        _("Response rate"),
        [_("Stratum"), _("Group"), _("Invited"), _("Answered"), _("Response rate %")],
        rate_rows(stats.response_rates(round_)),
    )
    sheet(
        _("Answers"),
        [_("Question"), _("Answer"), _("Count"), _("Share %")],
        answer_rows(stats.round_results(round_, include_text=False)),
    )
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    name = slugify(f"{round_.panel.name}-{round_.title}")[:80] or "round"
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-{get_language()}.xlsx"'
    )
    return response
