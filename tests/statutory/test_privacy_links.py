"""Every form that collects personal data links the privacy notice of its
register next to its submit button: crawled over every public page type
(tests/public_urls.py) and the signed-in self-service forms, in fi and sv."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from tests.public_urls import public_urls
from website.core import privacy
from website.statutory.models import PrivacyNoticePage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# Inputs through which a person gives data about themselves.
PERSONAL_INPUTS = "input[type=text], input[type=email], input[type=tel], textarea"
# Forms that take no personal data: the anonymous "was this page helpful?"
# widget (its comment is not stored with anything that identifies anyone).
NOT_PERSONAL_FORMS = ("page-widget__form",)


def notice_urls(language):
    return {
        page.url: page.register
        for page in PrivacyNoticePage.objects.live().filter(
            locale__language_code=language
        )
    }


def forms_without_notice(html, language):
    """[description] of personal-data forms lacking their notice link."""
    notices = notice_urls(language)
    problems = []
    soup = BeautifulSoup(html, "html.parser")
    for form in soup.find_all("form"):
        if (form.get("method") or "get").lower() != "post":
            continue
        if set(form.get("class") or ()) & set(NOT_PERSONAL_FORMS):
            continue
        if not form.select(PERSONAL_INPUTS):
            continue
        buttons = form.select("button[type=submit], input[type=submit], button")
        name = form.get("action") or form.get("class")
        if not buttons:
            problems.append(f"{name}: no submit button")
            continue
        link = buttons[-1].find_next_sibling(class_="privacy-notice-link")
        href = link.a["href"] if link is not None and link.a else None
        if href not in notices:
            problems.append(f"{name}: no privacy notice link after the submit")
    return problems


def test_a_form_without_its_link_is_caught():
    html = (
        '<form method="post"><input type="email" name="e"><button>Send</button></form>'
    )
    assert forms_without_notice(html, "fi") == [
        "None: no privacy notice link after the submit"
    ]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_public_form_links_its_privacy_notice(client, language):
    checked = 0
    problems = []
    for name, _language, url, status in public_urls(languages=(language,)):
        cache.clear()  # rate limits and the page cache
        response = client.get(url)
        assert response.status_code == status, url
        html = response.content.decode()
        problems += [f"{name} {url}: {p}" for p in forms_without_notice(html, language)]
        checked += html.count('class="privacy-notice-link"')
    assert problems == []
    # The crawl saw the feedback, workshop, panel and account forms' links.
    assert checked >= 5


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_association_self_service_forms_link_their_notice(client, language):
    from allauth.account.models import EmailAddress

    user = get_user_model().objects.create_user(
        username="rep@example.org", email="rep@example.org", password="pw-1-test"
    )
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    client.force_login(user)
    with translation.override(language):
        urls = [
            reverse("association_selfservice:create"),
            reverse("association_selfservice:claim"),
        ]
    notices = {v: k for k, v in notice_urls(language).items()}
    for url in urls:
        html = client.get(url).content.decode()
        assert forms_without_notice(html, language) == [], url
        assert f'href="{notices["associations"]}"' in html


def test_every_register_has_a_notice_and_a_form_linking_it():
    templates = "".join(
        path.read_text()
        for pattern in ("templates/**/*.html", "*/**/templates/**/*.html")
        for path in ROOT.glob(pattern)
        if ".venv" not in path.parts and "node_modules" not in path.parts
    )
    for notice in privacy.notices():
        for language in ("fi", "sv"):
            assert PrivacyNoticePage.objects.live().filter(
                register=notice.key, locale__language_code=language
            ), (notice.key, language)
        if notice.key != "accounts":  # allauth's form element links it
            assert f'privacy_notice_link "{notice.key}"' in templates, notice.key


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_panel_resend_form_links_the_panel_notice(client, language):
    from participation.panels.models import Panel

    panel = Panel.objects.order_by("pk")[0]
    with translation.override(language):
        url = panel.route_url("resend")
    html = client.get(url).content.decode()
    assert forms_without_notice(html, language) == []
    notices = {v: k for k, v in notice_urls(language).items()}
    assert f'href="{notices["panels"]}"' in html
