"""Settings shared by every environment.

Everything that differs between machines comes from the environment (see
.env.example). Nothing here is secret and DEBUG is off: dev.py and test.py
switch on what they need.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first: website.search overrides modelsearch's update_index.
    "website.core",
    "website.home",
    "website.indicators",
    "website.plan",
    "website.programs",
    "website.associations",
    "website.report",
    "website.search",
    "participation.workshops",
    "participation.panels",
    "participation.analytics",
    "feedback",
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
]

MIDDLEWARE = [
    # Whole pages for anonymous visitors (website/core/page_cache.py).
    "website.core.page_cache.UpdatePageCache",
    "django.middleware.security.SecurityMiddleware",
    # Early, so that it also sees the responses that later middleware
    # replaces (e.g. LocaleMiddleware's language redirects).
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
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
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
# The embedded SQLite default must hold a burst of concurrent writes
# (DESIGN.md "SQLite under concurrent writes", docs/operations-ops.md):
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
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Cache: local memory unless REDIS_URL is set.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
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
CACHE_MIDDLEWARE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
if not CACHE_MIDDLEWARE_SECONDS:  # PAGE_CACHE_SECONDS=0 turns the page cache off
    MIDDLEWARE = [m for m in MIDDLEWARE if "page_cache" not in m]

# Background work: immediate by default; production uses the database backend
# and `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Search: one backend per content language, see website/search/README in
# docs/architecture.md. Each translatable object is indexed only in the
# backend of its own locale, because the database backends share one index
# table and one SEARCH_CONFIG each (wagtail/wagtail#9253).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
from website.search.backends import build_search_backends  # noqa: E402

WAGTAILSEARCH_BACKENDS = build_search_backends(ELASTICSEARCH_URL)
SEARCH_BACKEND_FOR_LANGUAGE = {"fi": "default", "sv": "sv"}

# E-mail: console by default.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Yhdessä <no-reply@yhdessa.example>"
)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Accounts (django-allauth): e-mail login with verification.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "10/h/ip",
    # Public forms (website.core.antispam): over the rate, a captcha appears.
    "feedback": "20/h/ip",
    "workshop_signup": "10/h/ip",
    "panel_join": "10/h/ip",
}
# Two-factor authentication (TOTP) for every account that can use the admin
# (website/core/mfa.py). On in production; off here so that the demo
# logins of `make demo` and the tests work with a password alone.
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", False)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Yhdessä"
ACCOUNT_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Public accounts are association representatives: after signing in they
# land on their associations.
LOGIN_REDIRECT_URL = "association_selfservice:dashboard"
# A URL name, so that login_required sends people to /fi/… or /sv/….
LOGIN_URL = "account_login"

# Time trap: a person needs at least this long to fill a public form.
SPAM_MIN_FILL_SECONDS = int(os.environ.get("SPAM_MIN_FILL_SECONDS", "3"))
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
MAP_TILE_URL = os.environ.get(
    "MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors"
)
_tiles = urlsplit(MAP_TILE_URL.replace("{s}.", "*."))
MAP_TILE_ORIGIN = f"{_tiles.scheme}://{_tiles.netloc}"

# Feedback and NPS (docs/feedback.md): retention of free text and contact
# details, reminder delay, and the origins that may embed the feedback form.
FEEDBACK_RETENTION_DAYS = int(os.environ.get("FEEDBACK_RETENTION_DAYS", "1095"))
FEEDBACK_REMINDER_DAYS = int(os.environ.get("FEEDBACK_REMINDER_DAYS", "5"))
FEEDBACK_EMBED_ORIGINS = env_list("FEEDBACK_EMBED_ORIGINS")
FEEDBACK_FALLBACK_EMAILS = env_list("FEEDBACK_FALLBACK_EMAILS")

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
    },
}

# Workshops: sign-ups' personal data is anonymised this many days after the
# workshop (participation/workshops/retention.py, docs/workshops.md).
WORKSHOP_RETENTION_DAYS = int(os.environ.get("WORKSHOP_RETENTION_DAYS", "90"))

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
SCHEDULED_JOBS = []

# Backups (website/core/backup.py, docs/operations-ops.md): database and
# media into BACKUP_DIR once a day, the newest BACKUP_KEEP kept.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "7"))
SCHEDULED_JOBS += [("backup", 86400, "website.core.backup.scheduled_backup")]
# Checks behind /readyz: dotted paths of callables returning (ok, detail).
READINESS_CHECKS = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Page models replace Page.search_fields' title SearchField with an analysed
# copy (website.search.fields.analyzed), which this identity check reports.
SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]

# Resident panels (participation.panels, docs/panels.md).
PANEL_MIN_GROUP_SIZE = int(os.environ.get("PANEL_MIN_GROUP_SIZE", "5"))
PANEL_CONFIRM_MAX_AGE = 7 * 24 * 3600  # double opt-in link, seconds
PANEL_LINK_MAX_AGE = 365 * 24 * 3600  # member self-service link, seconds
PANEL_RETENTION_DAYS_UNCONFIRMED = 14
PANEL_RETENTION_DAYS_NOT_SELECTED = int(
    os.environ.get("PANEL_RETENTION_DAYS_NOT_SELECTED", "180")
)
PANEL_RETENTION_DAYS_LEFT = int(os.environ.get("PANEL_RETENTION_DAYS_LEFT", "30"))
