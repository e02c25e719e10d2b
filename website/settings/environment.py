"""The one place that reads the process environment (django-environ).

Every variable the site understands is read here, once, with its type and
its default; the settings modules import these names and nothing else in
the code base looks at ``os.environ`` (apps read ``django.conf.settings``).
``.env.example`` documents each variable.

Defaults are the development/demo ones. A few variables have a different
default in production; they are read here as ``None`` when unset and the
settings module that owns the difference decides (see ``or_default``).
``production.py`` refuses to start while any name in
``REQUIRED_IN_PRODUCTION`` is unset or empty (``missing``).
"""

import environ

env = environ.Env()

# Core
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The port `make demo` serves on; the demo's e-mail links point at it.
PORT = env.int("PORT", default=8000)
# Public base URL of the site, used in e-mail links and admin notifications.
SITE_URL = env.str("SITE_URL", default=f"http://127.0.0.1:{PORT}")
DATABASE_URL = env.str("DATABASE_URL", default="")
REDIS_URL = env.str("REDIS_URL", default="")
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
STATIC_ROOT = env.str("STATIC_ROOT", default="")
MEDIA_ROOT = env.str("MEDIA_ROOT", default="")
# Backups (website/core/backup.py): where, and how many are kept.
BACKUP_DIR = env.str("BACKUP_DIR", default="")
BACKUP_KEEP = env.int("BACKUP_KEEP", default=7)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)

# Background tasks (django-tasks); production's default is the database.
TASKS_BACKEND = env.str("TASKS_BACKEND", default=None)
# /readyz fails when no task worker has run the heartbeat for this long.
WORKER_HEARTBEAT_MAX_AGE = env.int("WORKER_HEARTBEAT_MAX_AGE", default=300)

# E-mail
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default=None)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=None)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# The outbox: the first retry waits this long, then twice as long each time
# up to the maximum; a message claimed by a worker that died is due again
# after the claim time (website/core/mail.py).
MAIL_RETRY_FIRST_SECONDS = env.int("MAIL_RETRY_FIRST_SECONDS", default=60)
MAIL_RETRY_MAX_SECONDS = env.int("MAIL_RETRY_MAX_SECONDS", default=3600)
MAIL_CLAIM_SECONDS = env.int("MAIL_CLAIM_SECONDS", default=300)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Yhdessä <no-reply@yhdessa.example>"
)
# Where residents' replies go when a message names no one more responsible
# (the welfare area's wellbeing team); empty: no Reply-To.
MAIL_REPLY_TO = env.str(
    "MAIL_REPLY_TO", default="Yhdessä <hyvinvointi@yhdessa.example>"
)

# Security and accounts
MFA_REQUIRED_FOR_STAFF = env.bool("MFA_REQUIRED_FOR_STAFF", default=None)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
SPAM_MIN_FILL_SECONDS = env.float("SPAM_MIN_FILL_SECONDS", default=1.0)

# Logs and errors: "json" (one object per line) or "text".
LOG_FORMAT = env.str("LOG_FORMAT", default=None)
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
SENTRY_DSN = env.str("SENTRY_DSN", default="")
SENTRY_ENVIRONMENT = env.str("SENTRY_ENVIRONMENT", default="production")
SENTRY_TRACES_SAMPLE_RATE = env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0)

# Association map tiles
MAP_TILE_URL = env.str(
    "MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
MAP_TILE_ATTRIBUTION = env.str(
    "MAP_TILE_ATTRIBUTION", default="© OpenStreetMap contributors"
)

# Feedback, workshops, panels: retention and reminders
FEEDBACK_RETENTION_DAYS = env.int("FEEDBACK_RETENTION_DAYS", default=1095)
FEEDBACK_REMINDER_DAYS = env.int("FEEDBACK_REMINDER_DAYS", default=5)
FEEDBACK_EMBED_ORIGINS = env.list("FEEDBACK_EMBED_ORIGINS", default=[])
FEEDBACK_FALLBACK_EMAILS = env.list("FEEDBACK_FALLBACK_EMAILS", default=[])
WORKSHOP_RETENTION_DAYS = env.int("WORKSHOP_RETENTION_DAYS", default=90)
PANEL_MIN_GROUP_SIZE = env.int("PANEL_MIN_GROUP_SIZE", default=5)
PANEL_RETENTION_DAYS_NOT_SELECTED = env.int(
    "PANEL_RETENTION_DAYS_NOT_SELECTED", default=180
)
PANEL_RETENTION_DAYS_LEFT = env.int("PANEL_RETENTION_DAYS_LEFT", default=30)
ASSOCIATION_RETENTION_DAYS = env.int("ASSOCIATION_RETENTION_DAYS", default=365)
# Requests per client (website.core.client_ip) to the open API (docs/api.md).
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="120/minute")
ASSOCIATION_UNVERIFIED_ACCOUNT_DAYS = env.int(
    "ASSOCIATION_UNVERIFIED_ACCOUNT_DAYS", default=30
)

# Production refuses to start unless each of these is set: without them it
# would fall back to a per-machine SQLite file, a per-process cache, mail
# that goes nowhere or e-mail links to 127.0.0.1.
REQUIRED_IN_PRODUCTION = [
    "SECRET_KEY",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "SITE_URL",
    "REDIS_URL",
    "EMAIL_HOST",
    "DEFAULT_FROM_EMAIL",
]


def missing(names):
    """The names among `names` that are unset or empty in the environment."""
    return [name for name in names if not env.str(name, default="").strip()]


def or_default(value, default):
    """`value` read above as None when unset; else the caller's default."""
    return default if value is None else value
