"""The environment of a complete production configuration, for tests that
start processes under website.settings.production (tests may set the
environment of their subprocesses; the code base reads it only in
website/settings/environment.py)."""

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Every variable production requires (REQUIRED_IN_PRODUCTION), with values
# that need no outside service until a request uses them. Redis database 1
# is the tests' own.
REQUIRED = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": "sqlite://:memory:",
    "ALLOWED_HOSTS": "hyvinvointi.example.fi",
    "SITE_URL": "https://hyvinvointi.example.fi",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
    "EMAIL_HOST": "127.0.0.1",
    "DEFAULT_FROM_EMAIL": "Yhdessä <no-reply@hyvinvointi.example.fi>",
}


def production_env(**extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "PYTHONPATH": str(ROOT),
        **REQUIRED,
        **extra,
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the test settings
    return {name: value for name, value in env.items() if value is not None}
