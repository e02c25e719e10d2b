import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.production_env import production_env

ROOT = Path(__file__).resolve().parent.parent


def test_base_settings_have_no_debug_and_no_secret():
    from website.settings import base

    assert base.DEBUG is False
    assert base.SECRET_KEY == os.environ.get("SECRET_KEY", "")


def test_languages_are_finnish_then_swedish():
    assert settings.LANGUAGE_CODE == "fi"
    assert [code for code, _ in settings.LANGUAGES] == ["fi", "sv"]
    assert settings.WAGTAIL_I18N_ENABLED


def test_production_settings_pass_check_deploy():
    env = production_env()
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env(SECRET_KEY=None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_no_missing_migrations():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
