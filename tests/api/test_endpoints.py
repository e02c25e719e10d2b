"""The open read API (website/api): every endpoint in Finnish and Swedish,
its filters, pagination, headers and bounded query counts."""

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

LANGUAGES = ("fi", "sv")


def get(client, url, language, **params):
    response = client.get(url, {"lang": language, **params})
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Language"] == language
    return response


@pytest.mark.parametrize("language", LANGUAGES)
def test_plan(client, language, plan_pages):
    plan = plan_pages[LANGUAGES.index(language)]
    data = get(client, "/api/v1/plan/", language).json()
    assert data["id"] == plan.pk
    assert data["title"] == plan.title
    assert data["url"].endswith(plan.url)
    assert len(data["goals"]) >= 7
    goal = data["goals"][0]
    assert goal["number"] == 1
    assert f"/{language}/" in goal["url"]
    assert sum(goal["status_counts"].values()) == len(goal["measures"]) > 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_measures_with_history_goals_and_language(client, language, locales):
    from website.plan.models import Measure

    locale = locales[LANGUAGES.index(language)]
    data = get(client, "/api/v1/measures/", language).json()
    assert data["count"] == Measure.objects.published().filter(locale=locale).count()
    ids = {row["id"] for row in data["results"]}
    assert set(
        Measure.objects.filter(pk__in=ids).values_list("locale_id", flat=True)
    ) == {locale.pk}
    measure = next(row for row in data["results"] if row["status_history"])
    assert measure["goals"]
    assert measure["responsible_parties"]
    assert set(measure["status_history"][0]) == {
        "changed_at",
        "from_status",
        "to_status",
        "note",
    }
    assert ("/toimenpiteet/" if language == "fi" else "/atgarder/") in measure["url"]
    detail = get(client, f"/api/v1/measures/{measure['id']}/", language).json()
    assert detail == measure


@pytest.mark.parametrize("language", LANGUAGES)
def test_measures_filters(client, language):
    done = get(client, "/api/v1/measures/", language, status="done").json()
    assert done["count"] > 0
    assert {row["status"] for row in done["results"]} == {"done"}
    plan = get(client, "/api/v1/plan/", language).json()
    goal = plan["goals"][0]
    by_goal = get(client, "/api/v1/measures/", language, goal=goal["id"]).json()
    assert {row["id"] for row in by_goal["results"]} == set(goal["measures"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_indicators_series(client, language):
    from website.indicators.models import Area, Indicator, IndicatorValue

    data = get(client, "/api/v1/indicators/", language).json()
    assert data["count"] == Indicator.objects.count() > 0
    value = IndicatorValue.objects.filter(gender="total").select_related(
        "indicator", "area"
    )[0]
    indicator = get(
        client, f"/api/v1/indicators/{value.indicator.code}/", language
    ).json()
    assert indicator["name"] == getattr(value.indicator, f"name_{language}")
    assert indicator["source"] == value.indicator.source
    series = next(
        s for s in indicator["series"] if s["area"]["code"] == value.area.code
    )
    assert series["area"]["name"] == getattr(value.area, f"name_{language}")
    point = {"year": value.year, "value": str(value.value), "is_demo": value.is_demo}
    assert point in series["values"]
    only = get(
        client,
        f"/api/v1/indicators/{value.indicator.code}/",
        language,
        area=value.area.code,
    ).json()
    assert {s["area"]["code"] for s in only["series"]} == {value.area.code}
    areas = get(client, "/api/v1/areas/", language, kind="municipality").json()
    assert areas["count"] == Area.objects.filter(kind="municipality").count()


@pytest.mark.parametrize("language", LANGUAGES)
def test_programme_status_cards(client, language, locales):
    from website.programs.models import ProgramStatusCard

    locale = locales[LANGUAGES.index(language)]
    data = get(client, "/api/v1/programme-status-cards/", language).json()
    live = ProgramStatusCard.objects.filter(live=True, locale=locale)
    assert data["count"] == live.count() > 0
    card = data["results"][0]
    assert set(card["statuses"]) == {"overall", "schedule", "risks", "resources"}
    assert card["statuses"]["overall"]["label"]
    assert f"/{language}/" in card["program"]["url"]
    assert "authors" not in card
    year = card["period"]["year"]
    filtered = get(client, "/api/v1/programme-status-cards/", language, year=year)
    assert {c["period"]["year"] for c in filtered.json()["results"]} == {year}
    detail = get(client, f"/api/v1/programme-status-cards/{card['id']}/", language)
    assert detail.json()["id"] == card["id"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_associations_and_geojson(client, language):
    from website.associations.models import Association

    published = Association.objects.published()
    data = get(client, "/api/v1/associations/", language, page_size=5).json()
    assert data["count"] == published.count() > 5
    assert len(data["results"]) == 5 and data["next"]
    first = data["results"][0]
    assert f"/{language}/" in first["url"]
    association = published.get(slug=first["slug"])
    assert first["name"] == (
        association.name_sv or association.name_fi
        if language == "sv"
        else association.name_fi
    )
    detail = get(client, f"/api/v1/associations/{first['slug']}/", language).json()
    assert detail["slug"] == first["slug"]
    municipality = association.municipalities.first() or (
        published.exclude(municipalities=None).first().municipalities.first()
    )
    filtered = get(
        client, "/api/v1/associations/", language, municipality=municipality.slug
    ).json()
    assert 0 < filtered["count"] < data["count"]
    assert all(
        municipality.code in [m["code"] for m in row["municipalities"]]
        for row in filtered["results"]
    )
    geo = get(client, "/api/v1/associations/geojson/", language)
    assert geo["Content-Type"] == "application/geo+json"
    collection = geo.json()
    assert collection["type"] == "FeatureCollection"
    located = published.exclude(latitude=None).count()
    assert len(collection["features"]) == located > 0
    assert f"/{language}/" in collection["features"][0]["properties"]["url"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_upcoming_workshops_seats_left(client, language, locales):
    from participation.workshops import services
    from participation.workshops.models import WorkshopPage

    locale = locales[LANGUAGES.index(language)]
    upcoming = WorkshopPage.objects.live().filter(
        locale=locale, ends_at__gte=timezone.now()
    )
    data = get(client, "/api/v1/workshops/", language).json()
    assert data["count"] == upcoming.count() > 0
    row = data["results"][0]
    page = WorkshopPage.objects.get(pk=row["id"])
    assert page.locale_id == locale.pk
    assert row["seats_free"] == services.seats(page.source()).free
    assert row["title"] == page.title
    assert f"/{language}/" in row["url"]
    detail = get(client, f"/api/v1/workshops/{row['id']}/", language).json()
    assert detail["seats_free"] == row["seats_free"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_participation_summary(client, language):
    data = get(client, "/api/v1/participation/summary/", language).json()
    assert data["minimum_group_size"] == 5
    total = data["feedback_total"]
    assert total["suppressed"] or total["value"] >= 0
    for channel in data["channels"]:
        if channel["n"]["suppressed"]:
            assert channel["n"]["value"] is None
            text = "alle 5" if language == "fi" else "färre än 5"
            assert channel["n"]["text"] == text
        else:
            assert channel["n"]["value"] == 0 or channel["n"]["value"] >= 5


def test_language_from_accept_language_header(client):
    response = client.get("/api/v1/plan/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response["Content-Language"] == "sv"
    assert "Accept-Language" in response["Vary"]
    from website.plan.models import PlanPage

    assert response.json()["id"] == PlanPage.objects.get(locale__language_code="sv").pk


def test_read_only_and_cors(client):
    response = client.post("/api/v1/measures/", {})
    assert response.status_code == 405
    response = client.get("/api/v1/plan/", HTTP_ORIGIN="https://kunta.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.cookies
    preflight = client.options(
        "/api/v1/measures/",
        HTTP_ORIGIN="https://kunta.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    # No CORS outside the API.
    page = client.get("/fi/", HTTP_ORIGIN="https://kunta.example")
    assert "Access-Control-Allow-Origin" not in page


def test_unknown_object_is_a_json_404(client):
    response = client.get("/api/v1/measures/999999/?lang=sv")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
