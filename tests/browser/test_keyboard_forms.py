"""Keyboard only: the feedback form, a workshop sign-up and a panel join are
completed with Tab, typing, Space, arrow keys and Enter, with visible focus
at every stop, and each really stores what was sent."""

import pytest

from tests.browser.test_keyboard import FOCUS
from tests.public_urls import PAGE_TYPES

pytestmark = pytest.mark.browser

FIELD = """() => {
  const e = document.activeElement;
  return {tag: e.tagName, type: (e.type || "").toLowerCase(), name: e.name || "",
          inMain: !!e.closest("main form"), checked: !!e.checked};
}"""


def fill_with_keyboard(page, limit=80):
    """Tab through the form in <main>, answering each field, until its submit
    button has focus. Returns the names of the fields answered."""
    answered = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        assert (focus["outline"] != "none" and focus["width"] >= 2) or (
            focus["shadow"] != "none"
        ), f"focus not visible on {focus}"
        field = page.evaluate(FIELD)
        if not field["inMain"]:
            continue
        kind, name = field["type"], field["name"]
        if field["tag"] == "BUTTON" or kind == "submit":
            return answered
        if name in answered and kind != "checkbox":
            continue
        if kind == "email":
            page.keyboard.type("nappaimisto@example.org")
        elif kind == "number":
            page.keyboard.type("1")
        elif field["tag"] == "TEXTAREA" or kind in ("text", "tel", ""):
            if name in ("name", "organisation_name", "attendees"):
                page.keyboard.type("Kaisa Näppäimistö")
            elif name == "business_id":
                page.keyboard.type("0112038-9")
            elif name not in ("homepage",):
                page.keyboard.type("Hyvä palvelu, kiitos.")
        elif field["tag"] == "SELECT":
            page.keyboard.press("ArrowDown")
        elif kind == "radio":
            page.keyboard.press("ArrowRight")  # moves to and checks the next
        elif kind == "checkbox" and not field["checked"]:
            page.keyboard.press("Space")
        answered.append(name)
    raise AssertionError(f"no submit button reached; answered {answered}")


def test_forms_can_be_completed_with_the_keyboard_only(demo_server, browser):
    from feedback.models import Feedback
    from participation.panels.models import Member
    from participation.workshops.models import SignUp

    cases = [
        ("feedback form", Feedback),
        ("workshop, upcoming", SignUp),
        ("resident panel, join", Member),
    ]
    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    try:
        for name, model in cases:
            before = model.objects.count()
            page.goto(demo_server.url + PAGE_TYPES[name][0]("fi"))
            answered = fill_with_keyboard(page)
            with page.expect_navigation():
                page.keyboard.press("Enter")
            errors = page.locator(
                "main .errorlist, main [role=alert]"
            ).all_inner_texts()
            assert model.objects.count() == before + 1, (name, answered, errors)
    finally:
        context.close()
