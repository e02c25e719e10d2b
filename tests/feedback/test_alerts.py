"""Alerts: low score with text, or alarming words in either language."""

import pytest
from django.core import mail
from django.test import override_settings

from feedback import services
from feedback.alerts import alert_reasons, keyword_match
from feedback.models import Channel

from .conftest import make_handler

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "nps,text,expected",
    [
        (6, "Huono palvelu", ["low_score"]),
        (6, "", []),
        (6, "   ", []),
        (7, "Ihan ok", []),
        (0, "Jonotin tunnin", ["low_score"]),
        (10, "Ajattelen itsemurhaa", ["keyword"]),
        (None, "Jag vill inte leva längre", ["keyword"]),
        (3, "Tapan sinut", ["low_score", "keyword"]),
        (9, "Tapanila on kiva paikka", []),  # not a threat: a place name
        (9, "Kiitos!", []),
    ],
)
def test_alert_reasons(nps, text, expected):
    assert alert_reasons(nps, text) == expected


@override_settings(FEEDBACK_ALERT_KEYWORDS={"fi": ["lakko"], "sv": ["strejk"]})
def test_keyword_list_is_configurable():
    assert keyword_match("Lakkoilu haittaa")
    assert keyword_match("STREJKEN")
    assert not keyword_match("itsemurha")


def test_alert_mail_goes_to_the_units_handlers_in_their_language(
    unit, django_capture_on_commit_callbacks
):
    fi_handler = make_handler("h_fi", unit)
    sv_handler = make_handler("h_sv", unit, language="sv")
    with django_capture_on_commit_callbacks(execute=True):
        feedback = services.receive(
            channel=Channel.WEB, language="fi", unit=unit, nps=1, text="Kauhea kokemus"
        )
    assert feedback.alert_reason == "low_score"
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {fi_handler.email, sv_handler.email}
    assert "Palautehälytys" in by_recipient[fi_handler.email].subject
    assert "Responslarm" in by_recipient[sv_handler.email].subject
    body = by_recipient[fi_handler.email].body
    assert f"/admin/feedback/{feedback.pk}/" in body
    # The free text stays in the admin.
    assert "Kauhea kokemus" not in body


def test_alert_falls_back_to_handlers_above_the_unit(
    unit, django_capture_on_commit_callbacks
):
    area_handler = make_handler("area_h", unit.parent.parent)
    with django_capture_on_commit_callbacks(execute=True):
        services.receive(
            channel=Channel.QR, language="fi", unit=unit, nps=2, text="Huonoa"
        )
    assert [m.to for m in mail.outbox] == [[area_handler.email]]


def test_no_alert_for_positive_feedback(
    unit, handler, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.receive(
            channel=Channel.WEB, language="fi", unit=unit, nps=9, text="Hyvä"
        )
    assert callbacks == [] and mail.outbox == []


def test_alert_is_queued_only_after_commit(
    unit, handler, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.receive(
            channel=Channel.WEB, language="fi", unit=unit, nps=0, text="Huono"
        )
        assert mail.outbox == []
    assert len(callbacks) == 1
