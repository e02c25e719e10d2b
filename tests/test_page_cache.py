"""The whole-page cache (website/core/page_cache.py) with the production
middleware order: anonymous pages are served without queries, publishing
invalidates them, and nothing personal is ever shared."""

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


def test_second_anonymous_request_is_served_from_the_cache(
    cached_client, plan_pages, django_assert_num_queries
):
    plan_fi, plan_sv = plan_pages
    first = cached_client.get(plan_fi.url)
    assert first.status_code == 200
    assert "no-cache" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = cached_client.get(plan_fi.url)
    assert second.content == first.content
    assert "no-cache" in second["Cache-Control"]
    # Security headers are set on cached copies too.
    assert "Content-Security-Policy" in second
    # The Swedish page has its own entry, in Swedish.
    sv = cached_client.get(plan_sv.url)
    assert sv.content != first.content
    assert 'lang="sv"' in sv.content.decode()


def test_publishing_invalidates_the_cached_page(cached_client, goal_pages):
    goal = goal_pages[1][0]
    cached_client.get(goal.url)
    goal.title = "Uusi otsikko välimuistin testiin"
    goal.save_revision().publish()
    html = cached_client.get(goal.url).content.decode()
    assert "Uusi otsikko välimuistin testiin" in html


def test_saving_content_invalidates_and_feedback_does_not():
    generation = caches["default"].get(page_cache.GENERATION_KEY, 0)
    from website.indicators.models import Area

    area = Area.objects.first()
    area.save()
    after_content = caches["default"].get(page_cache.GENERATION_KEY, 0)
    assert after_content > generation
    from participation.analytics.models import FeedbackMonthly

    page_cache.invalidate_on_content_change(FeedbackMonthly)
    assert caches["default"].get(page_cache.GENERATION_KEY) == after_content


def test_signed_in_users_are_never_served_or_stored(
    cached_client, plan_pages, staff_user, django_assert_max_num_queries
):
    plan_fi = plan_pages[0]
    anonymous = cached_client.get(plan_fi.url).content
    cached_client.force_login(staff_user)
    response = cached_client.get(plan_fi.url)
    assert response.content != anonymous  # the Wagtail user bar
    assert "no-cache" not in response.get("Cache-Control", "")
    cached_client.logout()
    other = Client()
    with override_settings(MIDDLEWARE=[UPDATE, *settings.MIDDLEWARE, FETCH]):
        assert other.get(plan_fi.url).content == anonymous


def test_pages_with_a_form_are_not_stored(cached_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from participation.workshops.models import WorkshopPage

    page = (
        WorkshopPage.objects.live()
        .filter(locale__language_code="sv")
        .order_by("-starts_at")
        .first()
    )
    first = cached_client.get(page.url)
    assert "csrfmiddlewaretoken" in first.content.decode()
    fresh = Client()
    with override_settings(MIDDLEWARE=[UPDATE, *settings.MIDDLEWARE, FETCH]):
        with CaptureQueriesContext(connection) as queries:
            second = fresh.get(page.url)
    assert len(queries) > 0
    # Each visitor gets their own token.
    assert second.cookies["csrftoken"].value != first.cookies["csrftoken"].value


def test_flash_messages_are_never_shared(cached_client, plan_pages):
    plan_fi = plan_pages[0]
    cached_client.get(plan_fi.url)
    cached_client.cookies["messages"] = "anything"
    request_cookie = cached_client.get(plan_fi.url)
    # Bypassed: rendered for this visitor, so not marked for revalidation by
    # the cache and not stored.
    assert "no-cache" not in request_cookie.get("Cache-Control", "")
