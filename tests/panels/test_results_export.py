"""The analyst's export of a round (issue 20): labels, not codes, with
headers in the exporting user's language."""

import io

import pytest
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from participation.panels.demo import SLUG
from participation.panels.models import AgeGroup, Panel, Round
from website.indicators.models import Area

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language,headers,sheet",
    [
        ("fi", ["Ositin", "Ryhmä", "Kutsuttu", "Vastanneet"], "Vastauksia"),
        ("sv", ["Stratum", "Grupp", "Inbjudna", "Har svarat"], "Svar"),
    ],
)
def test_results_xlsx_in_the_users_language(
    client, admin_user, language, headers, sheet
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    client.force_login(admin_user)
    closed = Panel.objects.get(slug=SLUG).rounds.get(status=Round.Status.CLOSED)
    response = client.get(f"/admin/panels/rounds/{closed.pk}/results.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'-{language}.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    rates = list(book.worksheets[0].values)
    assert list(rates[0][:4]) == headers
    groups = {row[1] for row in rates[1:]}
    # Age groups and municipalities by their names, never by their codes.
    assert not groups & set(AgeGroup.values)
    assert {"fi": "30–44-vuotiaat", "sv": "30–44 år"}[language] in groups
    names = {
        getattr(area, f"name_{language}")
        for area in Area.objects.filter(kind=Area.Kind.MUNICIPALITY)
    }
    assert groups & names
    assert ("Hyvinkää" in groups) == (language == "fi")
    assert book.worksheets[1].title == sheet
    answers = list(book.worksheets[1].values)
    assert len(answers) > 1 and all(isinstance(r[2], (int, float)) for r in answers[1:])


def test_results_xlsx_needs_the_permission(client, django_user_model):
    user = django_user_model.objects.create_user("x", password="x")
    client.force_login(user)
    closed = Panel.objects.get(slug=SLUG).rounds.get(status=Round.Status.CLOSED)
    response = client.get(f"/admin/panels/rounds/{closed.pk}/results.xlsx")
    assert response.status_code in (302, 403)
