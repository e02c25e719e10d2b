"""schema.org JSON-LD: workshops as Event, associations as Organization,
in the page's language, escaped so no text can end the script element."""

import json
import re

import pytest
from django.utils import timezone

from website.core.templatetags.structured_data import jsonld_script

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _jsonld(html):
    blocks = SCRIPT.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_workshop_page_has_an_event(client, language):
    from participation.workshops import services
    from participation.workshops.models import WorkshopPage

    page = (
        WorkshopPage.objects.live()
        .filter(locale__language_code=language, ends_at__gte=timezone.now())
        .order_by("starts_at")
        .first()
    )
    response = client.get(page.url)
    assert response.status_code == 200
    event = _jsonld(response.content.decode())
    assert event["@type"] == "Event"
    assert event["name"] == page.title
    assert event["startDate"] == page.starts_at.isoformat()
    assert event["endDate"] == page.ends_at.isoformat()
    assert event["url"].endswith(page.url)
    assert event["remainingAttendeeCapacity"] == services.seats(page.source()).free
    assert event["offers"]["availability"].startswith("https://schema.org/")
    assert event["organizer"]["name"] == (
        "Keski-Uudenmaan hyvinvointialue"
        if language == "fi"
        else "Välfärdsområdet i Mellersta Nyland"
    )
    assert page.online_url == "" or page.online_url not in json.dumps(event)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_association_page_has_an_organization(client, language):
    from website.associations.models import Association, AssociationMapPage

    association = Association.objects.published().exclude(latitude=None).first()
    association.representative_name = "Edustaja Zyxw"
    association.save()
    map_page = AssociationMapPage.objects.live().get(locale__language_code=language)
    response = client.get(map_page.association_url(association))
    assert response.status_code == 200
    organization = _jsonld(response.content.decode())
    assert organization["@type"] == "Organization"
    expected = association.name_sv or association.name_fi
    assert organization["name"] == (
        expected if language == "sv" else association.name_fi
    )
    assert organization["location"]["geo"]["latitude"] == float(association.latitude)
    assert "Zyxw" not in response.content.decode()


def test_jsonld_cannot_close_its_script_element():
    hostile = {"name": "</script><script>alert(1)</script><!--"}
    html = str(jsonld_script(hostile))
    assert html.count("</script>") == 1 and html.endswith("</script>")
    assert "<!--" not in html
    assert json.loads(SCRIPT.findall(html)[0]) == hostile
