"""Forms without friction (issue 20) in a real browser, in fi and sv:
after a failed submit the error summary has focus and its links move focus
to the fields; the panel's strata start empty; the character counter."""

import pytest

from feedback.models import FeedbackFormPage
from participation.panels.demo import SLUG
from tests.quality_tools import AXE, node_tool

from .test_accessibility import BLOCKING, RUN_AXE, WCAG_TAGS

pytestmark = pytest.mark.browser

PANEL_PATH = {"fi": f"/fi/paneelit/{SLUG}/", "sv": f"/sv/paneler/{SLUG}/"}
COUNTER = {"fi": "4995 merkkiä jäljellä", "sv": "4995 tecken kvar"}


def active_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def serious_violations(page):
    page.add_script_tag(path=str(node_tool(AXE)))
    return [
        (v["id"], v["nodes"])
        for v in page.evaluate(RUN_AXE, WCAG_TAGS)
        if v["impact"] in BLOCKING
    ]


def submit_empty(page, form_selector):
    # Past the time trap (SPAM_MIN_FILL_SECONDS), so the fields' own errors
    # are what comes back.
    page.wait_for_timeout(1200)
    page.locator(f"{form_selector} button[type=submit]").first.click()
    page.locator("#error-summary").wait_for()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_error_summary_takes_focus_and_links_to_fields(demo_server, browser, language):
    # bypass_csp only lets the test inject axe-core (test_accessibility.py).
    context = browser.new_context(locale=f"{language}-FI", bypass_csp=True)
    page = context.new_page()
    try:
        # The feedback form.
        form_page = FeedbackFormPage.objects.get(locale__language_code=language)
        page.goto(demo_server.url + form_page.url)
        assert page.locator("select[name=unit]").input_value() == ""
        assert page.locator("select[name=unit] optgroup").count() > 1
        page.locator("textarea[name=text]").fill("Hello")
        page.get_by_text(COUNTER[language]).wait_for()
        submit_empty(page, "form.feedback-form")
        assert active_id(page) == "error-summary"
        summary = page.locator("#error-summary")
        summary.locator("a[href='#id_unit']").click()
        assert active_id(page) == "id_unit"
        summary.locator("a[href='#id_nps_0']").click()
        assert active_id(page) == "id_nps_0"
        assert serious_violations(page) == []

        # The panel join form: every choice starts empty.
        page.goto(demo_server.url + PANEL_PATH[language])
        assert page.locator("select[name=municipality]").input_value() == ""
        assert page.locator("select[name=age_group]").input_value() == ""
        assert page.locator("form.panel-form input[type=radio]:checked").count() == 0
        submit_empty(page, "form.panel-form")
        assert active_id(page) == "error-summary"
        summary = page.locator("#error-summary")
        summary.locator("a[href='#id_municipality']").click()
        assert active_id(page) == "id_municipality"
        summary.locator("a[href='#id_language_0']").click()
        assert active_id(page) == "id_language_0"
        assert serious_violations(page) == []
    finally:
        context.close()
    # Without JavaScript `autofocus` alone puts the focus on the summary.
    context = browser.new_context(locale=f"{language}-FI", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(demo_server.url + PANEL_PATH[language])
        submit_empty(page, "form.panel-form")
        assert active_id(page) == "error-summary"
    finally:
        context.close()
