"""Forms without friction (issue 20): one error summary, one error per
problem, stated length limits and the unit list grouped by area."""

import re

import pytest

from feedback.forms import FeedbackQuestions
from feedback.models import ServiceUnit

from .conftest import answers

pytestmark = pytest.mark.django_db


def test_bad_address_gives_exactly_one_error(unit):
    form = FeedbackQuestions(
        answers(unit=unit.pk, wants_reply="on", contact_email="not-an-address"),
        units=ServiceUnit.objects.filter(active=True),
    )
    assert not form.is_valid()
    assert list(form.errors) == ["contact_email"]
    assert len(form.errors["contact_email"]) == 1


def test_bad_address_shows_one_message_on_the_page(client, form_pages, unit):
    response = client.post(
        form_pages[0].url,
        answers(unit=unit.pk, wants_reply="on", contact_email="not-an-address"),
    )
    html = response.content.decode()
    errors = re.search(
        r'<ul class="errorlist" id="id_contact_email_error">(.*?)</ul>', html, re.S
    )
    assert errors.group(1).count("<li>") == 1
    assert "jotta voimme vastata" not in html


def test_missing_address_still_asks_for_one(unit):
    form = FeedbackQuestions(
        answers(unit=unit.pk, wants_reply="on"),
        units=ServiceUnit.objects.filter(active=True),
    )
    assert not form.is_valid()
    assert len(form.errors["contact_email"]) == 1


@pytest.mark.parametrize(
    "index,heading", [(0, "Tarkista seuraavat tiedot"), (1, "Kontrollera följande")]
)
def test_failed_submit_renders_the_summary(client, form_pages, unit, index, heading):
    page = form_pages[index]
    response = client.post(
        page.url,
        answers(unit="", nps="", wants_reply="on", contact_email="x@"),
    )
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert 'tabindex="-1"' in summary and "autofocus" in summary
    assert heading in summary
    # Links go to the select, the first radio button and the address.
    assert 'href="#id_unit"' in summary
    assert 'href="#id_nps_0"' in summary
    assert 'href="#id_contact_email"' in summary
    assert summary.count("<li>") == 3
    # Each field's own error is linked to it.
    assert re.search(r'<select[^>]*aria-describedby="id_unit_error"', html)
    assert 'id="id_unit_error"' in html


@pytest.mark.parametrize("index,limit", [(0, "Enintään 5000 merkkiä."), (1, "")])
def test_limit_stated_and_enforced(client, form_pages, unit, index, limit):
    page = form_pages[index]
    html = client.get(page.url).content.decode()
    assert re.search(r'<textarea[^>]*maxlength="5000"', html)
    if limit:
        assert limit in html
    else:
        assert "Högst 5000 tecken." in html
    response = client.post(page.url, answers(unit=unit.pk, text="x" * 5001))
    assert response.status_code == 200
    assert 'href="#id_text"' in response.content.decode()


@pytest.mark.parametrize("index", [0, 1])
def test_units_grouped_by_area(client, form_pages, index):
    html = client.get(form_pages[index].url).content.decode()
    select = re.search(r'<select name="unit".*?</select>', html, re.S).group(0)
    groups = re.findall(r'<optgroup label="([^"]+)"', select)
    areas = ServiceUnit.objects.filter(parent=None, active=True)
    language = ("fi", "sv")[index]
    names = {getattr(a, f"name_{language}") for a in areas}
    assert set(groups) == names
    # Nothing but the "choose" option is selected before the person chooses.
    assert select.count(" selected") == 1
    assert re.search(r'<option value="" selected>', select)


def test_nothing_preselected_on_the_form(client, form_pages):
    html = client.get(form_pages[0].url).content.decode()
    assert " checked" not in html
