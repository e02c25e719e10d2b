"""Fast, self-contained test settings: no worker, no collectstatic."""

import os

from .base import *  # noqa: F401,F403
from .base import WAGTAILSEARCH_BACKENDS

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The outbox delivers into django.core.mail.outbox. (Django's test set-up
# also points EMAIL_BACKEND at locmem; tests of the queue set it back.)
POST_OFFICE = {
    **POST_OFFICE,  # noqa: F405
    "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILSEARCH_BACKENDS = WAGTAILSEARCH_BACKENDS
# Static files come from the finders; no collectstatic in tests.
MIDDLEWARE = [m for m in MIDDLEWARE if "whitenoise" not in m]  # noqa: F405
# Tests see each page rendered; tests/test_page_cache.py puts the cache back.
PAGE_CACHE_MIDDLEWARE = [m for m in MIDDLEWARE if "page_cache" in m]
MIDDLEWARE = [m for m in MIDDLEWARE if "page_cache" not in m]
CACHES["pages"] = {
    **CACHES["default"],
    "LOCATION": "pages",
    "KEY_FUNCTION": "website.core.page_cache.make_key",
}
# False, not {}: an empty dict keeps allauth's own default limits.
ACCOUNT_RATE_LIMITS = False
# Tests post at machine speed; the time trap's own tests set it back.
SPAM_MIN_FILL_SECONDS = 0
# The browser tests run a live server in a thread beside the async loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
