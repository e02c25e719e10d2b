"""Audit 15: Permissions-Policy on every response; CSP violations reported
to our own size- and rate-limited endpoint, logged without personal data."""

import json
import logging

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

OFF = ("camera", "microphone", "geolocation", "payment", "usb")


def features(header):
    return dict(part.strip().split("=", 1) for part in header.split(","))


@pytest.mark.parametrize(
    "url,status",
    [("/fi/", 200), ("/sv/", 200), ("/fi/ei-ole/", 404), ("/fi/palaute/upotus/", 200)],
)
def test_public_responses_switch_off_browser_features(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    policy = features(response["Permissions-Policy"])
    for feature in OFF:
        assert policy[feature] == "()"
    # The policy names its report endpoint in both ways browsers read.
    csp = response["Content-Security-Policy"]
    assert "report-to csp" in csp and "report-uri /csp-report/" in csp
    assert response["Reporting-Endpoints"] == 'csp="/csp-report/"'


def test_the_admin_gets_the_permissions_policy_but_no_csp(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert features(response["Permissions-Policy"])["camera"] == "()"
    assert "Content-Security-Policy" not in response
    assert "Reporting-Endpoints" not in response


def test_the_association_map_needs_no_geolocation(client):
    from website.associations.models import AssociationMapPage

    page = AssociationMapPage.objects.live().first()
    response = client.get(page.url)
    assert features(response["Permissions-Policy"])["geolocation"] == "()"


REPORT_URI_BODY = {
    "csp-report": {
        "document-uri": "http://testserver/fi/paneelit/m/abc123secret/?email=a@b.fi",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "https://evil.example/x.js?session=s3cret",
        "script-sample": "alert('henkilötunnus 010101-123A')",
    }
}
REPORT_TO_BODY = [
    {
        "type": "csp-violation",
        "url": "http://testserver/fi/",
        "body": {
            "documentURL": "http://testserver/fi/?q=Matti+Meikäläinen",
            "effectiveDirective": "img-src",
            "blockedURL": "https://tracker.example/pixel.gif?id=42",
        },
    },
    {"type": "deprecation", "body": {"id": "x"}},
]


def post_report(client, body, content_type="application/csp-report", **extra):
    return client.post(
        "/csp-report/",
        json.dumps(body),
        content_type=content_type,
        REMOTE_ADDR="198.51.100.23",
        **extra,
    )


def test_reports_are_accepted_without_csrf_and_logged_without_personal_data(caplog):
    client = Client(enforce_csrf_checks=True)
    with caplog.at_level(logging.WARNING, logger="website.csp"):
        assert post_report(client, REPORT_URI_BODY).status_code == 204
        response = post_report(client, REPORT_TO_BODY, "application/reports+json")
        assert response.status_code == 204
    messages = [r.getMessage() for r in caplog.records if r.name == "website.csp"]
    assert len(messages) == 2  # the deprecation report is not a CSP one
    assert "script-src-elem" in messages[0] and "https://evil.example" in messages[0]
    assert "panels:self_service" in messages[0]  # the view, not its token
    assert "img-src" in messages[1] and "https://tracker.example" in messages[1]
    assert "/fi/" in messages[1]
    logged = " ".join(messages)
    for secret in (
        "abc123secret",
        "a@b.fi",
        "s3cret",
        "010101",
        "Matti",
        "id=42",
        "198.51.100.23",
    ):
        assert secret not in logged


def test_large_garbage_and_non_posts_are_refused(client):
    big = {"csp-report": {"blocked-uri": "x" * 20000}}
    assert post_report(client, big).status_code == 413
    garbage = client.post("/csp-report/", "{nope", content_type="application/json")
    assert garbage.status_code == 400
    assert post_report(client, ["a", 1]).status_code == 204
    assert post_report(client, "just a string").status_code == 400
    assert client.get("/csp-report/").status_code == 405


@override_settings(ACCOUNT_RATE_LIMITS={"csp_report": "2/m/ip"})
def test_reports_are_rate_limited_per_client(client):
    cache.clear()
    statuses = [post_report(client, REPORT_URI_BODY).status_code for _ in range(3)]
    assert statuses == [204, 204, 429]
    other = client.post(
        "/csp-report/",
        json.dumps(REPORT_URI_BODY),
        content_type="application/csp-report",
        REMOTE_ADDR="198.51.100.24",
    )
    assert other.status_code == 204
