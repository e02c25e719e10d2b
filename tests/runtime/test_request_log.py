"""One log line per request (website/core/request_log.py): the fields, the
request id, and nothing personal from the URL."""

import json
import logging

import pytest
from django.conf import settings
from django.utils.module_loading import import_string

pytestmark = pytest.mark.django_db


def json_lines(records):
    """The records as production writes them (the JSON formatter and the
    request id filter of settings.LOGGING)."""
    config = settings.LOGGING
    formatter_config = dict(config["formatters"]["json"])
    formatter = import_string(formatter_config.pop("()"))(**formatter_config)
    request_filter = import_string(config["filters"]["request_id"]["()"])()
    lines = []
    for record in records:
        request_filter.filter(record)
        lines.append(formatter.format(record))
    return lines


def request_records(caplog):
    return [r for r in caplog.records if r.name == "website.request"]


def test_each_request_logs_method_path_status_duration_and_request_id(client, caplog):
    caplog.set_level(logging.INFO, logger="website.request")
    response = client.get("/fi/?q=matti@example.fi")
    assert response.status_code == 200
    [record] = request_records(caplog)
    [line] = json_lines([record])
    data = json.loads(line)
    assert data["method"] == "GET"
    assert data["path"] == "/fi/"
    assert data["status"] == 200
    assert isinstance(data["duration_ms"], float)
    assert data["request_id"] == response["X-Request-ID"]
    assert len(data["request_id"]) == 32
    assert "matti" not in line and "q=" not in line


def test_a_sane_request_id_from_the_proxy_is_kept_and_a_bad_one_replaced(
    client, caplog
):
    caplog.set_level(logging.INFO, logger="website.request")
    kept = client.get("/fi/", HTTP_X_REQUEST_ID="lb-4f2a9c01-77")
    assert kept["X-Request-ID"] == "lb-4f2a9c01-77"
    replaced = client.get("/fi/", HTTP_X_REQUEST_ID="x\nforged log line")
    assert replaced["X-Request-ID"] != "x\nforged log line"
    assert "\n" not in replaced["X-Request-ID"]
    ids = [r.request_id for r in request_records(caplog)]
    assert ids == ["lb-4f2a9c01-77", replaced["X-Request-ID"]]


def test_a_personal_link_logs_its_route_not_its_token_or_address(client, caplog):
    from participation.workshops.models import SignUp
    from participation.workshops.tasks import cancel_token, cancel_url

    signup = SignUp.objects.filter(anonymised_at__isnull=True).exclude(email="")[0]
    token = cancel_token(signup)
    url = cancel_url(signup, "fi").removeprefix(settings.WAGTAILADMIN_BASE_URL)
    caplog.set_level(logging.INFO, logger="website.request")
    response = client.get(f"{url}?email={signup.email}")
    assert response.status_code == 200
    [line] = json_lines(request_records(caplog))
    data = json.loads(line)
    assert data["path"] == "/fi/tyopajat/peruminen/<str:token>/"
    assert token not in line
    assert signup.email not in line and signup.email.split("@")[0] not in line


def test_an_unresolved_path_has_token_and_address_segments_redacted(client, caplog):
    caplog.set_level(logging.INFO, logger="website.request")
    client.get("/fi/tyopajat/matti.meikalainen@example.fi/eyJzIjo1fQ:1vQ/")
    [line] = json_lines(request_records(caplog))
    data = json.loads(line)
    assert data["status"] == 404
    assert data["path"] == "/fi/tyopajat/<redacted>/<redacted>/"
    assert "example.fi" not in line and "eyJzIjo1fQ" not in line


def test_other_log_lines_of_a_request_carry_its_request_id(client, caplog, settings):
    settings.READINESS_CHECKS = ["tests.runtime.test_health.check_broken"]
    caplog.set_level(logging.INFO)
    response = client.get("/readyz", HTTP_X_REQUEST_ID="probe-000123")
    assert response.status_code == 503
    warning = next(r for r in caplog.records if r.name == "website.core.health")
    assert json.loads(json_lines([warning])[0])["request_id"] == "probe-000123"
