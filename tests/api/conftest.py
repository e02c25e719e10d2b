import pytest


@pytest.fixture(autouse=True)
def no_api_rate_limit(monkeypatch):
    """The rate limit has its own test (test_throttling.py); the others make
    more requests a minute than a client may."""
    from website.api.throttling import ClientRateThrottle

    monkeypatch.setattr(ClientRateThrottle, "THROTTLE_RATES", {"client": None})
