import json

import pytest
from django.apps import apps
from django.db import models
from django.test import override_settings

from participation.panels import services
from participation.panels.models import Member, Response
from website.core import privacy

from .conftest import make_members

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(panel, areas):
    member = make_members(panel, areas, 1)[0]
    member.name = "Greta Gran"
    member.background = {"services": 1}
    member.save()
    return member


def url(member, suffix=""):
    token = services.member_token(member, services.SELF_SERVICE_SALT)
    return f"/sv/paneler/m/{token}/{suffix}"


def test_see_and_change(client, member):
    response = client.get(url(member))
    assert response.status_code == 200
    assert "Greta Gran" in response.content.decode()
    data = {
        "email": member.email,
        "municipality": member.municipality_id,
        "age_group": member.age_group,
        "name": "",
        "language": "sv",
        "bg_services": "",
    }
    response = client.post(url(member), {**data, "action": "update"})
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.name == "Greta Gran"  # shown for confirmation, not saved
    response = client.post(url(member), {**data, "action": "confirm"})
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.name == "" and member.language == "sv" and member.background == {}


def test_download_json(client, member):
    response = client.get(url(member, "data.json"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["email"] == member.email
    assert data["background"]["services"]["answer"] == "Ei"


def test_leave(client, member, open_round):
    services.send_invitations(open_round)
    client.post(url(member), {"action": "leave"})
    member.refresh_from_db()
    assert member.status == Member.Status.LEFT and member.left_at
    assert not member.invitations.exists()


def _rows_mentioning(text):
    """(model, pk) of every panel row with `text` in a text or JSON column."""
    hits = []
    for model in apps.get_app_config("panels").get_models():
        for field in model._meta.concrete_fields:
            if isinstance(
                field, (models.CharField, models.TextField, models.JSONField)
            ):
                lookup = (
                    f"{field.name}__icontains"
                    if not isinstance(field, models.JSONField)
                    else None
                )
                if lookup and model.objects.filter(**{lookup: text}).exists():
                    hits.append((model.__name__, field.name))
    return hits


def test_erase_removes_every_personal_field(client, member, open_round):
    services.send_invitations(open_round)
    invitation = member.invitations.get()
    scale = open_round.questions.get(kind="scale")
    services.submit_answers(invitation, {scale.pk: 5})
    assert _rows_mentioning(member.email)
    link = url(member)
    assert client.get(url(member, "erase/")).status_code == 200
    response = client.post(url(member, "erase/"))
    assert response.status_code == 200
    assert not Member.objects.filter(pk=member.pk).exists()
    for field in privacy.personal_fields(Member):
        value = getattr(member, field if field != "municipality" else "municipality_id")
        if value in (None, "", {}):
            continue
        assert not Member.objects.filter(**{field: value, "pk": member.pk}).exists()
    assert _rows_mentioning(member.email) == []
    assert _rows_mentioning("Greta") == []
    assert not member.invitations.exists()
    # The anonymous answer stays.
    assert Response.objects.filter(round=open_round).count() == 1
    # The old link now reveals nothing.
    response = client.get(link)
    assert response.status_code == 410
    assert member.email not in response.content.decode()


def test_wrong_and_expired_links(client, member):
    assert client.get("/fi/paneelit/m/abc/").status_code == 404
    tampered = url(member).replace("/m/", "/m/x")
    assert client.get(tampered).status_code == 404
    with override_settings(PANEL_LINK_MAX_AGE=-1):
        response = client.get(url(member))
    assert response.status_code == 410
    assert member.email not in response.content.decode()
    assert "Länken fungerar inte" in response.content.decode()


def test_confirm_link_is_not_a_self_service_link(client, member):
    token = services.member_token(member, services.CONFIRM_SALT)
    assert client.get(f"/fi/paneelit/m/{token}/").status_code == 404
