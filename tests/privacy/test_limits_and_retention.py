"""Audit finding 13: limits on free text and uploads, and the retention
purge of association representatives' personal data (a scheduled job)."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from wagtail.documents import get_document_model

from participation.workshops.models import FREE_TEXT_MAX, SignUp
from website.associations import retention
from website.associations.models import (
    DESCRIPTION_MAX,
    Association,
    ChangeRequest,
    Representative,
)
from website.associations.tasks import purge_associations
from website.indicators.models import Area

from ..traces import traces
from ..workshops.conftest import make_workshop, signup_data

pytestmark = pytest.mark.django_db

TOO_LONG_IN = {"fi": "enintään", "sv": "som mest"}


def make_user(email, verified=True, **fields):
    user = get_user_model().objects.create_user(
        username=email, email=email, password="x", **fields
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


# --- free text ---------------------------------------------------------------


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_representatives_description_is_limited(client, language):
    client.force_login(make_user("kuvaus@example.org"))
    tuusula = Area.objects.get(kind=Area.Kind.MUNICIPALITY, name_fi="Tuusula")
    with translation.override(language):
        url = reverse("association_selfservice:create")
    page = client.get(url).content.decode()
    assert f'maxlength="{DESCRIPTION_MAX}"' in page
    response = client.post(
        url,
        {
            "name_fi": "Pitkän tekstin yhdistys",
            "description_fi": "a" * (DESCRIPTION_MAX + 1),
            "municipalities": [tuusula.pk],
            "serves_fi": "on",
        },
    )
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert TOO_LONG_IN[language] in html and str(DESCRIPTION_MAX) in html
    assert not Association.objects.filter(name_fi="Pitkän tekstin yhdistys").exists()


def test_the_model_refuses_a_too_long_description_too():
    association = Association(
        name_fi="Tuonti", slug="tuonti", description_sv="a" * (DESCRIPTION_MAX + 1)
    )
    with pytest.raises(Exception) as error:
        association.full_clean()
    assert "description_sv" in error.value.message_dict


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_workshop_free_text_is_limited(client, language):
    fi, sv = make_workshop(ask_free_text=True)
    page = fi if language == "fi" else sv
    response = client.post(page.url, signup_data(free_text="b" * (FREE_TEXT_MAX + 1)))
    assert response.status_code == 400
    html = response.content.decode()
    assert TOO_LONG_IN[language] in html and str(FREE_TEXT_MAX) in html
    assert not SignUp.objects.filter(workshop=fi).exists()


# --- uploads -----------------------------------------------------------------


def upload_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": 1,
        },
    )


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_documents_are_limited_to_office_types(admin_client, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        response = upload_document(
            admin_client, "hyokkays.html", b"<script>alert(1)</script>"
        )
        assert response.status_code == 200  # the form again, with the error
        assert not get_document_model().objects.filter(title="hyokkays.html").exists()
        response = upload_document(admin_client, "muistio.pdf", b"%PDF-1.4 small")
        assert response.status_code == 302
        assert get_document_model().objects.filter(title="muistio.pdf").exists()


def test_documents_have_a_size_limit(admin_client, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path, DOCUMENT_MAX_UPLOAD_SIZE=1000):
        response = upload_document(admin_client, "iso.pdf", b"%PDF" + b"0" * 1000)
    assert response.status_code == 200
    assert "1000" in response.content.decode()  # "1000 tavua" / "1000 byte"
    assert not get_document_model().objects.filter(title="iso.pdf").exists()


def test_image_limits_are_set():
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024


# --- retention of representatives' data --------------------------------------


def _ago(days):
    return timezone.now() - timedelta(days=days)


def test_purge_is_a_scheduled_daily_job():
    jobs = {name: (every, path) for name, every, path in settings.SCHEDULED_JOBS}
    every, path = jobs["purge-associations"]
    assert every == 86400
    assert import_string(path) is purge_associations


def test_purge_applies_each_retention_period(settings):
    settings.ASSOCIATION_RETENTION_DAYS = 365
    settings.ASSOCIATION_UNVERIFIED_ACCOUNT_DAYS = 30
    User = get_user_model()
    stale_unverified = make_user("vanha.vahvistamaton@example.org", verified=False)
    fresh_unverified = make_user("uusi.vahvistamaton@example.org", verified=False)
    left = make_user("lahtenyt@example.org", first_name="Leena", last_name="Lahtija")
    active = make_user("aktiivinen@example.org")
    User.objects.filter(pk=stale_unverified.pk).update(date_joined=_ago(31))
    User.objects.filter(pk=left.pk).update(date_joined=_ago(800), last_login=_ago(400))
    User.objects.filter(pk=active.pk).update(
        date_joined=_ago(800), last_login=_ago(400)
    )

    kept = Association.objects.create(name_fi="Pidetty", slug="pidetty")
    Representative.objects.create(
        association=kept, user=active, status=Representative.Status.APPROVED
    )
    old_request = Representative.objects.create(association=kept, user=fresh_unverified)
    Representative.objects.filter(pk=old_request.pk).update(created_at=_ago(400))
    orphan = Association.objects.create(
        name_fi="Orpo",
        slug="orpo",
        representative_name="Eero Entinen",
        representative_email="entinen@example.org",
    )
    Association.objects.filter(pk=orphan.pk).update(updated_at=_ago(400))
    old_change = ChangeRequest.objects.create(
        association=kept,
        kind=ChangeRequest.Kind.ASSOCIATION,
        status=ChangeRequest.Status.REJECTED,
        submitted_by=active,
        reason="Ei käy",
        decided_at=_ago(400),
    )
    pending = ChangeRequest.objects.create(
        association=kept, kind=ChangeRequest.Kind.ASSOCIATION, submitted_by=active
    )
    ChangeRequest.objects.filter(pk=pending.pk).update(submitted_at=_ago(400))
    from wagtail.models import ModelLogEntry

    from website.associations import history

    old_entry = history.record(
        kept, "associations.edited", active, [["phone", "1", "2"]]
    )
    ModelLogEntry.objects.filter(pk=old_entry.pk).update(timestamp=_ago(400))
    fresh_entry = history.record(kept, "associations.edited", active)

    result = purge_associations.enqueue()
    assert result.return_value == {
        "unverified_accounts": 1,
        "accounts_left": 1,
        "requests": 1,
        "change_requests": 1,
        "entries": 1,
        "history": 1,
    }
    assert not ModelLogEntry.objects.filter(pk=old_entry.pk).exists()
    assert ModelLogEntry.objects.filter(pk=fresh_entry.pk).exists()
    assert not User.objects.filter(pk__in=[stale_unverified.pk, left.pk]).exists()
    assert User.objects.filter(pk__in=[fresh_unverified.pk, active.pk]).count() == 2
    assert not Representative.objects.filter(pk=old_request.pk).exists()
    assert not ChangeRequest.objects.filter(pk=old_change.pk).exists()
    assert ChangeRequest.objects.filter(pk=pending.pk).exists()
    orphan.refresh_from_db()
    assert (orphan.representative_name, orphan.representative_email) == ("", "")
    assert traces("vanha.vahvistamaton@", "lahtenyt@", "Lahtija", "entinen@") == []
    # Nothing else is touched.
    assert Representative.objects.filter(association=kept, user=active).exists()
    assert Association.objects.filter(pk=kept.pk).exists()


def test_demo_staff_and_handlers_are_never_purged(settings):
    settings.ASSOCIATION_RETENTION_DAYS = 0
    settings.ASSOCIATION_UNVERIFIED_ACCOUNT_DAYS = 0
    User = get_user_model()
    staff = set(User.objects.filter(is_staff=True).values_list("pk", flat=True)) | set(
        User.objects.filter(groups__isnull=False).values_list("pk", flat=True)
    )
    retention.purge()
    assert set(User.objects.filter(pk__in=staff).values_list("pk", flat=True)) == staff
