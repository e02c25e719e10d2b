"""The Nu HTML Checker on the public forms in their error state and on the
panel self-service confirmation step (issue 20), in Finnish and Swedish."""

import json
import subprocess

import pytest
from django.utils import translation

from feedback.models import FeedbackFormPage
from participation.panels import services
from participation.panels.models import Member, Panel
from tests.quality_tools import VNU, java, node_tool
from website.core.antispam import TIMESTAMP_FIELD, started_token

pytestmark = pytest.mark.django_db


def _posts(language):
    panel = Panel.objects.order_by("pk")[0]
    prefix = {"fi": "/fi/paneelit/", "sv": "/sv/paneler/"}[language]
    with translation.override(language):
        panel_url = panel.route_url()
    member = Member.objects.filter(panel=panel, left_at=None).first()
    token = services.member_token(member, services.SELF_SERVICE_SALT)
    form_page = FeedbackFormPage.objects.live().get(locale__language_code=language)
    stamp = {TIMESTAMP_FIELD: started_token(seconds_ago=10)}
    return [
        ("feedback form", form_page.url, {**stamp, "text": "x", "contact_email": "@"}),
        ("panel join", panel_url, {**stamp, "email": "x"}),
        (
            "panel self-service, confirm",
            f"{prefix}m/{token}/",
            {
                "action": "update",
                "email": member.email,
                "name": "Uusi Nimi",
                "municipality": member.municipality_id,
                "age_group": member.age_group,
                "language": member.language,
            },
        ),
    ]


def test_form_error_states_are_valid_html(client, tmp_path):
    pages = {}
    for language in ("fi", "sv"):
        for name, url, data in _posts(language):
            response = client.post(url, data)
            html = response.content.decode()
            expected = "Uusi Nimi" if "confirm" in name else 'id="error-summary"'
            assert expected in html, (name, language)
            path = tmp_path / f"{len(pages):02d}-{language}.html"
            path.write_bytes(response.content)
            pages[path.name] = f"{name} ({language})"
    result = subprocess.run(
        [java(), "-Xss4m", "-jar", str(node_tool(VNU)), "--errors-only"]
        + ["--format", "json"]
        + sorted(str(tmp_path / name) for name in pages),
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = [
        f"{pages.get(m.get('url', '').rsplit('/', 1)[-1])}: {m['message']}"
        for m in report["messages"]
        if m["type"] in {"error", "non-document-error"}
    ]
    assert not errors, "\n".join(errors)
    assert len(pages) == 6
