"""Security headers on real responses: the test settings for the public site
and the admin, and the production settings in a subprocess."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db


def directives(header):
    return {
        part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()
    }


@pytest.mark.parametrize("url", ["/fi/", "/sv/", "/fi/haku/?q=liikunta"])
def test_public_pages_send_a_strict_content_security_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "data:" in policy["img-src"]  # the report's charts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_public_templates_have_no_inline_scripts_or_styles(client, goal_pages):
    for url in ("/fi/", goal_pages[1][0].url, goal_pages[1][1].url):
        html = client.get(url).content.decode()
        assert "<script" not in html
        assert " style=" not in html


def test_admin_is_left_out_of_the_policy_but_not_framable(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"


def test_production_responses_force_https_hsts_and_csp():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "x" * 60 + "-production-like-secret-key-for-the-probe",
        "ALLOWED_HOSTS": "hyvinvointi.example.fi",
        "DATABASE_URL": "sqlite://:memory:",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "production_probe.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    status, headers = probe["plain"]
    assert status == 301
    assert headers["Location"] == "https://hyvinvointi.example.fi/fi/"
    status, headers = probe["secure"]
    hsts = headers["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts and "preload" in hsts
    assert directives(headers["Content-Security-Policy"])["script-src"] == ["'self'"]
    assert headers["Referrer-Policy"] == "same-origin"
