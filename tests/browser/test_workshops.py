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
    status = page.locator(".signup-status").inner_text()
    assert "Du står på reservlistan, som nummer 1 i kön." in status
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
    assert "Täynnä: voit ilmoittautua jonotuslistalle (jonossa 0 henkilöä)." in (
        page.locator("#seats").inner_text()
    )
    context.close()


@pytest.mark.parametrize(
    "language,link,prefix",
    [
        ("fi", "Lisää kalenteriin", "tyopaja"),
        ("sv", "Lägg till i kalendern", "workshop"),
    ],
)
def test_add_to_calendar_downloads_a_full_ics_named_in_the_language(
    demo_server, browser, language, link, prefix
):
    from icalendar import Calendar

    fi, sv = make_workshop(capacity=5)
    workshop = fi if language == "fi" else sv
    context = browser.new_context(locale=f"{language}-FI", accept_downloads=True)
    page = context.new_page()
    page.goto(demo_server.url + workshop.url)
    with page.expect_download() as info:
        page.get_by_role("link", name=link).click()
    download = info.value
    assert download.suggested_filename == f"{prefix}-{workshop.slug}.ics"
    with open(download.path(), "rb") as file:
        calendar = Calendar.from_ical(file.read())
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]).startswith(f"workshop-{workshop.translation_key}@")
    assert str(event["SUMMARY"]) == workshop.title
    assert event["SUMMARY"].params["LANGUAGE"] == language
    assert str(event["LOCATION"]) == "Testikatu 1, Järvenpää"
    assert str(event["URL"]).endswith(workshop.url)
    assert str(event["ORGANIZER"]).startswith("mailto:")
    assert workshop.url in str(event["DESCRIPTION"])
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/Helsinki"
    assert start == workshop.starts_at.replace(microsecond=0)
    assert event.decoded("DTEND") == workshop.ends_at.replace(microsecond=0)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Helsinki"
    context.close()
