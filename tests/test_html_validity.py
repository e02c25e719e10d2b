"""The Nu HTML Checker (vnu-jar) on every public page type
(tests/public_urls.py) in Finnish and Swedish: zero errors. One JVM run over
all pages, because the JVM takes seconds to start."""

import json
import re
import subprocess

import pytest

from tests.public_urls import PAGE_TYPES, public_urls
from tests.quality_tools import VNU, java, node_tool

pytestmark = pytest.mark.django_db


EMBEDDED = {"feedback embed"}


def test_public_pages_are_valid_html(client, tmp_path):
    vnu = node_tool(VNU)
    java_bin = java()
    pages = {}
    statutory = {
        row[1:3]
        for row in public_urls()
        if row[0] in ("accessibility statement", "privacy notices", "cookies")
    }
    for index, (name, language, url, status) in enumerate(public_urls()):
        response = client.get(url)
        assert response.status_code == status, (name, url, response.status_code)
        # Every page's footer links the accessibility statement, the privacy
        # notices and the cookie page of its language (Act on Digital
        # Services, GDPR);
        # the embeddable feedback form lives inside another site's page.
        html = response.content.decode()
        if name not in EMBEDDED:
            footer = html.split('<footer class="site-footer">')[1]
            for lang, link in statutory:
                if lang == language:
                    assert f'href="{link}"' in footer, (name, language, link)
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower())
        path = tmp_path / f"{index:02d}-{slug}-{language}.html"
        path.write_bytes(response.content)
        pages[path.name] = f"{name} ({language}) {url}"
    result = subprocess.run(
        [java_bin, "-Xss4m", "-jar", str(vnu), "--errors-only", "--format", "json"]
        + sorted(str(tmp_path / name) for name in pages),
        capture_output=True,
        text=True,
        timeout=300,
    )
    # vnu writes its JSON report to stderr; exit status 1 means errors found.
    report = json.loads(result.stderr or result.stdout)
    errors = [
        message
        for message in report["messages"]
        if message["type"] in {"error", "non-document-error"}
    ]
    lines = []
    for message in errors:
        page = pages.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url"))
        lines.append(
            f"{page} line {message.get('lastLine', '?')}: {message['message']}"
            f"\n    {message.get('extract', '').strip()}"
        )
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(lines)
    assert len(pages) == 2 * len(PAGE_TYPES) >= 40
