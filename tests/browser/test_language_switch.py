import pytest

from website.plan.models import GoalPage

pytestmark = pytest.mark.browser


def test_open_plan_in_finnish_switch_to_swedish_on_the_same_goal(demo_server, page):
    fi_goal = GoalPage.objects.get(locale__language_code="fi", number=4)
    sv_goal = GoalPage.objects.get(locale__language_code="sv", number=4)

    page.goto(demo_server.url + "/fi/")
    page.get_by_role("link", name=fi_goal.get_parent().title).click()
    assert page.locator("html").get_attribute("lang") == "fi"
    page.get_by_role("link", name=fi_goal.title).first.click()
    page.wait_for_url(f"**{fi_goal.url}")
    assert page.get_by_role("heading", level=1).inner_text().endswith(fi_goal.title)

    page.get_by_role("navigation", name="Kieli").get_by_role(
        "link", name="Svenska"
    ).click()
    page.wait_for_url(f"**{sv_goal.url}")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text().endswith(sv_goal.title)
    # Status is readable as text in the measures table, not colour alone.
    first_status = page.locator(".measures-table .status").first.inner_text()
    assert first_status.strip() in {"○ Inte påbörjad", "◐ Pågår", "● Klar"}


def test_goal_filter_works_by_keyboard_without_javascript(demo_server, browser):
    context = browser.new_context(java_script_enabled=False, locale="sv-FI")
    page = context.new_page()
    sv_goal = GoalPage.objects.get(locale__language_code="sv", number=1)
    page.goto(demo_server.url + sv_goal.url)
    page.get_by_label("Status").select_option("done")
    page.get_by_role("button", name="Filtrera").press("Enter")
    page.wait_for_url("**status=done**")
    rows = page.locator(".measures-table tbody tr")
    statuses = {
        rows.nth(i).locator(".status").inner_text() for i in range(rows.count())
    }
    assert statuses <= {"● Klar"}
    context.close()


def test_switching_on_an_untranslated_page_explains_and_links_back(demo_server, page):
    from website.home.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="fi")
    only_fi = StandardPage(title="Vain suomeksi julkaistu", slug="vain-suomeksi")
    home.add_child(instance=only_fi)
    only_fi.save_revision().publish()

    page.goto(demo_server.url + only_fi.url)
    page.get_by_role("navigation", name="Kieli").get_by_role(
        "link", name="Svenska"
    ).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "sv"
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Detta innehåll finns inte på det här språket"
    )
    page.get_by_role("link", name="Vain suomeksi julkaistu").click()
    page.wait_for_url(f"**{only_fi.url}")
    assert page.locator("html").get_attribute("lang") == "fi"
