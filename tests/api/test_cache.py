"""API answers are cached like pages (website/core/page_cache.py, with the
production middleware order): per language, without queries on a hit, and
invalidated when the content changes."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client, override_settings

from website.core import page_cache

pytestmark = pytest.mark.django_db

FETCH, UPDATE = sorted(settings.PAGE_CACHE_MIDDLEWARE, key=lambda m: "Update" in m)


@pytest.fixture
def cached_client():
    caches["pages"].clear()
    caches["default"].delete(page_cache.GENERATION_KEY)
    with override_settings(MIDDLEWARE=[UPDATE, *settings.MIDDLEWARE, FETCH]):
        yield Client()
    caches["pages"].clear()


def test_api_answers_are_cached_per_language_and_invalidated(
    cached_client, django_assert_num_queries
):
    from website.indicators.models import Area

    origin = {"HTTP_ORIGIN": "https://kunta.example"}  # Vary: origin (CORS)
    first = cached_client.get("/api/v1/areas/", HTTP_ACCEPT_LANGUAGE="fi", **origin)
    assert first.status_code == 200 and not first.cookies
    with django_assert_num_queries(0):
        hit = cached_client.get("/api/v1/areas/", HTTP_ACCEPT_LANGUAGE="fi", **origin)
    assert hit.content == first.content
    assert hit["Access-Control-Allow-Origin"] == "*"
    sv = cached_client.get("/api/v1/areas/", HTTP_ACCEPT_LANGUAGE="sv")
    assert sv["Content-Language"] == "sv"
    assert sv.content != first.content
    area = Area.objects.get(code=first.json()["results"][0]["code"])
    area.name_fi = "Välimuistikunta"
    area.save()
    fresh = cached_client.get("/api/v1/areas/", HTTP_ACCEPT_LANGUAGE="fi")
    assert "Välimuistikunta" in fresh.content.decode()
