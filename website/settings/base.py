"""Settings shared by every environment.

Everything that differs between machines comes from the environment (see
.env.example). Nothing here is secret and DEBUG is off: dev.py and test.py
switch on what they need.
"""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from . import environment as env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = env.SECRET_KEY
ALLOWED_HOSTS = env.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = env.CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    # Our apps first: website.search overrides modelsearch's update_index.
    "website.core",
    "website.home",
    "website.indicators",
    "website.plan",
    "website.programs",
    "website.associations",
    "website.report",
    "website.statutory",
    "website.search",
    "website.api",
    "participation.workshops",
    "participation.panels",
    "participation.analytics",
    "feedback",
    # The production task backend's tables exist everywhere (TASKS below).
    "django_tasks",
    "django_tasks_db",
    "post_office",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "captcha",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "corsheaders",
]

MIDDLEWARE = [
    # One JSON line per request with a request id (website/core/request_log.py);
    # first, so that it also times and logs page cache hits.
    "website.core.request_log.RequestLogMiddleware",
    # /healthz and /readyz answer here, before host checks, HTTPS redirects,
    # sessions and the page cache (website/core/health.py).
    "website.core.health.HealthMiddleware",
    # Whole pages for anonymous visitors (website/core/page_cache.py).
    "website.core.page_cache.UpdatePageCache",
    "django.middleware.security.SecurityMiddleware",
    # Permissions-Policy and Reporting-Endpoints (website/core/headers.py);
    # before CSP, so that it sees the policy CSPMiddleware adds.
    "website.core.headers.SecurityHeadersMiddleware",
    # Early, so that it also sees the responses that later middleware
    # replaces (e.g. LocaleMiddleware's language redirects).
    "csp.middleware.CSPMiddleware",
    # CORS for the open read API only (CORS_URLS_REGEX): before CommonMiddleware.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, except that a 404 under /api/ is not redirected to /fi/….
    "website.api.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff set up an authenticator app before using the admin (MFA_REQUIRED_FOR_STAFF).
    "website.core.mfa.StaffMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "website.core.page_cache.FetchFromPageCache",
]

ROOT_URLCONF = "website.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Form widgets and field templates may be overridden in templates/.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "website.wsgi.application"

# SQLite file by default; DATABASE_URL (PostgreSQL) in CI and production.
DATABASES = {
    "default": dj_database_url.parse(
        env.DATABASE_URL or f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
# The embedded SQLite default must hold a burst of concurrent writes
# (DESIGN.md "SQLite under concurrent writes", docs/operations.md):
# IMMEDIATE takes the write lock when a transaction begins, because a
# deferred one that read first cannot upgrade its lock and fails at once
# with "database is locked"; writers then queue for up to `timeout` seconds;
# WAL lets readers go on while one writes.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_VALIDATORS = "django.contrib.auth.password_validation."
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": _VALIDATORS + "UserAttributeSimilarityValidator"},
    {"NAME": _VALIDATORS + "MinimumLengthValidator"},
    {"NAME": _VALIDATORS + "CommonPasswordValidator"},
    {"NAME": _VALIDATORS + "NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Languages: Finnish is the default and the source language of content,
# Swedish is served on equal terms (Language Act).
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
# Numbers as Finnish and Swedish write them: decimal comma, thin-space
# thousands (website/formats/); grouping is asked for where a figure is shown
# (number_format(..., force_grouping=True)), so years stay "2024".
FORMAT_MODULE_PATH = ["website.formats"]
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Staff may use the admin in Finnish, Swedish or English.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("fi", "Suomi"),
    ("sv", "Svenska"),
    ("en", "English"),
]
WAGTAIL_SITE_NAME = "Yhdessä – Tillsammans"
# Public base URL: every absolute link (e-mails, QR codes) starts with it.
WAGTAILADMIN_BASE_URL = env.SITE_URL
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

STATIC_URL = "/static/"
STATIC_ROOT = env.STATIC_ROOT or BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.MEDIA_ROOT or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Cache: local memory unless REDIS_URL is set.
if env.REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env.REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rendered pages for anonymous visitors, in the same store under their own
# key function (a generation number that publishing bumps).
CACHES["pages"] = {
    **CACHES["default"],
    "LOCATION": CACHES["default"].get("LOCATION", "pages"),
    "KEY_FUNCTION": "website.core.page_cache.make_key",
}
CACHE_MIDDLEWARE_ALIAS = "pages"
CACHE_MIDDLEWARE_KEY_PREFIX = "page"
CACHE_MIDDLEWARE_SECONDS = env.PAGE_CACHE_SECONDS
if not CACHE_MIDDLEWARE_SECONDS:  # PAGE_CACHE_SECONDS=0 turns the page cache off
    MIDDLEWARE = [m for m in MIDDLEWARE if "page_cache" not in m]

# Background work: immediate by default; production uses the database backend
# (django-tasks-db) and the Procfile's worker (`manage.py db_worker`).
TASKS = {
    "default": {
        "BACKEND": env.or_default(
            env.TASKS_BACKEND, "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}
# /readyz: the worker must have run the heartbeat task within this many seconds.
WORKER_HEARTBEAT_MAX_AGE = env.WORKER_HEARTBEAT_MAX_AGE

# Search: one backend per content language, see website/search/README in
# docs/architecture.md. Each translatable object is indexed only in the
# backend of its own locale, because the database backends share one index
# table and one SEARCH_CONFIG each (wagtail/wagtail#9253).
ELASTICSEARCH_URL = env.ELASTICSEARCH_URL
from website.search.backends import build_search_backends  # noqa: E402

WAGTAILSEARCH_BACKENDS = build_search_backends(ELASTICSEARCH_URL)
SEARCH_BACKEND_FOR_LANGUAGE = {"fi": "default", "sv": "sv"}

# E-mail (website/core/mail.py, docs/operations.md ("Mail")): every message,
# ours and allauth's or Wagtail's, is queued in the database outbox
# (django-post-office's tables); the deliver-mail task sends it through the
# transport named by EMAIL_BACKEND in the environment (console by default,
# SMTP in production) and retries with a growing interval.
EMAIL_BACKEND = "website.core.mail.QueueBackend"
POST_OFFICE = {
    "BACKENDS": {
        "default": env.or_default(
            env.EMAIL_BACKEND, "django.core.mail.backends.console.EmailBackend"
        )
    },
    # Failed attempts retried before a message is marked failed.
    "MAX_RETRIES": 10,
    "LOG_LEVEL": 2,
}
# Wait after the n-th failure: first * 2**(n-1), at most the second value
# (1, 2, 4 … 60 minutes: ten retries span about five hours).
MAIL_RETRY_SECONDS = (env.MAIL_RETRY_FIRST_SECONDS, env.MAIL_RETRY_MAX_SECONDS)
# A claimed message belongs to its worker this long; if the worker dies, it
# is sent after that. Longer than one SMTP conversation (EMAIL_TIMEOUT).
MAIL_CLAIM_SECONDS = env.MAIL_CLAIM_SECONDS
# Sent messages and delivery logs are deleted after this many days, failed
# ones after MAIL_KEEP_FAILED_DAYS (they hold addresses and personal text).
MAIL_KEEP_DAYS = 7
MAIL_KEEP_FAILED_DAYS = 30
# Readiness (check_outbox): not ready when a message failed for good within
# the hours given, or a due message has waited longer than the minutes given.
MAIL_READY_FAILED_HOURS = 24
MAIL_READY_QUEUED_MINUTES = 30
EMAIL_HOST = env.EMAIL_HOST
EMAIL_PORT = env.EMAIL_PORT
EMAIL_HOST_USER = env.EMAIL_HOST_USER
EMAIL_HOST_PASSWORD = env.EMAIL_HOST_PASSWORD
EMAIL_USE_TLS = env.or_default(env.EMAIL_USE_TLS, False)
EMAIL_TIMEOUT = env.EMAIL_TIMEOUT
DEFAULT_FROM_EMAIL = env.DEFAULT_FROM_EMAIL
MAIL_REPLY_TO = env.MAIL_REPLY_TO
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Accounts (django-allauth): e-mail login with verification.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# Shown wherever allauth names an account (e-mails, the confirm page): the
# address, never the generated username.
ACCOUNT_USER_DISPLAY = "website.core.accounts.user_display"
# Confirming the address in the browser that signed up finishes the sign-up
# there and goes on to the page it started from (`next`).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "10/h/ip",
    # Public forms (website.core.antispam): over the rate, a captcha appears.
    "feedback": "20/h/ip",
    "workshop_signup": "10/h/ip",
    "panel_join": "10/h/ip",
    # "Send the link again" (panels): a captcha past the rate per client, and
    # silently no more mail to one address past its own rate (finding 10).
    "panel_resend": "5/h/ip",
    "panel_resend_address": "3/h/key",
    # Browser CSP violation reports (website.core.views.csp_report).
    "csp_report": "60/m/ip",
}
# Two-factor authentication (TOTP) for every account that can use the admin
# (website/core/mfa.py). On in production; off here so that the demo
# logins of `make demo` and the tests work with a password alone.
MFA_REQUIRED_FOR_STAFF = env.or_default(env.MFA_REQUIRED_FOR_STAFF, False)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Yhdessä"
# Proxies we run in front of the app (load balancer, front cache): the client
# is the N-th X-Forwarded-For entry from the right (website/core/client_ip.py).
# allauth reads this name; website.core.checks refuses dead spellings.
ALLAUTH_TRUSTED_PROXY_COUNT = env.TRUSTED_PROXY_COUNT
# Points allauth's client IP (its rate limits) at website.core.client_ip.
ACCOUNT_ADAPTER = "website.core.accounts.AccountAdapter"
# Public accounts are association representatives: after signing in they
# land on their associations.
LOGIN_REDIRECT_URL = "association_selfservice:dashboard"
# A URL name, so that login_required sends people to /fi/… or /sv/….
LOGIN_URL = "account_login"

# Time trap: a post sooner than this after the form was rendered is a bot.
# One second for every form: a resident answers "Was this page helpful?"
# with one click, often 1.5 s after the page loads, and bots that fill forms
# post within milliseconds (website/core/antispam.py).
SPAM_MIN_FILL_SECONDS = env.SPAM_MIN_FILL_SECONDS
# Captcha is the escalation step only (its audio is English-only).
CAPTCHA_FONT_SIZE = 32

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "website.core.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Association map tiles: any XYZ tile server. The list and the filters work
# without them; the map is an addition for those who can use it.
MAP_TILE_URL = env.MAP_TILE_URL
MAP_TILE_ATTRIBUTION = env.MAP_TILE_ATTRIBUTION
_tiles = urlsplit(MAP_TILE_URL.replace("{s}.", "*."))
MAP_TILE_ORIGIN = f"{_tiles.scheme}://{_tiles.netloc}"

# Feedback and NPS (docs/feedback.md): retention of free text and contact
# details, reminder delay, and the origins that may embed the feedback form.
FEEDBACK_RETENTION_DAYS = env.FEEDBACK_RETENTION_DAYS
FEEDBACK_REMINDER_DAYS = env.FEEDBACK_REMINDER_DAYS
FEEDBACK_EMBED_ORIGINS = env.FEEDBACK_EMBED_ORIGINS
FEEDBACK_FALLBACK_EMAILS = env.FEEDBACK_FALLBACK_EMAILS

# Content-Security-Policy (django-csp) for the public site: no inline or
# third-party scripts or styles at all; charts are data: images. The Wagtail
# admin is left out because it still ships inline scripts of its own.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", MAP_TILE_ORIGIN],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        # Violations are reported to website.core.views.csp_report:
        # report-to (named in the Reporting-Endpoints header) for current
        # browsers, report-uri for those without the Reporting API.
        "report-to": "csp",
        "report-uri": ["/csp-report/"],
    },
}
# Browser features off for every page and frame (website/core/headers.py).
# Nothing here uses them; the association map shows places but never asks
# for the visitor's location, so geolocation is off too.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
}
# CSP reports: bodies larger than this are refused unread.
CSP_REPORT_MAX_BYTES = 16 * 1024

# Workshops: sign-ups' personal data is anonymised this many days after the
# workshop (participation/workshops/retention.py, docs/workshops.md).
WORKSHOP_RETENTION_DAYS = env.WORKSHOP_RETENTION_DAYS

# Association representatives' personal data (website/associations/
# retention.py, docs/privacy.md): decided change requests, old requests to
# represent and entries without a representative are purged after
# ASSOCIATION_RETENTION_DAYS; accounts never verified after
# ASSOCIATION_UNVERIFIED_ACCOUNT_DAYS. Run daily by "purge-associations".
ASSOCIATION_RETENTION_DAYS = env.ASSOCIATION_RETENTION_DAYS
ASSOCIATION_UNVERIFIED_ACCOUNT_DAYS = env.ASSOCIATION_UNVERIFIED_ACCOUNT_DAYS

# Staff uploads (website/core/uploads.py): office documents and PDFs only
# (no HTML or SVG served from our origin), and size limits.
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "odp",
    "csv",
    "txt",
]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "website.core.uploads.DocumentForm"
DOCUMENT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# Demo content of the participation side, loaded by `load_demo` after the
# publishing side (each module has `load(home_fi, fi, sv)` returning counts).
DEMO_CONTENT_LOADERS = [
    "participation.workshops.demo",
    "participation.panels.demo",
    "feedback.demo",
    "participation.analytics.demo",
]

# Periodic jobs run by `manage.py scheduler` (the Procfile's scheduler):
# (name, every N seconds, dotted path of a django-tasks task to enqueue).
# Each management command of the same job calls the same function.
_HOUR, _DAY = 3600, 24 * 3600
SCHEDULED_JOBS = [
    ("worker_heartbeat", 60, "website.core.tasks.worker_heartbeat"),
    ("clear_sessions", _DAY, "website.core.tasks.clear_sessions"),
    ("prune_task_results", _DAY, "website.core.tasks.prune_task_results"),
    ("feedback_reminders", _DAY, "feedback.jobs.send_feedback_reminders"),
    ("feedback_purge", _DAY, "feedback.jobs.purge_feedback"),
    ("workshop_reminders", _HOUR, "participation.workshops.jobs.queue_reminders"),
    ("workshop_anonymise", _DAY, "participation.workshops.jobs.anonymise_signups"),
    ("panel_rounds_close", 300, "participation.panels.jobs.close_rounds"),
    ("panel_purge", _DAY, "participation.panels.jobs.purge_panel_data"),
    # Retention of association representatives' data (website/associations/).
    ("purge-associations", _DAY, "website.associations.tasks.purge_associations"),
    # Backups (website/core/backup.py, docs/operations.md): database and
    # media into BACKUP_DIR once a day, the newest BACKUP_KEEP kept.
    ("backup", _DAY, "website.core.backup.scheduled_backup"),
]
BACKUP_DIR = Path(env.BACKUP_DIR or BASE_DIR / "backups")
BACKUP_KEEP = env.BACKUP_KEEP
# Checks behind /readyz: dotted paths of callables returning (ok, detail).
READINESS_CHECKS = [
    "website.core.health.check_database",
    "website.core.health.check_cache",
    "website.core.health.check_migrations",
    "website.core.health.check_worker",
]
# The mail outbox: deliver (and retry) every minute, purge old mail hourly.
SCHEDULED_JOBS += [
    ("deliver-mail", 60, "website.core.mail.deliver_mail"),
    ("purge-mail", 3600, "website.core.mail.purge_mail_task"),
]
READINESS_CHECKS += ["website.core.mail.check_outbox"]

# Logs: "text" here, one JSON object per line in production (LOG_FORMAT);
# every line carries the request id of the request it belongs to.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "website.core.request_log.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env.or_default(env.LOG_FORMAT, "text"),
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        name: {"level": env.LOG_LEVEL}
        for name in ("website.request", "website.scheduler", "django_tasks_db")
    },
}

# Page models replace Page.search_fields' title SearchField with an analysed
# copy (website.search.fields.analyzed), which this identity check reports.
SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]

# Resident panels (participation.panels, docs/panels.md).
PANEL_MIN_GROUP_SIZE = env.PANEL_MIN_GROUP_SIZE
PANEL_CONFIRM_MAX_AGE = 7 * 24 * 3600  # double opt-in link, seconds
PANEL_LINK_MAX_AGE = 365 * 24 * 3600  # member self-service link, seconds
PANEL_RETENTION_DAYS_UNCONFIRMED = 14
PANEL_RETENTION_DAYS_NOT_SELECTED = env.PANEL_RETENTION_DAYS_NOT_SELECTED
PANEL_RETENTION_DAYS_LEFT = env.PANEL_RETENTION_DAYS_LEFT

# Published participation figures (website.core.disclosure, docs/analytics.md):
# no published number may rest on, or let anyone compute, a group of fewer
# people than this. The admin dashboard shows exact counts to analysts.
PARTICIPATION_MIN_GROUP_SIZE = 5
# Below this many scored answers the dashboard gives no confidence interval.
ANALYTICS_NPS_MIN_N = 30
# Years the analytics period fields accept (a date outside is a form error).
ANALYTICS_FIRST_YEAR = 2000
# Audit findings 2 and 3: bounds of a panel answer and of a resident's party.
PANEL_ANSWER_MAX_LENGTH = 4000  # characters of one free-text answer
WORKSHOP_MAX_COMPANIONS = 3  # a resident signs up themselves and at most this many


# The open read API (website/api, docs/api.md): anonymous, read-only, no
# session or cookie, so the page cache keeps its answers like pages'.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "website.api.pagination.Pagination",
    "DEFAULT_THROTTLE_CLASSES": ["website.api.throttling.ClientRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"client": env.API_RATE_LIMIT},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Yhdessä – Tillsammans open data API",
    "DESCRIPTION": (
        "Read-only open data of the welfare area's health and wellbeing "
        "promotion: the welfare plan, indicators, programme status cards, "
        "associations, upcoming workshops and the participation summary. "
        "Finnish or Swedish by `?lang=fi|sv` or `Accept-Language`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["website.api.schema.only_open_api"],
    "ENUM_NAME_OVERRIDES": {"MeasureStatusEnum": "website.plan.models.MeasureStatus"},
    "LICENSE": {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    },
}
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
