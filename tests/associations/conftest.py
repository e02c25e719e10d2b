import pytest


@pytest.fixture(autouse=True)
def clear_cache():
    """The database is rolled back after each test but the cache is not:
    open data cached by one test must not leak into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
