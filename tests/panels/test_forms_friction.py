"""Panel forms (issue 20): strata start empty, members change their own
details with a confirmation step."""

import re

import pytest
from django.utils import translation

from participation.panels import services
from participation.panels.models import Member

from .conftest import make_members
from .test_join import join_data

pytestmark = pytest.mark.django_db


def panel_url(panel, language):
    with translation.override(language):
        return panel.route_url()


@pytest.mark.parametrize("prefix", ["fi", "sv"])
def test_strata_start_empty(client, panel, prefix):
    html = client.get(panel_url(panel, prefix)).content.decode()
    for name in ("municipality", "age_group"):
        select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
        assert select.count(" selected") == 1
        assert re.search(r'<option value="" selected>', select)
    # No radio button (language, background) is checked for the person.
    assert " checked" not in html


@pytest.mark.parametrize(
    "prefix,message",
    [
        ("fi", "Valitse ikäryhmäsi."),
        ("sv", "Välj din åldersgrupp."),
    ],
)
def test_unchosen_stratum_is_refused(client, panel, areas, prefix, message):
    data = join_data(areas, age_group="", municipality="", language="")
    response = client.post(panel_url(panel, prefix), data)
    html = response.content.decode()
    assert message in html
    assert 'href="#id_age_group"' in html and 'href="#id_language_0"' in html
    assert not Member.objects.filter(panel=panel).exists()


def test_prefer_not_to_say_is_an_answer(client, panel, areas):
    client.post(panel_url(panel, "fi"), join_data(areas, bg_services="-"))
    assert Member.objects.get(panel=panel).background == {}


@pytest.fixture
def member(panel, areas):
    member = make_members(panel, areas, 2)[0]
    member.name = "Greta Gran"
    member.background = {"services": 1}
    member.save()
    return member


def url(member):
    token = services.member_token(member, services.SELF_SERVICE_SALT)
    return f"/sv/paneler/m/{token}/"


def edit(member, areas, **extra):
    data = {
        "email": member.email,
        "name": member.name,
        "municipality": member.municipality_id,
        "age_group": member.age_group,
        "language": member.language,
        "bg_services": "1",
    }
    data.update(extra)
    return data


def test_change_strata_after_confirmation(client, member, areas):
    new_area = areas["858"] if member.municipality != areas["858"] else areas["106"]
    data = edit(member, areas, municipality=new_area.pk, age_group="75+")
    response = client.post(url(member), {**data, "action": "update"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kontrollera dina ändringar" in html
    assert new_area.name_sv in html and "75 år eller äldre" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert (
        "no-store" in response["Cache-Control"]
        or "private" in response["Cache-Control"]
    )
    member.refresh_from_db()
    assert member.age_group != "75+"  # nothing saved before the confirmation
    # The confirmation carries the values in hidden fields.
    carried = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html)
    )
    assert carried["age_group"] == "75+"
    response = client.post(url(member), {**carried, "action": "confirm"})
    assert response.status_code == 200
    member.refresh_from_db()
    assert (member.municipality, member.age_group) == (new_area, "75+")
    assert member.background == {"services": 1}


def test_change_contact_address(client, member, areas):
    data = edit(member, areas, email="Ny@Example.com", language="sv")
    client.post(url(member), {**data, "action": "confirm"})
    member.refresh_from_db()
    assert (member.email, member.language) == ("ny@example.com", "sv")


def test_address_of_another_member_refused(client, member, areas):
    other = Member.objects.exclude(pk=member.pk).get(panel=member.panel)
    response = client.post(
        url(member), {**edit(member, areas, email=other.email), "action": "confirm"}
    )
    assert response.status_code == 400
    assert 'href="#id_email"' in response.content.decode()
    member.refresh_from_db()
    assert member.email != other.email
