"""The public channels: form page, QR landing, embedded form, page widget."""

import pytest
from django.core import mail
from django.test import Client, override_settings
from wagtail.models import Page

from feedback.forms import EmbedFeedbackForm, widget_token
from feedback.models import Channel, Feedback
from website.core.antispam import HONEYPOT_FIELD, TIMESTAMP_FIELD, started_token

from .conftest import answers

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("index,language", [(0, "fi"), (1, "sv")])
def test_form_page_sends_feedback_in_both_languages(
    client, form_pages, unit, index, language
):
    page = form_pages[index]
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    question = {
        "fi": "Kuinka todennäköisesti suosittelisit",
        "sv": "Hur sannolikt är det att du skulle rekommendera",
    }[language]
    assert question in html
    assert 'name="nps"' in html and f'value="{unit.pk}"' in html
    # The page's own widget is not shown on the feedback form itself.
    assert 'id="page-widget"' not in html
    response = client.post(page.url, answers(unit=unit.pk, text="Kiitos avusta"))
    assert response.status_code == 302
    assert response["Location"].endswith("?sent=1")
    feedback = Feedback.objects.latest("pk")
    assert (feedback.channel, feedback.unit, feedback.nps, feedback.language) == (
        Channel.WEB,
        unit,
        9,
        language,
    )
    thanks = client.get(response["Location"]).content.decode()
    assert page.thank_you in thanks


def test_validation_error_keeps_input_and_speaks_swedish(client, form_pages, unit):
    page = form_pages[1]
    before = Feedback.objects.count()
    response = client.post(
        page.url,
        answers(unit=unit.pk, nps="", text="Min text stannar kvar", wants_reply="on"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Min text stannar kvar" in html
    assert 'class="error-summary"' in html
    assert "Välj ett betyg från 0 till 10." in html
    assert "så att vi kan svara" in html
    assert Feedback.objects.count() == before


def test_editor_limits_the_units_to_choose(client, form_pages, unit, other_unit):
    page = form_pages[0]
    page.units.set([unit.parent])  # the service: its units can be chosen
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert f'value="{unit.pk}"' in html
    assert f'value="{other_unit.pk}"' not in html
    response = client.post(page.url, answers(unit=other_unit.pk))
    assert response.status_code == 200
    assert "Valitse oikea vaihtoehto" in response.content.decode()


@pytest.mark.parametrize(
    "language,prefix", [("fi", "/fi/palaute"), ("sv", "/sv/respons")]
)
def test_qr_landing_preselects_unit_and_records_channel(client, unit, language, prefix):
    url = f"{prefix}/qr/{unit.slug}/"
    html = client.get(url).content.decode()
    assert f'value="{unit.pk}" selected' in html
    assert (unit.name_fi if language == "fi" else unit.name_sv) in html
    response = client.post(url, answers(unit=unit.pk, nps="3", text=""))
    assert response.status_code == 302
    feedback = Feedback.objects.latest("pk")
    assert (feedback.channel, feedback.unit, feedback.language, feedback.nps) == (
        Channel.QR,
        unit,
        language,
        3,
    )


def test_qr_landing_of_unknown_unit_is_404(client):
    assert client.get("/fi/palaute/qr/ei-ole/").status_code == 404


def test_honeypot_and_time_trap_refuse_bots(client, form_pages, unit):
    page = form_pages[0]
    before = Feedback.objects.count()
    response = client.post(page.url, answers(unit=unit.pk, **{HONEYPOT_FIELD: "x"}))
    assert response.status_code == 200
    with override_settings(SPAM_MIN_FILL_SECONDS=3):
        data = answers(unit=unit.pk, text="Nopea botti")
        data[TIMESTAMP_FIELD] = started_token()
        response = client.post(page.url, data)
        assert "Nopea botti" in response.content.decode()
    assert Feedback.objects.count() == before


@override_settings(ACCOUNT_RATE_LIMITS={"feedback": "2/h/ip"})
def test_captcha_appears_after_the_rate_is_exceeded(client, unit):
    url = f"/fi/palaute/qr/{unit.slug}/"
    for _ in range(2):
        assert client.post(url, answers(unit=unit.pk)).status_code == 302
    before = Feedback.objects.count()
    # The next post is shown again with a captcha (and the typed input).
    response = client.post(url, answers(unit=unit.pk, text="Kolmas viesti"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="captcha_1"' in html and "Kolmas viesti" in html
    assert Feedback.objects.count() == before


def test_embed_can_be_framed_only_by_configured_origins(unit):
    client = Client(enforce_csrf_checks=True)
    response = client.get(f"/fi/palaute/upotus/?unit={unit.slug}")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    with override_settings(FEEDBACK_EMBED_ORIGINS=["https://asiointi.example.fi"]):
        response = client.get("/sv/respons/inbaddning/")
        assert (
            "frame-ancestors https://asiointi.example.fi"
            in response["Content-Security-Policy"]
        )
        assert 'lang="sv"' in response.content.decode()
    # Other pages still refuse every frame.
    other = client.get(f"/fi/palaute/qr/{unit.slug}/")
    assert other["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in other["Content-Security-Policy"]


def test_embed_posts_without_csrf_cookie(unit):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/fi/palaute/upotus/?unit={unit.slug}", embed_answers(unit=unit.pk, nps="10")
    )
    assert response.status_code == 302
    assert Feedback.objects.latest("pk").channel == Channel.EMBED


def embed_answers(seconds_ago=10, **extra):
    """Answers with the embedded form's own token (its scope)."""
    token = started_token(seconds_ago, scope=EmbedFeedbackForm.token_scope)
    return answers(**{TIMESTAMP_FIELD: token, **extra})


def test_widget_is_on_pages_without_csrf_token(client):
    home = Page.objects.get(locale__language_code="fi", depth=2)
    html = client.get(home.url).content.decode()
    assert 'id="page-widget"' in html
    assert "csrfmiddlewaretoken" not in html
    assert 'action="/fi/palaute/sivu/"' in html


def test_widget_post_without_csrf_is_stored_and_returns(client):
    csrf_client = Client(enforce_csrf_checks=True)
    home = Page.objects.get(locale__language_code="sv", depth=2)
    response = csrf_client.post(
        "/sv/respons/sida/",
        {
            "helpful": "no",
            "text": "Telefonnumret saknas",
            "page": home.pk,
            "next": home.url,
            TIMESTAMP_FIELD: widget_token(home.pk),
        },
    )
    assert response.status_code == 302
    feedback = Feedback.objects.latest("pk")
    assert (
        feedback.channel,
        feedback.helpful,
        feedback.page_id,
        feedback.language,
    ) == (
        Channel.WIDGET,
        False,
        home.pk,
        "sv",
    )
    assert feedback.unit.slug == "verkkosivut"
    thanks = client.get(response["Location"]).content.decode()
    assert f'href="{home.url}"' in thanks


def test_widget_refuses_open_redirects_and_bots(client):
    response = client.post(
        "/fi/palaute/sivu/",
        {
            "helpful": "yes",
            "next": "https://evil.example/",
            TIMESTAMP_FIELD: widget_token(""),
        },
    )
    assert "next=%2Ffi%2F" in response["Location"]
    before = Feedback.objects.count()
    response = client.post(
        "/fi/palaute/sivu/",
        {
            "helpful": "yes",
            "text": "Roskaa",
            HONEYPOT_FIELD: "x",
            TIMESTAMP_FIELD: widget_token(""),
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Roskaa" in html and "Lomaketta ei voitu lähettää" in html
    assert Feedback.objects.count() == before


def test_widget_adds_no_queries_to_a_page(client, django_assert_max_num_queries):
    """The include itself runs no query: a page renders with the same number
    of queries as it did before (measured against the template without it)."""
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    request = RequestFactory().get("/fi/")
    with CaptureQueriesContext(connection) as ctx:
        html = render_to_string(
            "feedback/includes/page_widget.html", {"page": None, "request": request}
        )
    assert 'id="page-widget"' in html
    assert len(ctx.captured_queries) == 0


def test_alert_mail_after_commit(
    client, unit, handler, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/fi/palaute/qr/{unit.slug}/",
            answers(
                unit=unit.pk, nps="2", text="Jonotin tunnin eikä kukaan vastannut."
            ),
        )
    assert [m.to for m in mail.outbox] == [[handler.email]]


@pytest.mark.parametrize("index", [0, 1])
def test_form_page_query_count(
    client, form_pages, index, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        response = client.get(form_pages[index].url)
    assert response.status_code == 200


def test_qr_and_embed_query_counts(client, unit, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        assert client.get(f"/fi/palaute/qr/{unit.slug}/").status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get("/sv/respons/inbaddning/").status_code == 200
