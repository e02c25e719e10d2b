import re

import pytest
from django.core import mail

from participation.panels import services
from participation.panels.demo import SLUG
from participation.panels.models import Member, Panel, Question, Round

pytestmark = pytest.mark.browser


def last_link(kind):
    for message in reversed(mail.outbox):
        match = re.search(rf"https?://[^/\s]+(/sv/paneler/{kind}/\S+/)", message.body)
        if match:
            return match.group(1)
    raise AssertionError(f"no {kind} link in {len(mail.outbox)} messages")


def test_join_confirm_answer_and_erase_in_swedish(demo_server, browser):
    context = browser.new_context(locale="sv-FI")
    page = context.new_page()
    mail.outbox.clear()
    try:
        page.goto(f"{demo_server.url}/sv/delta/invanarpaneler/{SLUG}/")
        assert page.locator("html").get_attribute("lang") == "sv"
        page.get_by_label("E-postadress").fill("greta@example.com")
        page.get_by_label("Hemkommun").select_option(label="Tusby")
        page.get_by_label("Åldersgrupp").select_option(label="30–44 år")
        page.locator("input[name=language][value=sv]").check()
        page.get_by_label("Jag bor i den kommun jag valde").check()
        page.get_by_label("Jag har läst samtyckestexten").check()
        page.get_by_role("button", name="Skicka ansökan").click()
        page.get_by_role("heading", name="Kontrollera din e-post").wait_for()

        # The link opens a page; only its button confirms (finding 10).
        page.goto(demo_server.url + last_link("c"))
        page.get_by_role("heading", name="Bekräfta din ansökan").wait_for()
        assert Member.objects.get(email="greta@example.com").confirmed_at is None
        page.get_by_role("button", name="Bekräfta", exact=True).click()
        page.get_by_role("heading", name="Tack, din ansökan är bekräftad").wait_for()
        member = Member.objects.get(email="greta@example.com")
        assert member.confirmed_at and member.language == "sv"

        # Staff select her and send a round (as the admin views do).
        member.set_status(Member.Status.MEMBER)
        member.save()
        panel = Panel.objects.get(slug=SLUG)
        round_ = Round.objects.create(
            panel=panel, title_fi="Testikysely", title_sv="Testenkät"
        )
        scale = Question.objects.create(
            round=round_,
            kind=Question.Kind.SCALE,
            text_fi="Palvelut ovat hyviä.",
            text_sv="Tjänsterna är bra.",
            required=True,
        )
        Question.objects.create(
            round=round_,
            kind=Question.Kind.TEXT,
            text_fi="Kerro lisää",
            text_sv="Berätta mer",
            sort_order=1,
        )
        services.send_invitations(round_)

        page.goto(demo_server.url + last_link("r"))
        page.get_by_role("heading", name="Testenkät").wait_for()
        # Sending without the required answer shows the error summary.
        page.get_by_role("button", name="Skicka svaren").click()
        page.locator("#error-summary").wait_for()
        page.get_by_role("radio", name="4").check()
        page.get_by_label("Berätta mer").fill("Bra panel")
        page.get_by_role("button", name="Skicka svaren").click()
        page.get_by_role("heading", name="Tack för dina svar").wait_for()
        assert scale.answers.get().value == 4

        page.goto(demo_server.url + last_link("m"))
        page.get_by_role("heading", name="Dina uppgifter i panelen").wait_for()
        page.get_by_role("link", name="Radera alla dina uppgifter nu").click()
        page.get_by_role("button", name="Radera mina uppgifter").click()
        page.get_by_role("heading", name="Dina uppgifter har raderats").wait_for()
        assert not Member.objects.filter(email="greta@example.com").exists()
        assert scale.answers.count() == 1
    finally:
        context.close()
