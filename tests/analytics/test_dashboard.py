"""Participation figures against hand-computed fixtures, the dashboard's
permissions and its exports."""

import csv
import datetime
import io
from dataclasses import replace

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from feedback.models import Feedback, ServiceUnit
from participation.analytics import queries
from participation.analytics.views import build
from tests import pdf_structure
from website.indicators.models import Area

pytestmark = pytest.mark.django_db

# A quiet period before the demo data, so the fixture is all there is.
START = datetime.date(2020, 3, 1)
END = datetime.date(2020, 3, 31)


def at(day, hour=12):
    return timezone.make_aware(datetime.datetime(2020, 3, day, hour))


@pytest.fixture
def units():
    tuusula = Area.objects.get(kind=Area.Kind.MUNICIPALITY, name_fi="Tuusula")
    area = ServiceUnit.objects.create(
        name_fi="Testialue",
        name_sv="Testområde",
        slug="testialue",
        municipality=tuusula,
    )
    service = ServiceUnit.objects.create(
        parent=area, name_fi="Testipalvelu", name_sv="Testtjänst", slug="testipalvelu"
    )
    unit = ServiceUnit.objects.create(
        parent=service, name_fi="Testiyksikkö", name_sv="Testenhet", slug="testiyksikko"
    )
    other = ServiceUnit.objects.create(
        name_fi="Muu alue", name_sv="Annat område", slug="muu-alue"
    )
    return {"area": area, "unit": unit, "other": other, "tuusula": tuusula}


def make(unit, score, day=10, channel="web", language="fi", **extra):
    return Feedback.objects.create(
        unit=unit, nps=score, created_at=at(day), channel=channel,
        language=language, **extra,
    )  # fmt: skip


def filters(**kwargs):
    return queries.Filters(START, END, **kwargs)


def test_nps_counts_and_small_sample_warning(units):
    for score in [10, 9, 9, 8, 7, 6, 5, 0, 10, 3]:
        make(units["unit"], score)
    result = queries.nps(filters(units=(units["area"].pk,)))["current"]
    assert (result["n"], result["promoters"], result["passives"]) == (10, 4, 2)
    assert result["detractors"] == 4
    assert result["nps"] == 0.0
    assert result["small_sample"] and result["ci_low"] is None


def test_nps_confidence_interval_by_hand(units):
    for score, count in ((10, 20), (8, 10), (2, 10)):
        for _ in range(count):
            make(units["unit"], score)
    result = queries.nps(filters())["current"]
    # p = 0.5, d = 0.25, n = 40: var = (0.75 − 0.0625) / 40 = 0.0171875;
    # margin = 1.96 × √var × 100 = 25.7 points.
    assert result["nps"] == 25.0
    assert result["margin"] == 25.7
    assert (result["ci_low"], result["ci_high"]) == (-0.7, 50.7)


def test_previous_period_and_change(units):
    make(units["unit"], 10, day=5)
    Feedback.objects.create(
        unit=units["unit"], nps=0, channel="web",
        created_at=timezone.make_aware(datetime.datetime(2020, 2, 15, 12)),
    )  # fmt: skip
    result = queries.nps(filters())
    assert result["current"]["nps"] == 100.0
    assert result["previous"]["nps"] == -100.0
    assert result["change"] == 200.0


def test_volumes_handling_time_and_channels(units):
    make(units["unit"], None, channel="widget", helpful=True)
    for days, status in ((1, "closed"), (2, "answered"), (10, "closed")):
        make(
            units["unit"], 9, channel="qr", status=status,
            closed_at=at(10) + datetime.timedelta(days=days),
        )  # fmt: skip
    make(units["unit"], 3, channel="qr")
    v = queries.volumes(filters())
    assert (v["total"], v["scored"], v["handled"], v["closed"]) == (5, 4, 3, 3)
    assert v["handled_share"] == 60.0
    assert v["median_handling_days"] == 2.0
    by_channel = {row["channel"]: row for row in v["by_channel"]}
    assert by_channel["qr"]["n"] == 4 and by_channel["qr"]["nps"] == 50.0
    assert by_channel["widget"]["scored"] == 0 and by_channel["widget"]["nps"] is None


def test_filters_by_municipality_channel_and_language(units):
    make(units["unit"], 10, language="sv")
    make(units["other"], 0)
    in_tuusula = queries.nps(filters(municipality=units["tuusula"]))["current"]
    assert (in_tuusula["n"], in_tuusula["nps"]) == (1, 100.0)
    assert queries.nps(filters(languages=("fi",)))["current"]["nps"] == -100.0
    assert queries.nps(filters(channels=("qr",)))["current"]["n"] == 0


def test_themes_and_tone_in_both_languages(units):
    make(units["unit"], 2, text="Jouduin odottamaan jonossa tunnin, huono palvelu.")
    make(units["unit"], 10, text="Personalen var vänlig och professionell, tack!",
         language="sv")  # fmt: skip
    make(units["unit"], 5, text="Väntetiden var lång.", language="sv")
    result = queries.themes(filters())
    rows = {row["slug"]: row for row in result["themes"]}
    assert rows["waiting"]["n"] == 2 and rows["waiting"]["negative"] == 2
    assert rows["staff"]["n"] == 1 and rows["staff"]["positive"] == 1
    assert result["tones"] == {"negative": 2, "neutral": 0, "positive": 1}


def test_dashboard_queries_are_bounded(units, django_assert_max_num_queries):
    for i in range(30):
        make(units["unit"], i % 11, day=1 + i % 28, text="Odotusaika oli pitkä.")
    # Feedback figures 11, workshops 5, per panel about 9 (the demo has one):
    # fixed, whatever the number of answers.
    with django_assert_max_num_queries(30):
        build(filters())


@pytest.fixture
def analyst(client):
    """The demo's analyst: the dashboard permission and admin access only."""
    user = get_user_model().objects.get(username="analyytikko")
    assert not user.is_superuser
    assert set(user.get_all_permissions()) == {
        "wagtailadmin.access_admin",
        "analytics.view_participation_dashboard",
    }
    client.force_login(user)
    return user


def test_only_analysts_see_the_dashboard(client, staff_user, analyst):
    url = reverse("participation_dashboard")
    assert client.get(url).status_code == 200
    client.force_login(staff_user)
    assert client.get(url).status_code in (302, 403)
    for name in ("participation_xlsx", "participation_csv"):
        assert client.get(reverse(name)).status_code in (302, 403)


def test_analyst_sees_no_free_text(client, analyst, units):
    make(units["unit"], 1, text="Salainen palaute jonosta", contact_email="a@b.fi")
    html = client.get(
        reverse("participation_dashboard"),
        {"date_from": "2020-03-01", "date_to": "2020-03-31"},
    ).content.decode()
    assert "Odotus ja jonot" in html
    assert "Salainen palaute" not in html


def test_csv_streams_rows_without_personal_data(client, analyst, units):
    make(units["unit"], 9, text='=HYPERLINK("x") jono', contact_email="a@b.fi")
    make(units["unit"], 2, language="sv")
    response = client.get(
        reverse("participation_csv"),
        {"date_from": "2020-03-01", "date_to": "2020-03-31"},
    )
    assert response.streaming
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "HYPERLINK" not in body and "a@b.fi" not in body
    rows = list(csv.DictReader(io.StringIO(body), delimiter=";"))
    assert [(r["nps"], r["category"], r["municipality"]) for r in rows] == [
        ("9", "promoter", "Tuusula"),
        ("2", "detractor", "Tuusula"),
    ]
    assert rows[0]["themes"] == "waiting"


def test_xlsx_and_pdf_in_both_languages(client, analyst, units):
    for score in (10, 10, 0):
        make(units["unit"], score)
    query = {"date_from": "2020-03-01", "date_to": "2020-03-31"}
    book = load_workbook(
        io.BytesIO(client.get(reverse("participation_xlsx"), query).content)
    )
    nps_sheet = list(book["NPS"].values)
    assert nps_sheet[1][1:6] == (3, 2, 0, 1, 33.3)
    for language, title in (
        ("fi", "Osallisuusraportti"),
        ("sv", "Delaktighetsrapport"),
    ):
        response = client.get(reverse("participation_report", args=[language]), query)
        assert response["Content-Type"] == "application/pdf"
        text = "".join(
            p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages
        )
        assert title in text
        assert "33,3" in text or "33.3" in text
        pdf = pdf_structure.read(response.content)
        assert pdf.language == language and pdf.marked and pdf.shows_title
        assert pdf.count("TH") > 5 and pdf.figures_without_alt() == []


def _figures(f):
    result = build(f)
    return (
        result["nps"]["current"],
        result["nps"]["previous"],
        [(r["month"], r["n"], r["nps"]) for r in result["monthly"]],
        {k: v for k, v in result["volumes"].items() if k != "by_channel"},
        sorted(
            (r["channel"], r["n"], r["nps"]) for r in result["volumes"]["by_channel"]
        ),
        sorted((r["unit_id"], r["n"], r["nps"]) for r in result["units"]),
        [(r["slug"], r["n"], r["negative"]) for r in result["themes"]["themes"]],
        result["themes"]["tones"],
    )


def test_monthly_summaries_agree_with_the_raw_rows(units):
    from participation.analytics import summary

    make(units["unit"], 9, text="Odotusaika oli pitkä mutta hoitaja ystävällinen.")
    moved = make(units["unit"], 3, channel="qr")
    moved.unit = units["other"]  # a transfer moves it to another bucket
    moved.status = "closed"
    moved.closed_at = at(20)
    moved.save()
    make(units["unit"], 10).delete()
    default = queries.Filters.last_months(24)
    for f in (filters(), default, queries.Filters.last_months(12, languages=("sv",))):
        assert f.whole_months
        assert _figures(f) == _figures(replace(f, raw=True))
    # A rebuild from scratch gives what the per-save refresh kept.
    before = _figures(default)
    summary.rebuild()
    assert _figures(default) == before


def test_partial_months_combine_summaries_and_raw_rows(units):
    """A period that does not start or end on a month's edge reads its whole
    months from the summaries and its edges raw: the same figures as the
    raw rows alone, on the demo's 3,000 answers."""
    from participation.analytics import sections

    make(units["unit"], 9, day=3, text="Odotusaika oli pitkä.")
    make(units["unit"], 2, day=28, channel="qr")
    for when, score in (((2, 25, 23), 10), ((4, 1, 0), 4), ((4, 6, 1), 8)):
        # Late on 25 February and just after midnight on 1 and 6 April, local
        # time: the edges' bounds are local midnights.
        month, day, hour = when
        created = timezone.make_aware(datetime.datetime(2020, month, day, hour, 30))
        Feedback.objects.create(
            unit=units["unit"], nps=score, created_at=created, text="Jono oli pitkä."
        )
    today = timezone.localdate()
    cases = [
        queries.Filters(datetime.date(2020, 2, 20), datetime.date(2020, 4, 5)),
        queries.Filters(today - datetime.timedelta(days=400), today),
        queries.Filters(
            today - datetime.timedelta(days=500), today - datetime.timedelta(days=20)
        ),
        queries.Filters(datetime.date(2020, 3, 2), datetime.date(2020, 3, 27)),
    ]
    for f in cases:
        assert not f.whole_months
        core, rest = f.parts()
        assert rest is not None and rest.raw
        raw = replace(f, raw=True)
        assert _figures(f) == _figures(raw)

        def goal_rows(filters):
            return [
                (row["goal"].pk, row["feedback"])
                for row in sections.goals(filters)["data"]["rows"]
            ]

        assert goal_rows(f) == goal_rows(raw)
    # The first three have whole months inside; the last has none.
    assert [f.parts()[0] is not None for f in cases] == [True, True, True, False]
    core, rest = cases[0].parts()
    assert (core.date_from, core.date_to) == (
        datetime.date(2020, 3, 1),
        datetime.date(2020, 3, 31),
    )
    assert rest.hole == (datetime.date(2020, 3, 1), datetime.date(2020, 3, 31))
    # The edges alone: 20–29 February and 1–5 April 2020 (not 6 April).
    assert sorted(rest.feedback().values_list("nps", flat=True)) == [4, 10]
    assert queries.nps(cases[0])["current"]["n"] == 2 + 2


def test_csv_from_copy_matches_the_python_rows(db, units):
    """On PostgreSQL the export runs COPY; it must give the very bytes the
    portable path gives (dates in local time, handling days, neutralised
    cells, themes) on the demo's 3,000 answers."""
    from django.db import connection

    from participation.analytics import exports, queries

    if connection.vendor != "postgresql":
        pytest.skip("COPY is PostgreSQL's; SQLite always takes the Python path")
    make(units["unit"], 9, text="=jono odotus", contact_email="a@b.fi")
    filters = queries.Filters(datetime.date(2000, 1, 1), datetime.date(2100, 1, 1))

    def body(method):
        response = exports.answers_csv(filters, method=method)
        return b"".join(response.streaming_content)

    copied, portable = body("copy"), body("python")
    assert copied.count(b"\n") > 3000
    assert copied == portable
