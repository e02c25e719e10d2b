"""A representative's "My data" (website/associations/my_data.py): see what
the register holds about them, download it and erase it (confirmed by a
POST) through retention.erase_representative, then signed out."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from website.associations.models import Association, ChangeRequest, Representative

from .test_selfservice import make_user

pytestmark = pytest.mark.django_db


def url(name, language="fi"):
    with translation.override(language):
        return reverse(f"association_selfservice:{name}")


@pytest.fixture
def rep(client):
    user = make_user("oma.edustaja@example.org")
    association = Association.objects.filter(published=True, is_demo=True).first()
    Association.objects.filter(pk=association.pk).update(
        representative_name="Olli Edustaja",
        representative_email="oma.edustaja@example.org",
    )
    Representative.objects.create(
        association=association, user=user, status=Representative.Status.APPROVED
    )
    ChangeRequest.objects.create(
        association=association,
        kind=ChangeRequest.Kind.ASSOCIATION,
        data={"description_fi": "Uusi kuvaus"},
        submitted_by=user,
    )
    client.force_login(user)
    return user, association


@pytest.mark.parametrize(
    "language,heading,link",
    [
        ("fi", "Omat tiedot", "omat-tiedot/"),
        ("sv", "Mina uppgifter", "mina-uppgifter/"),
    ],
)
def test_representative_sees_and_downloads_their_data(
    client, rep, language, heading, link
):
    user, association = rep
    dashboard = client.get(url("dashboard", language)).content.decode()
    assert url("my_data", language) in dashboard and url("my_data", language).endswith(
        link
    )
    response = client.get(url("my_data", language))
    html = response.content.decode()
    assert heading in html and "oma.edustaja@example.org" in html
    assert str(association) in html and "Olli Edustaja" in html
    assert "no-store" in response["Cache-Control"]

    response = client.get(url("my_data_download", language))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert data["account"]["email"] == "oma.edustaja@example.org"
    assert [r["association"] for r in data["representations"]] == [str(association)]
    assert data["change_requests"][0]["proposed_values"] == {
        "description_fi": "Uusi kuvaus"
    }
    assert data["entries_naming_you"][0]["representative_name"] == "Olli Edustaja"


def test_erasure_asks_first_then_deletes_the_account_and_signs_out(client, rep):
    user, association = rep
    page = client.get(url("my_data_erase"))
    assert "Poista käyttäjätilini ja tietoni" in page.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()  # GET erases nothing

    response = client.post(url("my_data_erase"))
    assert response.status_code == 200
    assert "kirjattu ulos" in response.content.decode()
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    association.refresh_from_db()
    assert (association.representative_name, association.representative_email) == (
        "",
        "",
    )
    assert ChangeRequest.objects.filter(association=association).exists()
    # Signed out: the dashboard asks to sign in again.
    assert client.get(url("dashboard")).status_code == 302


def test_staff_cannot_erase_themselves_here(client, staff_user):
    client.force_login(staff_user)
    assert client.post(url("my_data_erase")).status_code == 403
    assert get_user_model().objects.filter(pk=staff_user.pk).exists()


def test_signed_out_visitor_is_sent_to_sign_in(client):
    for name in ("my_data", "my_data_download", "my_data_erase"):
        assert client.post(url(name)).status_code == 302
