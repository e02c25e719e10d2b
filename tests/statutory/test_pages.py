"""The statutory pages (website/statutory): statement, notices and cookies in
fi and sv, reachable from the footer, their facts coming from the code."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from feedback.models import Feedback
from website.core import cookies, privacy
from website.core.antispam import TIMESTAMP_FIELD, started_token
from website.statutory.models import (
    AccessibilityCheck,
    AccessibilityStatementPage,
    CookiePage,
    PrivacyNoticeIndexPage,
    PrivacyNoticePage,
)

pytestmark = pytest.mark.django_db

HEADINGS = {
    "fi": ("Saavutettavuuden tila", "Valvontaviranomainen", "Rekisterinpitäjä"),
    "sv": ("Tillgänglighetsstatus", "Tillsynsmyndighet", "Personuppgiftsansvarig"),
}


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _footer(html):
    return re.search(r'<ul class="footer-links">(.*?)</ul>', html, re.S).group(1)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_footer_reaches_statement_notices_and_cookies(client, language):
    home = _get(client, f"/{language}/")
    footer = _footer(home)
    for model in (AccessibilityStatementPage, PrivacyNoticeIndexPage, CookiePage):
        page = model.objects.live().get(locale__language_code=language)
        assert f'href="{page.url}"' in footer
    # Second click: the index lists one notice per register.
    index = PrivacyNoticeIndexPage.objects.live().get(locale__language_code=language)
    html = _get(client, index.url)
    for notice in privacy.notices():
        page = PrivacyNoticePage.objects.live().get(
            locale__language_code=language, register=notice.key
        )
        assert f'href="{page.url}"' in html


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_statement_lists_checks_authority_and_feedback(client, language):
    AccessibilityCheck.objects.filter(key="nu").update(passed=False)
    page = AccessibilityStatementPage.objects.live().get(locale__language_code=language)
    html = _get(client, page.url)
    status, authority, _controller = HEADINGS[language]
    assert status in html and authority in html
    assert page.authority_email in html and page.authority_name in html
    with translation.override(language):
        from website.statutory.checks import BY_KEY

        assert str(BY_KEY["axe"].label) in html
        assert str(BY_KEY["nu"].label) in html
        feedback_url = reverse("feedback:contact", args=[page.feedback_unit])
    assert "läpäisty" in html or "godkänd" in html
    assert "löysi puutteita" in html or "hittade brister" in html
    assert f'href="{feedback_url}"' in html
    # The known problems are the editors' list.
    assert page.non_conforming[0].value["content"] in html


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_notice_shows_the_register_facts_in_the_language(client, language):
    page = PrivacyNoticePage.objects.live().get(
        locale__language_code=language, register="panels"
    )
    html = _get(client, page.url)
    notice = privacy.get_notice("panels")
    with translation.override(language):
        assert str(notice.purpose).replace("'", "&#x27;") in html
        assert str(notice.legal_basis) in html
        for item in notice.data_items():
            assert str(item).capitalize()[:20] in html
    assert HEADINGS[language][2] in html


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_cookie_page_lists_every_cookie_of_the_code(client, language):
    page = CookiePage.objects.live().get(locale__language_code=language)
    html = _get(client, page.url)
    with translation.override(language):
        for cookie in cookies.site_cookies():
            assert f"<code>{cookie.name}</code>" in html
            assert str(cookie.purpose).replace("'", "&#x27;") in html


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_accessibility_feedback_goes_to_the_accessibility_unit(client, language):
    page = AccessibilityStatementPage.objects.live().get(locale__language_code=language)
    with translation.override(language):
        url = reverse("feedback:contact", args=[page.feedback_unit])
    html = _get(client, url)
    assert 'name="nps"' not in html and 'name="unit"' not in html
    # Free text is required here: an empty post is refused.
    data = {TIMESTAMP_FIELD: started_token(seconds_ago=10)}
    assert client.post(url, data).status_code == 200
    data["text"] = "Kartta ei toimi ruudunlukijalla"
    response = client.post(url, data)
    assert response.status_code == 302
    feedback = Feedback.objects.latest("pk")
    assert feedback.unit.slug == page.feedback_unit
    assert (feedback.channel, feedback.nps, feedback.language) == (
        "web",
        None,
        language,
    )
    # Routed like other feedback: the unit's handlers see it.
    assert feedback.unit.handler_users()
