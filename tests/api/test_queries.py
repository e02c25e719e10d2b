"""Query counts of the API: bounded, and the same for 2 rows as for 50."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

LISTS = [
    ("/api/v1/measures/", 12),
    ("/api/v1/indicators/", 8),
    ("/api/v1/areas/", 6),
    ("/api/v1/programme-status-cards/", 8),
    ("/api/v1/associations/", 10),
    ("/api/v1/workshops/", 12),
]
SINGLE = [
    ("/api/v1/plan/", 14),
    ("/api/v1/associations/geojson/", 10),
    ("/api/v1/participation/summary/", 40),
]


def _count(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("url,limit", LISTS)
def test_list_queries_bounded_and_independent_of_rows(
    client, url, limit, language, django_assert_max_num_queries
):
    _count(client, url, lang=language)  # warm the site root paths cache
    few = _count(client, url, lang=language, page_size=2)
    many = _count(client, url, lang=language, page_size=50)
    assert few == many, (url, few, many)
    with django_assert_max_num_queries(limit):
        client.get(url, {"lang": language, "page_size": 50})


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("url,limit", SINGLE)
def test_single_answers_bounded(
    client, url, limit, language, django_assert_max_num_queries
):
    _count(client, url, lang=language)
    with django_assert_max_num_queries(limit):
        response = client.get(url, {"lang": language})
    assert response.status_code == 200
