import csv
import io
import json

import geojson
import pytest
from django.core.exceptions import ValidationError

from website.associations.models import Activity, Association, AssociationMapPage
from website.indicators.models import Area

pytestmark = pytest.mark.django_db

MAX_QUERIES = {"map": 27, "detail": 24}  # + main menu, JSON-LD


@pytest.fixture
def maps():
    return (
        AssociationMapPage.objects.get(locale__language_code="fi"),
        AssociationMapPage.objects.get(locale__language_code="sv"),
    )


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, response.status_code)
    return response


def listed(html):
    return html.count('class="association-card"')


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_map_page_lists_published_associations_in_its_language(
    client, maps, language, django_assert_max_num_queries
):
    page = maps[0 if language == "fi" else 1]
    with django_assert_max_num_queries(MAX_QUERIES["map"]):
        html = get(client, page.url).content.decode()
    assert f'<html lang="{language}">' in html
    assert listed(html) == Association.objects.published().count() == 30
    name = (
        "Tuusulan Liikuntaseura ry"
        if language == "fi"
        else "Idrottsföreningen i Tusby rf"
    )
    assert name in html
    # The map is an addition: hidden until the script shows it.
    assert 'id="association-map" class="association-map" hidden' in html


def test_filters_work_as_a_plain_get_form(client, maps):
    page = maps[0]
    html = get(client, page.url, municipality="tuusula").content.decode()
    assert listed(html) == 5
    html = get(client, page.url, theme="liikunta").content.decode()
    assert listed(html) == Association.objects.filter(themes__slug="liikunta").count()
    html = get(client, page.url, target_group="ikaantyneet", municipality="hyvinkaa")
    assert listed(html.content.decode()) == 1
    html = get(client, page.url, language="sv").content.decode()
    assert listed(html) == Association.objects.filter(serves_sv=True).count()
    html = get(client, page.url, q="perhetalo").content.decode()
    assert listed(html) == 6


def test_bad_filters_are_ignored_not_errors(client, maps):
    html = get(
        client, maps[0].url, municipality="atlantis", language="xx", q="ä" * 500
    ).content.decode()
    assert 'class="errorlist"' in html or listed(html) >= 0


def test_unpublished_and_private_data_never_leave_the_admin(client, maps):
    page = maps[0]
    secret = Association.objects.get(slug="demo-mt-186")
    secret.representative_name = "Salainen Edustaja"
    secret.representative_email = "edustaja@example.com"
    secret.save()
    hidden = Association.objects.get(slug="demo-perhe-858")
    hidden.published = False
    hidden.save()
    outputs = [
        get(client, page.url).content.decode(),
        get(client, page.association_url(secret)).content.decode(),
        get(client, page.route_url("geojson")).content.decode(),
        b"".join(get(client, page.route_url("csv")).streaming_content).decode(),
    ]
    for body in outputs:
        assert "edustaja@example.com" not in body
        assert "Salainen Edustaja" not in body
        assert hidden.name_fi not in body
    assert client.get(page.url + hidden.slug + "/").status_code == 404


def test_geojson_is_valid_and_follows_the_filters(client, maps):
    page = maps[1]
    body = get(client, page.route_url("geojson")).content.decode()
    collection = geojson.loads(body)
    assert collection.is_valid, collection.errors()
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 30
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 24 < lon < 26 and 60 < lat < 61  # RFC 7946: longitude first
        assert feature["properties"]["url"].startswith("/sv/foreningskarta/")
    filtered = json.loads(
        get(client, page.route_url("geojson"), municipality="borgnas-x").content
    )
    assert len(filtered["features"]) == 30  # an unknown filter is ignored
    filtered = json.loads(
        get(client, page.route_url("geojson"), municipality="pornainen").content
    )
    assert {f["properties"]["name"] for f in filtered["features"]} == {
        a.name_sv for a in Association.objects.filter(municipalities__slug="pornainen")
    }


def test_open_data_cache_is_invalidated_on_change(client, maps):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = maps[0]
    url = page.route_url("geojson")
    with CaptureQueriesContext(connection) as built:
        get(client, url)
    with CaptureQueriesContext(connection) as cached:
        get(client, url)
    # The cached response only pays for routing to the page.
    table = '"associations_association"'
    assert not any(table in q["sql"] for q in cached.captured_queries)
    assert any(table in q["sql"] for q in built.captured_queries)
    association = Association.objects.get(slug="demo-liikunta-106")
    association.name_fi = "Uusi Nimi ry"
    association.save()
    assert "Uusi Nimi ry" in get(client, url).content.decode()
    association.themes.clear()
    body = json.loads(get(client, url).content)
    feature = next(
        f for f in body["features"] if f["properties"]["name"] == "Uusi Nimi ry"
    )
    assert feature["properties"]["themes"] == []


def test_csv_has_public_fields_and_neutralises_formulas(client, maps):
    association = Association.objects.get(slug="demo-nuoriso-505")
    association.name_fi = '=HYPERLINK("http://example.com")'
    association.save()
    body = b"".join(get(client, maps[0].route_url("csv")).streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 31
    assert any(row[0] == "'" + association.name_fi for row in rows)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_detail_page_shows_activities_and_switches_language(
    client, maps, language, django_assert_max_num_queries
):
    page, other = maps if language == "fi" else maps[::-1]
    association = Association.objects.get(slug="demo-liikunta-858")
    with django_assert_max_num_queries(MAX_QUERIES["detail"]):
        html = get(client, page.association_url(association)).content.decode()
    activity = association.activities.get()
    assert (activity.name_fi if language == "fi" else activity.name_sv) in html
    assert "2 €" in html  # not free: the price is shown
    assert f'href="{other.association_url(association)}"' in html
    assert association.email in html


def test_reserved_slugs_and_half_coordinates_are_refused():
    tuusula = Area.objects.get(slug="tuusula")
    association = Association(name_fi="Testi ry", slug="geojson", latitude=60)
    with pytest.raises(ValidationError) as error:
        association.full_clean()
    assert "slug" in error.value.message_dict
    assert tuusula  # the areas used by the registry exist


def test_activity_languages_are_offered_in_both_languages():
    from django.utils import translation

    with translation.override("sv"):
        assert Activity.Language.MULTI.label == "Flera språk"
