"""The API's per-client rate limit uses the site's one client-IP rule."""

import pytest
from django.core.cache import cache

from website.api.throttling import ClientRateThrottle

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_a_minute(monkeypatch):
    monkeypatch.setattr(ClientRateThrottle, "THROTTLE_RATES", {"client": "3/minute"})
    cache.clear()
    yield
    cache.clear()


def test_a_client_over_its_rate_gets_429_others_do_not(client, three_a_minute):
    for _ in range(3):
        assert client.get("/api/v1/areas/", REMOTE_ADDR="192.0.2.1").status_code == 200
    refused = client.get("/api/v1/areas/", REMOTE_ADDR="192.0.2.1")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert client.get("/api/v1/areas/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_behind_our_proxy_the_forwarded_client_is_counted(
    client, three_a_minute, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(3):
        response = client.get(
            "/api/v1/areas/", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
        )
        assert response.status_code == 200
    assert (
        client.get(
            "/api/v1/areas/", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
        ).status_code
        == 429
    )
    # A forged left-hand entry does not make a new client.
    forged = client.get(
        "/api/v1/areas/", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7", **proxy
    )
    assert forged.status_code == 429
    other = client.get("/api/v1/areas/", HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy)
    assert other.status_code == 200
