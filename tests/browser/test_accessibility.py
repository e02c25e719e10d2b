"""axe-core on every public page type (tests/public_urls.py), in Finnish and
Swedish: no serious or critical WCAG 2.1 A/AA violations."""

import pytest

from tests.public_urls import public_urls
from tests.quality_tools import AXE, node_tool

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + ": " + n.failureSummary),
  }));
}"""


def describe(name, language, url, violations):
    lines = [f"{name} ({language}) {url}:"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']}")
        lines.extend(f"      {node}" for node in v["nodes"])
    return "\n".join(lines)


def test_public_pages_have_no_serious_accessibility_violations(demo_server, browser):
    axe = node_tool(AXE)
    failures = []
    for language in ("fi", "sv"):
        # Our CSP (script-src 'self') rightly blocks the inline <script> that
        # add_script_tag() writes; bypass_csp lets the test inject axe-core
        # while the page itself is still served with the real policy.
        context = browser.new_context(locale=f"{language}-FI", bypass_csp=True)
        page = context.new_page()
        try:
            for name, lang, url, status in public_urls([language]):
                response = page.goto(demo_server.url + url)
                assert response.status == status, (name, url, response.status)
                page.add_script_tag(path=str(axe))
                violations = [
                    v
                    for v in page.evaluate(RUN_AXE, WCAG_TAGS)
                    if v["impact"] in BLOCKING
                ]
                if violations:
                    failures.append(describe(name, lang, url, violations))
        finally:
            context.close()
    assert not failures, "axe-core found serious or critical violations:\n" + (
        "\n".join(failures)
    )
