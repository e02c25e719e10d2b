"""Run under website.settings.production by tests/test_security.py: prints the
headers of real responses as JSON. Needs only an empty database."""

import json
import sys
from pathlib import Path

# Python puts this script's directory (tests/) first on sys.path, where the
# test package tests/feedback/ would shadow the top-level `feedback` app.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]

import django  # noqa: E402

django.setup()
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

# Only the static files storage differs: the manifest needs collectstatic.
storages = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
call_command("migrate", verbosity=0)
with override_settings(STORAGES=storages):
    client = Client()
    plain = client.get("/fi/", HTTP_HOST="hyvinvointi.example.fi")
    secure = client.get("/", secure=True, HTTP_HOST="hyvinvointi.example.fi")
print(
    json.dumps(
        {
            "plain": [plain.status_code, dict(plain.headers)],
            "secure": [secure.status_code, dict(secure.headers)],
        }
    )
)
