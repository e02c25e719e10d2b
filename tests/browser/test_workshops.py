"""A resident signs up, a second person lands on the waiting list, the first
cancels through the e-mailed link and the second is promoted (and told so in
Swedish)."""

import re

import pytest
from django.conf import settings
from django.core import mail

from participation.workshops.models import SignUp
from tests.workshops.conftest import make_workshop

pytestmark = pytest.mark.browser


def _link(message, server):
    url = re.search(r"https?://\S+/(?:peruminen|avbokning)/\S+/", message.body).group(0)
    return url.replace(settings.WAGTAILADMIN_BASE_URL.rstrip("/"), server.url)


def _sign_up(page, url, name, email):
    page.goto(url)
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill(email)
    page.locator("#id_consent").check()
    page.locator("form.form button[type=submit]").click()


def test_sign_up_cancel_by_mailed_link_and_waiting_person_is_promoted(
    demo_server, browser
):
    fi, sv = make_workshop(capacity=1)
    mail.outbox.clear()
    context = browser.new_context(locale="fi-FI")
    page = context.new_page()

    _sign_up(page, demo_server.url + fi.url, "Aino Asukas", "aino@example.com")
    assert "Sinulla on paikka." in page.locator(".signup-status").inner_text()

    _sign_up(page, demo_server.url + sv.url, "Bo Invånare", "bo@example.com")
    assert "Du står på reservlistan." in page.locator(".signup-status").inner_text()
    assert SignUp.objects.get(email="bo@example.com").status == "waiting"

    confirmation = next(m for m in mail.outbox if m.to == ["aino@example.com"])
    assert confirmation.subject.startswith("Ilmoittautuminen vahvistettu")
    page.goto(_link(confirmation, demo_server))
    page.get_by_role("button", name="Peru ilmoittautumiseni").click()
    assert (
        "Tämä ilmoittautuminen on peruttu."
        in page.locator(".signup-status").inner_text()
    )

    # The person on the waiting list now has the seat, in their language.
    waiting_notice = next(m for m in mail.outbox if m.to == ["bo@example.com"])
    page.goto(_link(waiting_notice, demo_server))
    assert "Du har en plats." in page.locator(".signup-status").inner_text()
    promoted = [m for m in mail.outbox if m.subject.startswith("Du fick en plats")]
    assert [m.to for m in promoted] == [["bo@example.com"]]
    # The workshop page shows no free seats and nobody waiting.
    page.goto(demo_server.url + fi.url)
    assert "0 paikkaa 1:sta vapaana" in page.locator("#seats").inner_text()
    context.close()
