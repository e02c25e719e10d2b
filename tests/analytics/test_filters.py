"""The dashboard's filters: impossible periods are form errors (audit
finding 12), the unit list comes from the organisation tree, and every
filter is stated on the PDF, in the XLSX and in the CSV's file name."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from pypdf import PdfReader

from feedback.models import ServiceUnit
from participation.analytics.forms import DashboardFilterForm

from .test_dashboard import analyst, make, units  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db

EXPORTS = [
    ("participation_dashboard", ()),
    ("participation_csv", ()),
    ("participation_xlsx", ()),
    ("participation_report", ("fi",)),
    ("participation_report", ("sv",)),
    ("participation_report_public", ("fi",)),
]
BAD_PERIODS = [
    ({"date_from": "0001-01-01"}, "date_from"),
    ({"date_to": "9999-12-31"}, "date_to"),
    ({"date_from": "0001-01-01", "date_to": "9999-12-31"}, "date_from"),
    ({"date_from": "2026-13-45"}, "date_from"),
    ({"date_to": "2026-02-30"}, "date_to"),
    ({"date_from": "2024-05-01", "date_to": "2024-04-01"}, "__all__"),
]


@pytest.mark.parametrize("name,args", EXPORTS)
@pytest.mark.parametrize("query,field", BAD_PERIODS)
def test_impossible_periods_are_form_errors(client, analyst, name, args, query, field):  # noqa: F811
    response = client.get(reverse(name, args=args), query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert 'class="error-message"' in html
    form = response.context["form"]
    assert field in form.errors


@pytest.mark.parametrize(
    "language,message",
    [("fi", "Valitse päivämäärä väliltä"), ("sv", "Välj ett datum mellan")],
)
def test_the_date_error_is_in_the_users_language(language, message):
    with translation.override(language):
        form = DashboardFilterForm({"date_from": "0001-01-01"})
        assert not form.is_valid()
        assert message in form.errors["date_from"][0]


def test_edges_of_the_range_are_accepted(client, analyst):  # noqa: F811
    response = client.get(
        reverse("participation_xlsx"),
        {"date_from": "2000-01-01", "date_to": "2000-12-31"},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxml")


def _options(html):
    import re

    select = html[html.index('name="unit"') :]
    select = select[: select.index("</select>")]
    groups = re.findall(r'<optgroup label="([^"]*)">(.*?)</optgroup>', select, re.S)
    return {
        label: re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', body)
        for label, body in groups
    }


def test_unit_filter_from_the_tree_without_duplicates(client, analyst, units):  # noqa: F811
    # A second unit called like the first one, under another service.
    other_service = ServiceUnit.objects.create(
        parent=units["area"], name_fi="Toinen palvelu", name_sv="Annan tjänst",
        slug="toinen-palvelu",
    )  # fmt: skip
    twin = ServiceUnit.objects.create(
        parent=other_service, name_fi="Testiyksikkö", name_sv="Testenhet",
        slug="testiyksikko-2", active=False,
    )  # fmt: skip
    make(twin, 9)  # inactive, but it has feedback: it is listed
    html = client.get(reverse("participation_dashboard")).content.decode()
    groups = _options(html)
    assert "Testialue" in groups
    labels = [label for options in groups.values() for _pk, label in options]
    assert len(labels) == len(set(labels))
    test_area = dict(groups["Testialue"])
    assert test_area[str(units["unit"].pk)] == "Testipalvelu › Testiyksikkö"
    assert test_area[str(twin.pk)] == "Toinen palvelu › Testiyksikkö"
    assert test_area[str(units["area"].pk)] == "Testialue, kaikki yksiköt"
    # Every unit with feedback in the demo is there.
    listed = {int(pk) for options in groups.values() for pk, _label in options}
    with_feedback = set(
        ServiceUnit.objects.filter(feedback__isnull=False).values_list("pk", flat=True)
    )
    assert with_feedback <= listed
    # Choosing a leaf unit filters by it.
    response = client.get(reverse("participation_dashboard"), {"unit": twin.pk})
    assert response.status_code == 200
    assert response.context["filters"].units == (twin.pk,)


QUERY = {
    "date_from": "2020-03-01",
    "date_to": "2020-03-31",
    "channel": "phone",
    "language": "sv",
}


def test_every_filter_is_on_the_pdf_xlsx_and_csv(client, analyst, units):  # noqa: F811
    for _i in range(3):
        make(units["unit"], 9, channel="phone", language="sv")
    query = {**QUERY, "unit": units["unit"].pk, "municipality": units["tuusula"].pk}
    for language, words in (
        ("fi", ["puhelin", "ruotsi", "Testialue › Testipalvelu › Testiyksikkö",
                "Tuusula", "1.3.2020–31.3.2020"]),
        ("sv", ["telefon", "svenska", "Testområde › Testtjänst › Testenhet",
                "Tusby", "1.3.2020–31.3.2020"]),
    ):  # fmt: skip
        response = client.get(reverse("participation_report", args=[language]), query)
        assert response.status_code == 200
        first_page = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
        for word in words:
            assert word.lower() in first_page.lower(), (language, word)
    response = client.get(reverse("participation_xlsx"), query)
    book = load_workbook(io.BytesIO(response.content))
    rows = {row[0]: row[1] for row in book["Rajaukset"].values}
    assert rows["Kanava"].lower().startswith("puhelin")
    assert rows["Vastauksen kieli"] == "ruotsi"
    assert rows["Kunta"] == "Tuusula"
    assert "Testiyksikkö" in rows["Palveluyksikkö"]
    response = client.get(reverse("participation_csv"), query)
    disposition = response["Content-Disposition"]
    for part in ("20200301-20200331", "unit-testiyksikko", "municipality-tuusula",
                 "channel-phone", "language-sv"):  # fmt: skip
        assert part in disposition
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert len(body.strip().splitlines()) == 1 + 3  # header + rows, plain CSV


def test_report_for_publishing_suppresses_small_groups(client, analyst, units):  # noqa: F811
    """The council report's public variant: the 3 answers by phone and the
    2 detractors are "fewer than 5", and so are their complements (the 9 by
    web of 12, the 8 promoters of 12 scored)."""
    from participation.analytics.public import publish_report
    from participation.analytics.views import build
    from website.core.disclosure import is_suppressed

    from .test_dashboard import filters

    for score in (9, 9, 9, 9, 9, 9, 9, 8, 8):
        make(units["unit"], score)
    for score in (9, 1, 2):
        make(units["unit"], score, channel="phone")
    figures = publish_report(build(filters()))
    channels = {r["channel"]: r for r in figures["volumes"]["by_channel"]}
    assert is_suppressed(channels["phone"]["n"])
    assert is_suppressed(channels["web"]["n"])  # 12 − 9 = 3
    assert figures["volumes"]["total"] == 12
    current = figures["nps"]["current"]
    assert is_suppressed(current["detractors"])
    assert is_suppressed(current["nps"])
    # 12 scored − 8 promoters = 4 passives and detractors together.
    assert is_suppressed(current["promoters"])
    assert current["n"] == 12
    for language, words in (
        ("fi", ["Julkinen versio", "alle 5"]),
        ("sv", ["Offentlig version", "färre än 5"]),
    ):
        response = client.get(
            reverse("participation_report_public", args=[language]), QUERY_PERIOD
        )
        assert response.status_code == 200
        text = "".join(
            p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages
        )
        for word in words:
            assert word in text, (language, word)
    response = client.get(reverse("participation_report_public", args=["fi"]), {
        "date_from": "0001-01-01"
    })  # fmt: skip
    assert response.status_code == 400


QUERY_PERIOD = {"date_from": "2020-03-01", "date_to": "2020-03-31"}
