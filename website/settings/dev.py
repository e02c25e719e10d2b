"""Local demo / development: SQLite, console e-mail, DEBUG on."""

from . import environment as env
from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = env.SECRET_KEY or "dev-only-not-secret"
ALLOWED_HOSTS = ["*"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# runserver serves static files itself.
MIDDLEWARE = [m for m in MIDDLEWARE if "whitenoise" not in m]  # noqa: F405
