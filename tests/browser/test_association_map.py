import pytest

from website.associations.models import AssociationMapPage

pytestmark = pytest.mark.browser


def test_map_page_filters_and_shows_markers(demo_server, page):
    map_page = AssociationMapPage.objects.get(locale__language_code="fi")
    page.goto(demo_server.url + map_page.url)
    page.get_by_label("Kunta").select_option(label="Tuusula")
    page.get_by_role("button", name="Näytä").click()
    page.wait_for_url("**municipality=tuusula**")
    assert page.locator(".association-card").count() == 5
    # With JavaScript the map appears over the list and clusters the markers.
    region = page.get_by_role(
        "region", name="Kartta alla olevan luettelon yhdistyksistä"
    )
    region.wait_for(state="visible")
    page.locator(".marker-cluster, .leaflet-marker-icon").first.wait_for()


def test_map_page_works_without_javascript(demo_server, browser):
    map_page = AssociationMapPage.objects.get(locale__language_code="sv")
    context = browser.new_context(java_script_enabled=False, locale="sv-FI")
    page = context.new_page()
    try:
        page.goto(demo_server.url + map_page.url)
        page.get_by_label("Tema").select_option(label="Motion")
        page.get_by_role("button", name="Visa").click()
        page.wait_for_url("**theme=liikunta**")
        assert page.locator(".association-card").count() > 0
        assert page.locator("#association-map").is_hidden()
        page.locator(".association-card a").first.click()
        assert page.get_by_role("heading", name="Verksamhet").is_visible()
    finally:
        context.close()
