"""A new representative registers, adds an association, staff approve it in
the Wagtail admin, and it is on the map in both languages."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from website.associations.models import AssociationMapPage

pytestmark = pytest.mark.browser


def test_register_create_approve_and_see_it_on_the_map(demo_server, browser):
    mail.outbox.clear()
    with translation.override("sv"):
        signup = reverse("account_signup")
    rep = browser.new_context(locale="sv-FI").new_page()
    rep.goto(demo_server.url + signup)
    rep.locator("input[name=email]").fill("ny.representant@example.org")
    rep.locator("input[name=password1]").fill("Ett-langt-losenord-42")
    rep.locator("input[name=password2]").fill("Ett-langt-losenord-42")
    rep.locator("main form button[type=submit]").last.click()

    # E-mail verification: follow the link from the message.
    (message,) = [m for m in mail.outbox if "ny.representant" in m.to[0]]
    link = re.search(r"https?://\S+/", message.body).group(0)
    rep.goto(demo_server.url + "/" + link.split("/", 3)[3])
    rep.locator("main form button[type=submit]").last.click()

    with translation.override("sv"):
        dashboard = reverse("association_selfservice:dashboard")
    rep.goto(demo_server.url + dashboard)
    if "/login/" in rep.url:
        rep.locator("input[name=login]").fill("ny.representant@example.org")
        rep.locator("input[name=password]").fill("Ett-langt-losenord-42")
        rep.locator("main form button[type=submit]").last.click()
        rep.goto(demo_server.url + dashboard)
    rep.get_by_role("link", name="Lägg till en ny förening").click()
    rep.get_by_label("Namn på finska").fill("Pornaisten lukupiiri ry")
    rep.get_by_label("Namn på svenska").fill("Borgnäs läsecirkel rf")
    rep.get_by_label("Beskrivning på svenska").fill("Vi läser böcker tillsammans.")
    rep.get_by_label("Borgnäs").check()
    rep.get_by_role("button", name="Spara och skicka för godkännande").click()
    rep.get_by_role("status").filter(has_text="Tack!").wait_for()
    assert rep.get_by_text("Inte offentlig ännu: väntar på godkännande").is_visible()

    staff = browser.new_context(locale="fi-FI").new_page()
    staff.goto(demo_server.url + "/admin/login/")
    staff.locator("input[name=username]").fill("admin")
    staff.locator("input[name=password]").fill("yhdessa-demo")
    staff.locator("form button[type=submit]").click()
    staff.wait_for_url("**/admin/")
    staff.goto(demo_server.url + reverse("association_moderation"))
    staff.locator("table.listing a.button").first.click()
    staff.locator("ins", has_text="Borgnäs läsecirkel rf").wait_for()
    staff.locator("button[name=approve]").click()
    staff.wait_for_url("**/association-moderation/")

    for language, name in (
        ("sv", "Borgnäs läsecirkel rf"),
        ("fi", "Pornaisten lukupiiri ry"),
    ):
        page = AssociationMapPage.objects.get(locale__language_code=language)
        rep.goto(f"{demo_server.url}{page.url}?q=lukupiiri")
        assert rep.locator(".association-card", has_text=name).count() == 1
    decision = [m for m in mail.outbox if "Godkänd" in m.subject]
    assert decision and decision[0].to == ["ny.representant@example.org"]
