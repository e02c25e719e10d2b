"""Importers (CSV, PTV JSON), site search of associations, activity pages."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from website.associations.importers import import_csv, import_ptv
from website.associations.models import Activity, Association, AssociationMapPage

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def test_csv_import_creates_updates_and_reports_bad_rows():
    text = (FIXTURES / "associations.csv").read_text(encoding="utf-8")
    result = import_csv(text)
    assert (result.created, result.updated) == (2, 0)
    assert len(result.errors) == 2
    assert "line 4" in result.errors[0] and "Helsinki" in result.errors[0]
    assert "line 5" in result.errors[1] and "latitude" in result.errors[1]
    walkers = Association.objects.get(external_id="csv-1")
    assert walkers.name_sv == "Tusby vandrare rf"
    assert walkers.latitude == Decimal("60.402600")  # decimal comma accepted
    assert walkers.serves_sv and walkers.serves_fi
    assert [m.name_fi for m in walkers.municipalities.all()] == ["Tuusula"]
    assert not walkers.published  # staff publish imports unless told otherwise
    assert not Association.objects.filter(name_fi="Väärä kunta ry").exists()

    again = import_csv(text.replace("Yhteisiä kävelylenkkejä", "Kävelyä"))
    assert (again.created, again.updated) == (0, 2)
    walkers.refresh_from_db()
    assert walkers.description_fi.startswith("Kävelyä")


def test_csv_without_the_name_column_is_refused():
    result = import_csv("nimi,kunta\nX,Tuusula\n")
    assert result.created == 0
    assert result.errors == ["missing columns: name_fi"]


def test_ptv_import_converts_coordinates_and_links_municipalities():
    result = import_ptv((FIXTURES / "ptv_organisations.json").read_text())
    assert (result.created, result.updated) == (2, 0)
    assert result.errors == ["item 3: no Finnish name"]
    carers = Association.objects.get(external_id="2d8f9a3e-0c1b-4a55-9e6d-3f1c2b7a9d01")
    assert carers.name_sv == "Träskända närståendevårdare rf"
    assert carers.serves_sv
    assert carers.phone == "+358 401234567"
    assert carers.city == "Järvenpää"
    # ETRS-TM35FIN → WGS84: Järvenpää is at about 60.47 N, 25.09 E.
    assert Decimal("60.45") < carers.latitude < Decimal("60.50")
    assert Decimal("25.05") < carers.longitude < Decimal("25.15")
    assert [m.code for m in carers.municipalities.all()] == ["186"]
    youth = Association.objects.get(external_id__startswith="7a6c7d1f")
    assert youth.latitude is None  # coordinateState NotReceived
    assert [m.code for m in youth.municipalities.all()] == ["543"]


def test_import_command_publishes_on_request(capsys):
    call_command(
        "import_associations", str(FIXTURES / "ptv_organisations.json"), "--publish"
    )
    out = capsys.readouterr()
    assert "created 2, updated 0, skipped 1" in out.out
    assert "no Finnish name" in out.err
    assert Association.objects.get(external_id__startswith="2d8f").published
    with pytest.raises(CommandError):
        call_command("import_associations", str(FIXTURES / "missing.csv"))


def search(client, language, query):
    path = "/fi/haku/" if language == "fi" else "/sv/sok/"
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "language,query,expected",
    [
        ("fi", "muistikerho", "Muistikerho"),
        ("sv", "minnesklubb", "Minnesklubb"),
    ],
)
def test_site_search_finds_associations_and_activities(
    client, language, query, expected
):
    activity = Activity.objects.filter(association__published=True).first()
    activity.name_fi = "Muistikerho keskiviikkoisin"
    activity.name_sv = "Minnesklubb på onsdagar"
    activity.save()
    association = activity.association
    html = search(client, language, query)
    assert expected in html
    page = AssociationMapPage.objects.get(locale__language_code=language)
    assert f'href="{page.url}{association.slug}/{activity.pk}/"' in html

    name = association.name_sv if language == "sv" else association.name_fi
    html = search(client, language, name.split()[0])
    assert f'href="{page.url}{association.slug}/"' in html


def test_unpublished_associations_are_not_found(client):
    association = Association.objects.filter(published=True).first()
    association.name_fi = "Salainen harrastuspiiri"
    association.save()
    assert "Salainen harrastuspiiri" in search(client, "fi", "harrastuspiiri")
    association.published = False
    association.save()
    assert "Salainen harrastuspiiri" not in search(client, "fi", "harrastuspiiri")


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_activity_page_for_printing_and_sending(client, language):
    page = AssociationMapPage.objects.get(locale__language_code=language)
    activity = Activity.objects.filter(association__published=True).first()
    association = activity.association
    response = client.get(f"{page.url}{association.slug}/{activity.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{activity.name_sv if language == 'sv' else activity.name_fi}" in html
    assert "mailto:?subject=" in html
    assert 'class="js-print" hidden' in html  # a button only with JavaScript
    other = Activity.objects.exclude(association=association).first()
    assert client.get(f"{page.url}{association.slug}/{other.pk}/").status_code == 404
