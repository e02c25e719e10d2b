"""Keyboard only: every focus stop is visible, and the association map's list
alternative is reachable with Tab (the map is an addition, not the way in)."""

import pytest

from website.associations.models import AssociationMapPage

pytestmark = pytest.mark.browser

FOCUS = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    tag: element.tagName, text: (element.textContent || "").trim().slice(0, 40),
    outline: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0,
    shadow: style.boxShadow, inList: !!element.closest(".association-card"),
  };
}"""


def tab_until(page, condition, limit=120):
    """Press Tab until condition(focus) holds; every stop must show focus."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        stops.append(focus)
        visible = (focus["outline"] != "none" and focus["width"] >= 2) or (
            focus["shadow"] != "none"
        )
        assert visible, f"focus not visible on {focus} after {len(stops)} tabs"
        if condition(focus):
            return stops
    raise AssertionError(f"not reached in {limit} tabs: {stops[-5:]}")


def test_keyboard_reaches_the_map_list_alternative_with_visible_focus(
    demo_server, browser
):
    # One test for both languages: each demo_server reloads the demo content.
    for language in ("fi", "sv"):
        map_page = AssociationMapPage.objects.get(locale__language_code=language)
        context = browser.new_context(locale=f"{language}-FI")
        page = context.new_page()
        try:
            page.goto(demo_server.url + map_page.url)
            # Let the map settle: re-clustering after the GeoJSON arrives
            # replaces the marker elements (and would drop their focus).
            page.locator(".leaflet-marker-icon").first.wait_for()
            page.wait_for_load_state("networkidle")
            stops = tab_until(page, lambda focus: focus["inList"])
            # The first stop is the skip link, before the header and the map.
            assert stops[0]["tag"] == "A" and len(stops) > 3
            page.keyboard.press("Enter")  # follow the association's link
            page.wait_for_url(f"**{map_page.url}*/")
            assert page.get_by_role("heading", level=1).is_visible()

            # The skip link takes focus past the header straight to the content.
            page.goto(demo_server.url + f"/{language}/")
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.className") == "skip-link"
            assert page.locator(".skip-link").is_visible()
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.id") == "main"
        finally:
            context.close()
