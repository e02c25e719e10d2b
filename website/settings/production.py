"""Production: everything from the environment, secure by default.

Refuses to start (ImproperlyConfigured, naming every missing variable at
once) rather than fall back to what suits a laptop: a SQLite file, a
per-process cache, console mail or links to 127.0.0.1. With the variables
set, `manage.py check --deploy --fail-level WARNING` is clean.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from . import environment as env
from .base import *  # noqa: F401,F403
from .base import LOGGING

_missing = env.missing(env.REQUIRED_IN_PRODUCTION)
if _missing:
    raise ImproperlyConfigured(
        "website.settings.production needs these environment variables "
        "(see .env.example and docs/operations.md): " + ", ".join(_missing)
    )
if urlsplit(env.SITE_URL).scheme not in ("http", "https") or not urlsplit(
    env.SITE_URL
).netloc:
    raise ImproperlyConfigured(
        "SITE_URL must be the site's absolute public URL, e.g. "
        "https://hyvinvointi.example.fi (got a value without scheme or host)."
    )

# Staff accounts must use an authenticator app (website/core/mfa.py).
MFA_REQUIRED_FOR_STAFF = env.or_default(env.MFA_REQUIRED_FOR_STAFF, True)
SECURE_SSL_REDIRECT = env.SECURE_SSL_REDIRECT
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.SECURE_HSTS_SECONDS
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# The outbox's transport: SMTP unless the environment names another; never
# the console. (EMAIL_BACKEND itself stays the queue, see base.py.)
POST_OFFICE["BACKENDS"]["default"] = env.or_default(  # noqa: F405
    env.EMAIL_BACKEND, "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_USE_TLS = env.or_default(env.EMAIL_USE_TLS, True)

# Background work runs in the Procfile's worker, from the database queue.
TASKS = {
    "default": {
        "BACKEND": env.or_default(env.TASKS_BACKEND, "django_tasks_db.DatabaseBackend")
    }
}

# One JSON object per log line (website/core/request_log.py).
LOGGING["handlers"]["console"]["formatter"] = env.or_default(env.LOG_FORMAT, "json")

# Errors to Sentry when SENTRY_DSN is set, without personal data.
if env.SENTRY_DSN:
    from website.core.sentry import init_sentry

    init_sentry(
        env.SENTRY_DSN,
        environment=env.SENTRY_ENVIRONMENT,
        traces_sample_rate=env.SENTRY_TRACES_SAMPLE_RATE,
    )
