import base64
import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook
from pypdf import PdfReader

from tests import pdf_structure
from website.indicators.models import Area, Indicator, IndicatorValue
from website.plan.models import GoalPage, Measure, MeasureStatus, MeasureStatusChange
from website.report import charts, data
from website.report.exports import neutralise
from website.report.models import ReportPage
from website.report.snapshot import status_counts_at

pytestmark = pytest.mark.django_db

MAX_QUERIES = {"report": 40, "municipality": 18}


@pytest.fixture
def reports():
    return (
        ReportPage.objects.get(locale__language_code="fi", year=2024),
        ReportPage.objects.get(locale__language_code="sv", year=2024),
    )


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def svg_text(data_uri):
    prefix = "data:image/svg+xml;base64,"
    assert data_uri.startswith(prefix)
    return base64.b64decode(data_uri[len(prefix) :]).decode()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_report_page_renders_every_section_in_its_language(
    client, reports, language, django_assert_max_num_queries
):
    report = reports[0 if language == "fi" else 1]
    with django_assert_max_num_queries(MAX_QUERIES["report"]):
        html = get(client, report.url).content.decode()
    assert f'<html lang="{language}">' in html
    assert report.title in html
    for anchor, heading in report.sections:
        assert f'href="#{anchor}"' in html
        assert heading in html
    # Charts come with alt text and a data table.
    assert html.count('class="chart__image"') == 2
    assert html.count("<table") >= 3
    other = reports[1 if language == "fi" else 0]
    assert other.title not in html.split("</nav>", 2)[-1]


def test_swedish_report_is_a_wagtail_localize_translation(client, reports, goal_pages):
    fi, sv = reports
    assert sv.translation_key == fi.translation_key
    assert [b.block_type for b in sv.body] == [b.block_type for b in fi.body]
    assert sv.body[0].value["heading"] == "Sammanfattning"
    # The plan progress table links the Swedish goals, not the Finnish ones.
    html = get(client, sv.url).content.decode()
    for fi_goal, sv_goal in goal_pages.values():
        assert f'href="{sv_goal.url}"' in html
        assert f'href="{fi_goal.url}"' not in html


def test_switcher_on_a_municipality_card_leads_to_the_same_card(client, reports):
    fi, sv = reports
    hyvinkaa = Area.objects.get(slug="hyvinkaa")
    html = get(client, fi.municipality_url(hyvinkaa)).content.decode()
    assert f'href="{sv.municipality_url(hyvinkaa)}" hreflang="sv"' in html
    assert "/sv/valfardsberattelse/2024/kommuner/hyvinkaa/" in html


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_municipality_card_compares_with_region_and_country(
    client, reports, language, django_assert_max_num_queries
):
    report = reports[0 if language == "fi" else 1]
    hyvinkaa = Area.objects.get(slug="hyvinkaa")
    with django_assert_max_num_queries(MAX_QUERIES["municipality"]):
        html = get(client, report.municipality_url(hyvinkaa)).content.decode()
    assert ("Hyvinkää" if language == "fi" else "Hyvinge") in html
    morbidity = Indicator.objects.get(code="morbidity_index")
    rows = {row.indicator.code: row for row in data.municipality_card(hyvinkaa, 2024)}
    row = rows["morbidity_index"]
    assert row.change.baseline == Decimal("98.9") and row.change.baseline_year == 2016
    with translation.override(language):
        assert row.change.words in html
    assert row.change.symbol in html
    assert morbidity.name_fi in html or morbidity.name_sv in html


def test_direction_of_change_in_words_and_symbols():
    lower_is_better = {"higher_is_better": False}
    fell = data.Change(2016, Decimal("98.9"), 2023, Decimal("95.0"), **lower_is_better)
    rose = data.Change(2016, Decimal("83.5"), 2023, Decimal("85.0"), **lower_is_better)
    same = data.Change(2016, Decimal("90"), 2023, Decimal("90"), **lower_is_better)
    one = data.Change(2016, Decimal("90"), 2016, Decimal("90"), **lower_is_better)
    assert (fell.direction, fell.verdict, fell.symbol) == ("down", "better", "▼")
    assert (rose.direction, rose.verdict, rose.symbol) == ("up", "worse", "▲")
    assert (same.direction, same.verdict, same.symbol) == ("same", "same", "■")
    with translation.override("fi"):
        assert "2016" in fell.words
        assert fell.words != rose.words
        assert one.words != same.words
    with translation.override("sv"):
        assert "2016" in rose.words


def test_chart_and_table_show_the_same_figures():
    indicator = Indicator.objects.get(code="mental_health_index")
    rows, _demo = data.comparison(indicator, 2016)
    with translation.override("fi"):
        svg = svg_text(
            charts.bar_chart([(a.name, v, ref) for a, v, ref in rows], indicator.unit)
        )
    labels = re.findall(r"<text[^>]*>([^<]+)</text>", svg)
    text = " ".join(labels)
    assert (
        len(rows)
        == IndicatorValue.objects.filter(
            indicator=indicator, year=2016, gender="total"
        ).count()
    )
    for area, value, _reference in rows:
        assert area.name_fi in text
        assert f"{value:.1f}".replace(".", ",") in text

    table = data.indicator_table(indicator, 2024)
    assert [area.name for area, _values in table.rows][0] == "Keski-Uusimaa (Keusote)"
    with translation.override("fi"):
        svg = svg_text(charts.line_chart(table.series, indicator.unit))
    for year in table.years:
        assert f">{year}<" in svg
    for area, _values in table.rows:
        assert area.name_fi in svg


def _colour_of_each_line(svg):
    """{series key: stroke colour} of the chart's data lines."""
    return dict(
        re.findall(
            r'<g id="series-(\d+)">\s*<path d="[^"]*"[^>]*?stroke: (#[0-9a-f]{6})',
            svg,
        )
    )


def test_a_series_has_the_same_colour_and_numbers_read_as_written_in_fi_and_sv():
    indicator = Indicator.objects.get(code="morbidity_index")
    charts_by_language = {}
    for language in ("fi", "sv"):
        with translation.override(language):
            table = data.indicator_table(indicator, 2024)
            charts_by_language[language] = svg_text(
                charts.line_chart(table.series, indicator.unit)
            )
    # Swedish sorts the municipalities differently (Borgnäs, Hyvinge, …).
    with translation.override("sv"):
        order_sv = [a.name_fi for a, _v in data.indicator_table(indicator, 2024).rows]
    order_fi = [a.name_fi for a, _v in data.indicator_table(indicator, 2024).rows]
    assert order_fi != order_sv
    fi, sv = (_colour_of_each_line(charts_by_language[k]) for k in ("fi", "sv"))
    assert len(fi) >= 6 and fi == sv
    # Axis ticks: decimal comma, thin-space thousands, no decimal points.
    assert charts.tick_label(12345.5) == "12\u202f345,5"
    assert charts.tick_label(2024.0) == "2\u202f024"
    with translation.override("sv"):
        assert charts.tick_label(0.25) == "0,25"


def test_report_shows_no_figures_after_its_year(reports):
    indicator = Indicator.objects.get(code="morbidity_index")
    region = Area.objects.get(kind="region")
    IndicatorValue.objects.create(
        indicator=indicator, area=region, year=2030, value=Decimal("50")
    )
    assert 2030 not in data.indicator_table(indicator, reports[0].year).years
    assert 2030 in data.indicator_table(indicator).years


def test_plan_snapshot_uses_the_status_history_at_the_report_date(goal_pages):
    goals = [fi for fi, _sv in goal_pages.values()]
    total = sum(len(goal.get_measures()) for goal in goals)

    def counted(at):
        counts = status_counts_at(goals, at)
        return {
            status: sum(c.get(status, 0) for c in counts.values())
            for status in MeasureStatus
        }

    # The demo history: everything not started until 1.3.2021.
    early = counted(datetime.date(2020, 12, 31))
    assert early == {
        MeasureStatus.NOT_STARTED: total,
        MeasureStatus.IN_PROGRESS: 0,
        MeasureStatus.DONE: 0,
    }
    before = counted(datetime.date(2024, 12, 31))
    assert before[MeasureStatus.DONE] > 0
    assert sum(before.values()) == total
    # A change made today does not alter the 2024 snapshot.
    measure = Measure.objects.filter(
        locale__language_code="fi", status=MeasureStatus.NOT_STARTED
    ).first()
    MeasureStatusChange.objects.create(
        translation_key=measure.translation_key,
        changed_at=timezone.now(),
        from_status=MeasureStatus.NOT_STARTED,
        to_status=MeasureStatus.DONE,
    )
    assert counted(datetime.date(2024, 12, 31)) == before
    assert counted(timezone.now())[MeasureStatus.DONE] > before[MeasureStatus.DONE]


def test_snapshot_is_one_query_for_all_goals(django_assert_num_queries):
    goals = list(GoalPage.objects.filter(locale__language_code="fi"))
    with django_assert_num_queries(1):
        status_counts_at(goals, datetime.date(2024, 12, 31))


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_pdf_has_the_title_a_table_and_page_numbers(client, reports, language):
    report = reports[0 if language == "fi" else 1]
    response = get(client, report.route_url("pdf"))
    assert response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.content))
    assert len(pdf.pages) >= 2
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert report.title in text
    assert ("Hyvinkää" if language == "fi" else "Hyvinge") in text
    assert "98,9" in text  # Hyvinkää 2016 in the morbidity table
    page_word = "Sivu" if language == "fi" else "Sida"
    assert f"{page_word} 2 / {len(pdf.pages)}" in text


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_pdf_is_tagged_and_carries_the_six_municipality_cards(
    client, reports, language
):
    report = reports[0 if language == "fi" else 1]
    pdf = pdf_structure.read(get(client, report.route_url("pdf")).content)
    assert (pdf.language, pdf.title) == (language, report.title)
    assert pdf.marked and pdf.shows_title
    assert pdf.count("H1") == 1 and pdf.count("H2") >= 2
    assert pdf.count("TH") > 20 and pdf.count("Table") >= 7
    assert pdf.count("Figure") >= 1 and pdf.figures_without_alt() == []
    municipalities = data.municipalities()
    assert len(municipalities) == 6
    with translation.override(language):
        names = [area.name for area in municipalities]
    heading = "Kuntakortit" if language == "fi" else "Kommunkort"
    cards = pdf.text[pdf.text.rindex(heading) :]
    assert all(name in cards for name in names), names
    assert pdf.count("H3") >= 6


def test_csv_and_xlsx_carry_the_same_rows(client, reports):
    report = reports[0]
    response = get(client, report.route_url("csv"))
    assert response.streaming
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    workbook = load_workbook(io.BytesIO(get(client, report.route_url("xlsx")).content))
    sheet_rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) == len(sheet_rows) > 10
    assert rows[0] == [str(cell) for cell in sheet_rows[0]]
    hyvinkaa = next(r for r in sheet_rows if r[3] == "106" and r[5] == 2016)
    assert isinstance(hyvinkaa[7], (int, float)) or hyvinkaa[7] is not None


def test_exports_neutralise_formulas(client, reports):
    indicator = Indicator.objects.get(code="morbidity_index")
    indicator.name_fi = '=HYPERLINK("http://example.com","x")'
    indicator.save()
    report = reports[0]
    body = b"".join(get(client, report.route_url("csv")).streaming_content).decode(
        "utf-8-sig"
    )
    assert "'=HYPERLINK" in body
    assert ";=HYPERLINK" not in body
    workbook = load_workbook(io.BytesIO(get(client, report.route_url("xlsx")).content))
    names = {row[1] for row in workbook.active.iter_rows(values_only=True)}
    assert "'" + indicator.name_fi in names
    assert neutralise("-1") == "'-1"
    assert neutralise(-1) == -1
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("Hyvinkää") == "Hyvinkää"


def test_report_index_lists_the_reports(client, reports):
    fi, sv = reports
    html = get(client, fi.get_parent().url).content.decode()
    assert fi.url in html and sv.url not in html


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_home_page_links_the_latest_report(client, reports, language):
    report = reports[0 if language == "fi" else 1]
    html = get(client, f"/{language}/").content.decode()
    assert f'href="{report.url}"' in html
    assert f'href="{reports[1 if language == "fi" else 0].url}"' not in html
