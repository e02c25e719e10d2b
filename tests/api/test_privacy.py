"""No personal data in any API answer. The personal fields come from the
privacy register (website/core/privacy.py): none of their names is a key in
any answer, and none of the values planted in them appears anywhere."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from website.core import privacy

pytestmark = pytest.mark.django_db

# Keys that the register lists as personal on some model but that the API
# uses for public facts of another (an association's public e-mail, phone
# and venue accessibility, declared not personal there; names of goals,
# themes and channels; a figure's text). Their values are checked below.
PUBLIC_KEYS = {"name", "email", "phone", "accessibility", "text"}

PLANTED = {
    "name": "Salainen Henkilö Qwxz",
    "email": "salainen.qwxz@example.org",
    "phone": "+358 40 999 0001",
    "representative_name": "Edustaja Zyxw",
    "representative_email": "edustaja.zyxw@example.org",
    "authors": "Kirjoittaja Vbnm",
    "username": "muuttaja-plokij",
    "staff_email": "henkilokunta.qwxz@example.org",
}


def _keys(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


@pytest.fixture
def planted(locales):
    """Personal data in every register the API's sources touch."""
    from participation.workshops import services
    from participation.workshops.models import WorkshopPage
    from website.associations.models import Association
    from website.plan.models import Measure, MeasureStatus
    from website.programs.models import ProgramStatusCard

    fi, _sv = locales
    user = get_user_model().objects.create_user(
        PLANTED["username"], email="muuttaja.plokij@example.org"
    )
    measure = Measure.objects.filter(locale=fi, live=True).first()
    measure.set_status(
        MeasureStatus.DONE
        if measure.status != MeasureStatus.DONE
        else MeasureStatus.IN_PROGRESS,
        user=user,
        note="Julkinen huomautus",
    )
    association = Association.objects.published().exclude(latitude=None).first()
    association.representative_name = PLANTED["representative_name"]
    association.representative_email = PLANTED["representative_email"]
    association.save()
    ProgramStatusCard.objects.filter(live=True).update(authors=PLANTED["authors"])
    workshop = (
        WorkshopPage.objects.live()
        .filter(locale=fi, ends_at__gte=timezone.now())
        .order_by("starts_at")
        .first()
    )
    WorkshopPage.objects.filter(pk=workshop.pk).update(
        staff_email=PLANTED["staff_email"]
    )
    services.create_signup(
        workshop,
        ["Salainen Henkilö Qwxz", "Seuralainen Qwxz"],
        name=PLANTED["name"],
        email=PLANTED["email"],
        phone=PLANTED["phone"],
        language="fi",
        organisation_type="association",
        organisation_name="Yhdistys Qwxz",
        dietary="Gluteeniton Qwxz",
    )
    return {"measure": measure, "association": association, "workshop": workshop}


def _in(obj, language):
    from wagtail.models import Locale

    return obj.get_translation(Locale.objects.get(language_code=language))


def _answers(client, planted):
    lists = [
        "/api/v1/plan/",
        "/api/v1/measures/",
        "/api/v1/indicators/",
        "/api/v1/areas/",
        "/api/v1/programme-status-cards/",
        "/api/v1/associations/",
        "/api/v1/associations/geojson/",
        "/api/v1/workshops/",
        "/api/v1/participation/summary/",
    ]
    for language in ("fi", "sv"):
        details = [
            f"/api/v1/measures/{_in(planted['measure'], language).pk}/",
            f"/api/v1/associations/{planted['association'].slug}/",
            f"/api/v1/workshops/{_in(planted['workshop'], language).pk}/",
        ]
        for url in lists + details:
            response = client.get(url, {"lang": language, "page_size": 200})
            assert response.status_code == 200, url
            yield url, response.content.decode()


def test_no_personal_field_name_or_value_in_any_answer(client, planted):
    personal_names = {
        name for declaration in privacy.declarations() for name in declaration.fields
    }
    assert {"representative_email", "authors", "changed_by", "staff_email"} <= (
        personal_names
    )
    forbidden_keys = personal_names - PUBLIC_KEYS
    for url, body in _answers(client, planted):
        keys = set(_keys(json.loads(body)))
        assert not keys & forbidden_keys, (url, keys & forbidden_keys)
        for value in [*PLANTED.values(), "muuttaja.plokij@example.org", "Qwxz"]:
            assert value not in body, (url, value)
