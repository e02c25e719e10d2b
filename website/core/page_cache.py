"""Whole-page cache for anonymous visitors: Django's own cache middleware
with the rules a public site with forms and logins needs.

- Only anonymous GET/HEAD requests without a session or messages cookie are
  served from or stored in the cache, so signed-in users (and the Wagtail
  user bar), flash messages and anything kept in a session are never shared.
- A response that sets a cookie (a form's CSRF token, a captcha) is never
  stored; such pages are rendered for every visitor.
- Browsers are told to revalidate (``Cache-Control: no-cache``): the copy is
  kept on the server, where publishing can invalidate it.
- Invalidation: the "pages" cache's keys carry a generation number kept in
  the default cache; publishing, unpublishing, moving or deleting a page and
  saving the site's content models bumps it (`invalidate`), so the next
  request renders afresh. Old entries expire after PAGE_CACHE_SECONDS. Data
  that changes without a signal (workshop counts on goal pages, feedback
  aggregates) is at most that old.

Keys include the path, the query string and the active language (Django's
`get_cache_key`), and vary on whatever the response varies on.
"""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.cache import never_cache

GENERATION_KEY = "page-cache-generation"


def _personal(request):
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies
    )


def _revalidate(response):
    if "Expires" in response:
        del response["Expires"]
    response.headers.pop("Cache-Control", None)
    patch_cache_control(response, no_cache=True)
    return response


class FetchFromPageCache(FetchFromCacheMiddleware):
    """Last in MIDDLEWARE: the language is active, the session is known."""

    def process_request(self, request):
        if _personal(request):
            request._cache_update_cache = False
            return None
        response = super().process_request(request)
        return _revalidate(response) if response is not None else None


def personal_page(view):
    """Mark a view behind a personal link (a token in the URL) or a login:
    `Cache-Control: private, no-store` (Django's never_cache) on every
    response, so neither this cache nor a front cache or a browser keeps
    it. Such a page may render no form and set no cookie (a cancelled
    sign-up's status), which alone would not keep it out of the cache.
    tests/privacy/test_personal_pages.py checks every URL pattern with a
    token or a login for the mark."""
    wrapped = never_cache(view)
    wrapped.personal_page = True
    return wrapped


def is_personal_page(view):
    return getattr(view, "personal_page", False)


class UpdatePageCache(UpdateCacheMiddleware):
    """First in MIDDLEWARE: stores the response as the visitor gets it."""

    def _should_update_cache(self, request, response):
        cache_control = response.get("Cache-Control", "")
        return (
            super()._should_update_cache(request, response)
            and not _personal(request)
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
        )

    def process_response(self, request, response):
        match = getattr(request, "resolver_match", None)
        if match is not None and is_personal_page(match.func):
            # Also the answers that exceptions in a personal view turn into
            # (a 404, allauth's redirect to reauthenticate), which never
            # pass through the view's decorator.
            add_never_cache_headers(response)
        stored = self._should_update_cache(request, response)
        response = super().process_response(request, response)
        return _revalidate(response) if stored else response


def make_key(key, key_prefix, version):
    """KEY_FUNCTION of the "pages" cache: the generation number makes every
    earlier entry unreachable at once, without flushing a shared Redis."""
    generation = caches["default"].get(GENERATION_KEY, 0)
    return f"{key_prefix}:{version}:{generation}:{key}"


def invalidate(**kwargs):
    """Signal receiver: the next request of every page renders afresh."""
    cache = caches["default"]
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


# Saving a row of these apps changes what public pages show. High-volume
# participation data (feedback, sign-ups, panel answers) is left out on
# purpose: pages showing its aggregates accept PAGE_CACHE_SECONDS of delay.
CONTENT_APPS = {
    "core",
    "home",
    "indicators",
    "plan",
    "programs",
    "associations",
    "report",
    "analytics",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
}
# Rows written with every feedback answer: never a reason to re-render.
NOT_CONTENT = {
    "analytics.feedbackanalysis",
    "analytics.feedbackmonthly",
    "analytics.thememonthly",
}


def invalidate_on_content_change(sender, **kwargs):
    meta = sender._meta
    if meta.app_label in CONTENT_APPS and meta.label_lower not in NOT_CONTENT:
        invalidate()


def connect():
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{id(signal)}")
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(
            invalidate_on_content_change,
            dispatch_uid=f"page-cache-content-{id(signal)}",
        )
