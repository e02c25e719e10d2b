import io

import pytest
from django.urls import reverse
from PIL import Image

from feedback import demo
from feedback.models import Channel, Feedback, FeedbackFormPage, ServiceUnit
from feedback.qr import landing_url
from tests import pdf_structure

pytestmark = pytest.mark.django_db


def test_landing_url_is_translated(unit):
    assert landing_url(unit, "fi").endswith(f"/fi/palaute/qr/{unit.slug}/")
    assert landing_url(unit, "sv").endswith(f"/sv/respons/qr/{unit.slug}/")


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_poster_pdf_and_png(client, handler, unit, language):
    client.force_login(handler)
    response = client.get(reverse("feedback_poster", args=[unit.pk, language]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    pdf = pdf_structure.read(response.content)
    assert pdf.language == language and pdf.marked
    assert pdf.count("Figure") == 1 and pdf.figures_without_alt() == []
    response = client.get(reverse("feedback_qr_image", args=[unit.pk, language]))
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size[0] == image.size[1]


def test_demo_tree_and_responses():
    areas = ServiceUnit.objects.filter(level=1, is_demo=True)
    names = set(areas.values_list("name_fi", flat=True))
    assert {
        "Hyvinkää",
        "Järvenpää",
        "Mäntsälä",
        "Nurmijärvi",
        "Pornainen",
        "Tuusula",
    } <= names
    assert ServiceUnit.objects.get(slug="tuusula").name_sv == "Tusby"
    assert ServiceUnit.objects.filter(level=3).count() >= 30
    feedback = Feedback.objects.filter(is_demo=True)
    assert feedback.count() >= 3000
    assert set(feedback.values_list("channel", flat=True)) == set(Channel.values)
    assert set(feedback.values_list("language", flat=True)) == {"fi", "sv"}
    span = (
        feedback.order_by("created_at").first().created_at,
        feedback.order_by("created_at").last().created_at,
    )
    assert (span[1] - span[0]).days > 700
    assert feedback.filter(language="sv").exclude(text="").exists()
    assert (
        not feedback.exclude(contact_email="")
        .exclude(contact_email__endswith="@example.invalid")
        .exists()
    )
    assert FeedbackFormPage.objects.live().count() == 2


def test_demo_is_idempotent(home_pages=None):
    from wagtail.models import Locale, Page

    fi = Locale.objects.get(language_code="fi")
    sv = Locale.objects.get(language_code="sv")
    home = Page.objects.get(depth=2, locale=fi)
    before = (
        ServiceUnit.objects.count(),
        Feedback.objects.count(),
        Page.objects.count(),
    )
    demo.load(home, fi, sv)
    assert (
        ServiceUnit.objects.count(),
        Feedback.objects.count(),
        Page.objects.count(),
    ) == before


def test_demo_handler_sees_hyvinkaa_only(client):
    from django.contrib.auth import get_user_model

    handler = get_user_model().objects.get(username="kasittelija")
    visible = Feedback.objects.visible_to(handler)
    assert visible.exists()
    assert not visible.exclude(unit__parent__parent__slug="hyvinkaa").exists()
    client.force_login(handler)
    assert client.get(reverse("feedback_inbox")).status_code == 200
