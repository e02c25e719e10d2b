"""The feedback giver's personal link in a real browser, fi and sv: open
it, download the data, erase with the confirmation step."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from feedback import selfservice, services
from feedback.models import Channel, Feedback, ServiceUnit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "language,download,erase,confirm,done,filename",
    [
        (
            "fi",
            "Lataa tietosi (JSON)",
            "Poista kaikki tietosi nyt",
            "Poista tietoni",
            "Tietosi on poistettu",
            "palaute.json",
        ),
        (
            "sv",
            "Ladda ner dina uppgifter (JSON)",
            "Radera alla dina uppgifter nu",
            "Radera mina uppgifter",
            "Dina uppgifter har raderats",
            "respons.json",
        ),
    ],
)
def test_giver_downloads_and_erases_from_the_link(
    demo_server, browser, language, download, erase, confirm, done, filename
):
    unit = ServiceUnit.objects.get(slug="jarvenpaa-neuvola")
    feedback = services.receive(
        channel=Channel.WEB,
        language=language,
        unit=unit,
        nps=3,
        text="Odotin pitkään.",
        contact_email="selain@example.com",
        wants_reply=True,
    )
    with translation.override(language):
        url = reverse("feedback:mine", kwargs={"token": selfservice.token(feedback)})
    context = browser.new_context(locale=f"{language}-FI", accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(demo_server.url + url)
        assert page.get_by_text("Odotin pitkään.").is_visible()
        with page.expect_download() as info:
            page.get_by_role("link", name=download).click()
        assert info.value.suggested_filename == filename
        with open(info.value.path(), encoding="utf-8") as file:
            data = json.load(file)
        assert data["feedback"]["email"] == "selain@example.com"

        page.get_by_role("link", name=erase).click()
        # The confirmation page erases nothing until the button is pressed.
        feedback.refresh_from_db()
        assert feedback.contact_email == "selain@example.com"
        page.get_by_role("button", name=confirm).click()
        page.get_by_role("heading", name=done).wait_for()
        assert page.get_by_role("status").is_visible()
        feedback = Feedback.objects.get(pk=feedback.pk)
        assert feedback.anonymised_at and feedback.contact_email == ""
        assert feedback.text == "" and feedback.nps == 3
    finally:
        context.close()
