"""Representatives keep their entries current; staff moderate every change."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation

from website.associations.models import (
    Association,
    AssociationMapPage,
    ChangeRequest,
    Representative,
    Theme,
)
from website.indicators.models import Area

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Decision e-mails are queued after commit: run those callbacks."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def make_user(email):
    user = get_user_model().objects.create_user(
        username=email, email=email, password="pw-for-tests-1"
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def rep(client):
    user = make_user("edustaja@example.org")
    client.force_login(user)
    return user


def url(name, language="fi", **kwargs):
    with translation.override(language):
        return reverse(f"association_selfservice:{name}", kwargs=kwargs)


def entry_data(**overrides):
    tuusula = Area.objects.get(kind=Area.Kind.MUNICIPALITY, name_fi="Tuusula")
    data = {
        "name_fi": "Hyrylän lukupiiri ry",
        "name_sv": "Hyrylä läsecirkel rf",
        "description_fi": "Luemme ja keskustelemme kirjoista.",
        "description_sv": "Vi läser och diskuterar böcker.",
        "municipalities": [tuusula.pk],
        "themes": [Theme.objects.first().pk],
        "serves_fi": "on",
        "serves_sv": "on",
        "email": "lukupiiri@example.org",
        "city": "Tuusula",
        "latitude": "60.4030",
        "longitude": "25.0290",
    }
    data.update(overrides)
    return data


def map_pages():
    return {
        p.locale.language_code: p
        for p in AssociationMapPage.objects.select_related("locale")
    }


def geojson_names(client, language):
    page = map_pages()[language]
    response = client.get(page.url + "geojson/")
    return {f["properties"]["name"] for f in json.loads(response.content)["features"]}


def approve_in_admin(client, change, staff, committed):
    client.force_login(staff)
    with committed():
        response = client.post(
            reverse("association_moderation_review", args=[change.pk]),
            {"approve": "1"},
        )
    assert response.status_code == 302
    change.refresh_from_db()
    return change


def test_anonymous_users_are_sent_to_sign_in_and_cannot_post(client):
    response = client.get(url("dashboard", "sv"))
    assert response.status_code == 302
    assert response["Location"].startswith("/sv/konto/login/")
    assert client.get(response["Location"]).status_code == 200
    before = Association.objects.count()
    response = client.post(url("create"), entry_data())
    assert response.status_code == 302
    assert Association.objects.count() == before


def test_new_association_waits_for_approval_then_shows_on_the_map(
    committed, client, rep, admin_user
):
    with translation.override("sv"):
        response = client.post(url("create", "sv"), entry_data())
    assert response.status_code == 302
    association = Association.objects.get(name_fi="Hyrylän lukupiiri ry")
    assert not association.published
    assert association.representative_email == rep.email
    assert Association.objects.represented_by(rep).get() == association
    change = ChangeRequest.objects.get(association=association)
    assert change.kind == ChangeRequest.Kind.NEW_ASSOCIATION
    assert change.language == "sv"
    # Not public while pending.
    client.logout()
    assert "Hyrylä läsecirkel rf" not in geojson_names(client, "sv")
    slug_url = map_pages()["fi"].url + association.slug + "/"
    assert client.get(slug_url).status_code == 404

    change = approve_in_admin(client, change, admin_user, committed)
    assert change.status == ChangeRequest.Status.APPROVED
    association.refresh_from_db()
    assert association.published
    assert "Hyrylä läsecirkel rf" in geojson_names(client, "sv")
    assert "Hyrylän lukupiiri ry" in geojson_names(client, "fi")
    assert client.get(slug_url).status_code == 200
    # Told in Swedish, the language they used.
    (message,) = mail.outbox
    assert message.to == [rep.email]
    assert "Godkänd" in message.subject
    assert "Hyrylän lukupiiri ry" in message.subject or "Hyrylä" in message.subject


def test_invalid_entry_keeps_the_input_and_explains_in_the_page_language(client, rep):
    with translation.override("sv"):
        response = client.post(
            url("create", "sv"),
            entry_data(latitude="60.4", longitude="", email="not-an-address"),
        )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Hyrylän lukupiiri ry"' in html
    assert "Ange både latitud och longitud" in html
    assert 'role="alert"' in html
    assert not Association.objects.filter(name_fi="Hyrylän lukupiiri ry").exists()


@pytest.fixture
def own(rep):
    association = Association.objects.filter(published=True, is_demo=True).first()
    Representative.objects.create(
        association=association,
        user=rep,
        status=Representative.Status.APPROVED,
        language="fi",
    )
    return association


def test_edit_of_a_public_entry_is_a_proposal_shown_as_a_diff(
    committed, client, rep, own, staff_user
):
    old_name = own.name_fi
    response = client.post(
        url("edit", pk=own.pk),
        entry_data(
            name_fi=old_name,
            name_sv=own.name_sv,
            description_fi="Uusi kuvaus.",
            city=own.city,
        ),
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.description_fi != "Uusi kuvaus."  # still the public version
    change = ChangeRequest.objects.get(association=own, status="pending")
    assert change.data["description_fi"] == "Uusi kuvaus."

    # The form shows the pending proposal when opened again.
    assert "Uusi kuvaus." in client.get(url("edit", pk=own.pk)).content.decode()

    client.force_login(staff_user)  # communications staff may moderate
    queue = client.get(reverse("association_moderation"))
    assert queue.status_code == 200 and old_name in queue.content.decode()
    review = client.get(reverse("association_moderation_review", args=[change.pk]))
    html = review.content.decode()
    assert "<ins>Uusi kuvaus.</ins>" in html
    assert html.count('class="diff-changed"') >= 1

    # Rejecting needs a reason, which reaches the representative.
    response = client.post(
        reverse("association_moderation_review", args=[change.pk]), {"reject": "1"}
    )
    assert response.status_code == 200
    change.refresh_from_db()
    assert change.status == "pending"
    with committed():
        client.post(
            reverse("association_moderation_review", args=[change.pk]),
            {"reject": "1", "reason": "Kuvaus on liian lyhyt."},
        )
    change.refresh_from_db()
    assert change.status == "rejected"
    (message,) = mail.outbox
    assert "Kuvaus on liian lyhyt." in message.body
    assert "Ei hyväksytty" in message.subject
    own.refresh_from_db()
    assert own.description_fi != "Uusi kuvaus."


def test_a_newer_proposal_replaces_the_older_one(client, rep, own):
    for text in ("Ensimmäinen.", "Toinen."):
        client.post(
            url("edit", pk=own.pk),
            entry_data(name_fi=own.name_fi, description_fi=text),
        )
    pending = ChangeRequest.objects.pending().filter(association=own)
    assert [c.data["description_fi"] for c in pending] == ["Toinen."]


def test_activity_changes_are_applied_on_approval(
    committed, client, rep, own, admin_user
):
    client.post(
        url("activity_create", pk=own.pk),
        {"name_fi": "Lukupiiri", "language": "fi", "is_free": "on"},
    )
    activity = own.activities.first()
    client.post(url("activity_delete", pk=own.pk, activity_pk=activity.pk))
    assert own.activities.count() == 1  # nothing changes before approval
    changes = list(ChangeRequest.objects.pending().filter(association=own))
    assert {c.kind for c in changes} == {"new_activity", "delete_activity"}
    for change in changes:
        approve_in_admin(client, change, admin_user, committed)
    names = list(own.activities.values_list("name_fi", flat=True))
    assert names == ["Lukupiiri"]


def test_price_is_required_when_not_free(client, rep, own):
    response = client.post(
        url("activity_create", pk=own.pk), {"name_fi": "Jooga", "language": "fi"}
    )
    assert response.status_code == 200
    assert "Anna hinta" in response.content.decode()


def test_a_representative_cannot_touch_another_association(client, rep, own):
    other = Association.objects.filter(published=True).exclude(pk=own.pk).first()
    activity = other.activities.first()
    assert client.get(url("edit", pk=other.pk)).status_code == 404
    assert client.post(url("edit", pk=other.pk), entry_data()).status_code == 404
    assert (
        client.post(
            url("activity_create", pk=other.pk), {"name_fi": "X", "language": "fi"}
        ).status_code
        == 404
    )
    assert (
        client.post(
            url("activity_delete", pk=other.pk, activity_pk=activity.pk)
        ).status_code
        == 404
    )
    # Nor another association's activity through their own association.
    assert (
        client.get(url("activity_edit", pk=own.pk, activity_pk=activity.pk)).status_code
        == 404
    )
    assert not ChangeRequest.objects.filter(association=other).exists()


def test_a_pending_representation_grants_nothing(client, rep):
    association = Association.objects.filter(published=True).first()
    client.post(url("claim"), {"association": association.pk})
    representation = Representative.objects.get(user=rep)
    assert representation.status == "pending"
    assert client.get(url("edit", pk=association.pk)).status_code == 404


def test_claim_approved_by_staff_grants_editing(committed, client, rep, admin_user):
    association = Association.objects.filter(published=True).first()
    with translation.override("sv"):
        client.post(url("claim", "sv"), {"association": association.pk})
    representation = Representative.objects.get(user=rep)
    assert representation.language == "sv"
    client.force_login(admin_user)
    with committed():
        client.post(
            reverse("association_moderation_claim", args=[representation.pk]),
            {"approve": "1"},
        )
    client.force_login(rep)
    assert client.get(url("edit", pk=association.pk)).status_code == 200
    (message,) = mail.outbox
    assert "Du kan nu redigera" in message.subject


def test_only_moderators_reach_the_moderation_queue(client, rep):
    response = client.get(reverse("association_moderation"))
    assert response.status_code in (302, 403)
    change = ChangeRequest.objects.create(
        association=Association.objects.first(), kind="association", data={}
    )
    response = client.post(
        reverse("association_moderation_review", args=[change.pk]), {"approve": "1"}
    )
    assert response.status_code in (302, 403)
    change.refresh_from_db()
    assert change.status == "pending"


def test_dashboard_lists_own_associations_only(
    client, rep, own, django_assert_max_num_queries
):
    with django_assert_max_num_queries(17):
        response = client.get(url("dashboard"))
    html = response.content.decode()
    assert own.name_fi in html
    other = Association.objects.exclude(pk=own.pk).first()
    assert other.name_fi not in html


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_moderators_see_the_whole_history_with_what_changed(
    committed, client, rep, staff_user, language
):
    """Issue 20.6: edits made before approval are part of the history the
    moderator reads, with the old and new values, in the moderator's
    language."""
    client.post(url("create"), entry_data())
    association = Association.objects.get(name_fi="Hyrylän lukupiiri ry")
    # Before approval the representative edits directly (no proposal)...
    client.post(
        url("edit", pk=association.pk),
        entry_data(description_fi="Luemme runoja ja romaaneja."),
    )
    client.post(
        url("activity_create", pk=association.pk),
        {"name_fi": "Runoilta", "language": "fi", "is_free": "on"},
    )
    change = ChangeRequest.objects.get(association=association, status="pending")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(staff_user)
    profile.preferred_language = language
    profile.save()
    client.force_login(staff_user)
    html = client.get(
        reverse("association_moderation_review", args=[change.pk])
    ).content.decode()
    history = html[html.index('id="history"') :]
    with translation.override(language):
        from django.utils.translation import gettext

        for label in (
            "Created by the representative",
            "Edited before approval",
            "Activity saved before approval",
            "History of the entry",
        ):
            assert gettext(label) in html, label
    assert "Luemme ja keskustelemme kirjoista." in history  # the old value
    assert "Luemme runoja ja romaaneja." in history  # the new one
    assert "Runoilta" in history
    # Wagtail's own History view of the entry lists the same actions.
    from wagtail.models import ModelLogEntry

    actions = set(
        ModelLogEntry.objects.for_instance(association).values_list("action", flat=True)
    )
    assert {
        "associations.created",
        "associations.edited",
        "associations.activity_saved",
    } <= actions
