"""Security headers on real responses: the test settings for the public site
and the admin, and the production settings in a subprocess."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.production_env import production_env

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
        # Scripts only from our own static files (the page widget's).
        scripts = re.findall(r"<script[^>]*>(.*?)</script>", html, re.S)
        assert scripts and not any(body.strip() for body in scripts)
        assert all(
            src.startswith("/static/")
            for src in re.findall(r'<script[^>]*\bsrc="([^"]*)"', html)
        )
        assert len(re.findall(r"<script\b", html)) == len(
            re.findall(r'<script[^>]*\bsrc="', html)
        )
        assert " style=" not in html


def test_admin_is_left_out_of_the_policy_but_not_framable(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"


def test_production_responses_force_https_hsts_and_csp():
    env = production_env()
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


def test_production_settings_pass_check_deploy_without_warnings():
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=180,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "WARNINGS" not in output and "ERRORS" not in output, output


def test_production_settings_verify_email_limit_logins_and_require_staff_mfa():
    code = (
        "import json; from django.conf import settings as s; print(json.dumps(["
        "s.ACCOUNT_EMAIL_VERIFICATION, s.ACCOUNT_RATE_LIMITS['login_failed'], "
        "s.MFA_REQUIRED_FOR_STAFF, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.DEBUG]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == ["mandatory", "5/5m/ip,5/5m/key", True, True, True, True, False]


def test_repeated_failed_logins_are_rate_limited(client, settings):
    from django.core.cache import cache

    cache.clear()
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/5m/ip,3/5m/key"}
    data = {"login": "admin@example.com", "password": "wrong-password"}
    statuses = []
    for _ in range(4):
        response = client.post("/fi/tili/login/", data)
        statuses.append(response.status_code)
    html = response.content.decode()
    assert statuses[:3] == [200, 200, 200]
    # The fourth attempt is refused before the password is checked, with a
    # message in Finnish; the right password does not get through either.
    assert response.status_code in (200, 429)
    assert "Liian monta" in html or response.status_code == 429, html[-2000:]
    blocked = client.post(
        "/fi/tili/login/", {"login": "admin@example.com", "password": "yhdessa-demo"}
    )
    assert "_auth_user_id" not in client.session
    assert blocked.status_code in (200, 429)
