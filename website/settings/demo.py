"""`make demo`: the embedded default, served the way production serves it.

gunicorn in one process with several threads (the local-memory cache holds
the page cache's generation and the rate-limit counters, which are per
process: more processes need Redis and PostgreSQL, see
docs/operations.md), SQLite with WAL and IMMEDIATE transactions
(base.py), static files from WhiteNoise straight from the apps' folders (no
collectstatic, no separate web server), console e-mail and tasks run in the
request (base.py's defaults). DEBUG stays off: the demo shows the real
error pages and headers.
"""

from . import environment as env
from .base import *  # noqa: F401,F403

SECRET_KEY = env.SECRET_KEY or "demo-only-not-secret"
# Links in e-mails (printed on the console) point at the port served:
# SITE_URL defaults to http://127.0.0.1:$PORT (environment.py).
WAGTAILADMIN_BASE_URL = env.SITE_URL
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
