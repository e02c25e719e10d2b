"""The main menu on a 390 px phone: a disclosure that works without
JavaScript, and by keyboard; fi and sv (issue 19 part 2). One test, so the
demo is loaded once."""

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.browser

NAMES = {
    "fi": {"summary": "Valikko", "menu": "Päävalikko", "trail": "Murupolku"},
    "sv": {"summary": "Meny", "menu": "Huvudmeny", "trail": "Brödsmulor"},
}


def _plan(language):
    return Page.objects.live().get(
        content_type__model="planpage", locale__language_code=language
    )


def _without_javascript(page, url, language):
    names = NAMES[language]
    plan = _plan(language)
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    menu = page.get_by_role("navigation", name=names["menu"])
    assert not menu.is_visible()
    page.locator("summary", has_text=names["summary"]).click()
    assert menu.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    menu.get_by_role("link", name=plan.title, exact=True).click()
    page.wait_for_url(f"**{plan.url}")
    assert page.locator("html").get_attribute("lang") == language
    trail = page.get_by_role("navigation", name=names["trail"])
    assert trail.locator("[aria-current=page]").inner_text() == plan.title


def _by_keyboard(page, url, language):
    names = NAMES[language]
    plan = _plan(language)
    page.goto(url)
    summary = page.locator("summary", has_text=names["summary"])
    for _ in range(15):
        page.keyboard.press("Tab")
        if summary.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab does not reach the menu button")
    page.keyboard.press("Enter")
    assert page.get_by_role("navigation", name=names["menu"]).is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == plan.url
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{plan.url}")
    # Space opens and closes the menu again.
    page.locator("summary", has_text=names["summary"]).focus()
    page.keyboard.press("Space")
    assert page.get_by_role("navigation", name=names["menu"]).is_visible()
    page.keyboard.press("Space")
    assert not page.get_by_role("navigation", name=names["menu"]).is_visible()


def test_menu_at_390_px_without_javascript_and_by_keyboard(demo_server, browser):
    for language in ("fi", "sv"):
        for check, javascript in ((_without_javascript, False), (_by_keyboard, True)):
            context = browser.new_context(
                java_script_enabled=javascript,
                viewport={"width": 390, "height": 844},
                locale=f"{language}-FI",
            )
            try:
                check(context.new_page(), f"{demo_server.url}/{language}/", language)
            finally:
                context.close()
