"""The personal-data inventory (issue 17/18): every field in scope that looks
personal is declared in an app's privacy.py, docs/privacy.md is generated
from those declarations, and anonymisation reads them."""

import pytest
from django.core.management import CommandError, call_command
from django.db import models

from feedback.models import Feedback, FeedbackEvent
from website.core import privacy


def test_every_field_that_looks_personal_is_declared():
    assert privacy.undeclared_fields() == []


def test_no_declaration_names_a_missing_model_or_field():
    assert privacy.stale_declarations() == []


def test_a_field_dropped_from_its_declaration_is_reported(monkeypatch):
    declaration = privacy.declaration(FeedbackEvent)
    monkeypatch.setattr(
        declaration,
        "fields",
        {k: v for k, v in declaration.fields.items() if k != "sent_to"},
    )
    assert privacy.undeclared_fields() == ["feedback.FeedbackEvent.sent_to"]


@pytest.mark.parametrize(
    "model_field, personal",
    [
        (models.CharField(name="display_name", max_length=10), True),
        (models.CharField(name="contact_phone", max_length=10), True),
        (models.EmailField(name="backup"), True),
        (models.GenericIPAddressField(name="origin"), True),
        (models.TextField(name="remarks"), True),
        (models.CharField(name="user_agent", max_length=10), True),
        (models.CharField(name="status", max_length=10), False),
        (models.UUIDField(name="translation_key"), False),
        (models.IntegerField(name="nps"), False),
    ],
)
def test_looks_personal(model_field, personal):
    assert privacy.looks_personal(model_field) is personal


def test_links_to_user_accounts_look_personal():
    assert privacy.looks_personal(Feedback._meta.get_field("entered_by"))
    assert not privacy.looks_personal(Feedback._meta.get_field("unit"))


def test_third_party_models_in_scope():
    labels = {model._meta.label for model in privacy.models_in_scope()}
    assert {"auth.User", "account.EmailAddress", "sessions.Session"} <= labels
    assert "wagtailcore.Page" not in labels


def test_docs_privacy_md_is_current():
    call_command("privacy_inventory", "--check")


def test_the_check_fails_on_an_outdated_file(tmp_path):
    target = tmp_path / "privacy.md"
    target.write_text("# Old\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("privacy_inventory", "--check", "--path", str(target))
    call_command("privacy_inventory", "--path", str(target), verbosity=0)
    call_command("privacy_inventory", "--check", "--path", str(target))
    assert "`sent_to` | e-mail address" in target.read_text(encoding="utf-8")


def test_anonymisation_clears_what_is_declared():
    assert privacy.blank_values(FeedbackEvent) == {"text": "", "sent_to": ""}
    assert set(privacy.blank_values(Feedback)) == {
        "text",
        "contact_name",
        "contact_email",
        "contact_phone",
        "internal_notes",
    }
