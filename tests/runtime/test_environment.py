"""One module reads the environment (website/settings/environment.py)."""

import json
import re
import subprocess
import sys
from pathlib import Path

from tests.production_env import production_env

ROOT = Path(__file__).resolve().parents[2]
CODE = ["website", "participation", "feedback"]


def test_only_the_environment_module_reads_the_environment():
    readers = re.compile(r"os\.environ\b|os\.getenv\b|getenv\(")
    allowed = {
        ROOT / "website/settings/environment.py",
        # DJANGO_SETTINGS_MODULE defaults of the entry points.
        ROOT / "website/wsgi.py",
        ROOT / "website/asgi.py",
        # The test settings let the live server's thread use the ORM.
        ROOT / "website/settings/test.py",
        # Hands the environment on to pg_dump/pg_restore (PATH, locale)
        # with the database's libpq variables added; reads no setting.
        ROOT / "website/core/backup.py",
    }
    found = [
        str(path.relative_to(ROOT))
        for package in CODE
        for path in (ROOT / package).rglob("*.py")
        if path not in allowed and readers.search(path.read_text())
    ]
    assert found == []


def settings_of(env, *names):
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps([getattr(settings, n) for n in {list(names)!r}]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_demo_links_to_the_port_it_serves():
    env = production_env(DJANGO_SETTINGS_MODULE="website.settings.dev", PORT="8123")
    del env["SITE_URL"]
    assert settings_of(env, "WAGTAILADMIN_BASE_URL") == ["http://127.0.0.1:8123"]


def test_production_uses_the_configured_services_and_never_the_fallbacks():
    env = production_env(DATABASE_URL="postgres://u@db.example.fi:5432/yhdessa")
    databases, caches, email, tasks, base_url, log_format = settings_of(
        env,
        "DATABASES",
        "CACHES",
        "POST_OFFICE",
        "TASKS",
        "WAGTAILADMIN_BASE_URL",
        "LOGGING",
    )
    assert databases["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert databases["default"]["HOST"] == "db.example.fi"
    assert caches["default"]["BACKEND"].endswith("RedisCache")
    # Mail is queued (EMAIL_BACKEND) and delivered over SMTP, never the console.
    assert email["BACKENDS"]["default"] == "django.core.mail.backends.smtp.EmailBackend"
    assert tasks["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert base_url == "https://hyvinvointi.example.fi"
    assert log_format["handlers"]["console"]["formatter"] == "json"
