"""Issue #10: translation status, the publish guard and its override log."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import TranslationSource

from tests.factories import MeasureFactory
from website.core.guard import CONFIRM_ACTION, OVERRIDE_ACTION
from website.core.models import TranslationSettings
from website.core.translation import translate
from website.core.translation_status import (
    DRAFT,
    MISSING,
    OUT_OF_DATE,
    PUBLISHED,
    status_rows,
    translation_problems,
)
from website.home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def states_of(obj):
    row = next(r for r in status_rows() if r.translation_key == obj.translation_key)
    return row.states


def new_fi_page(title="Uusi sivu", slug="uusi-sivu"):
    home = HomePage.objects.get(locale__language_code="fi")
    page = StandardPage(title=title, slug=slug, introduction="Alkuperäinen teksti.")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate_page(page):
    sv = HomePage.objects.get(locale__language_code="sv").locale

    def apply(shadow):
        shadow.title = "Ny sida"
        shadow.slug = "ny-sida"
        shadow.introduction = "Ursprunglig text."

    return translate(page, sv, apply)


def set_guard(mode):
    settings = TranslationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.publish_guard = mode
    settings.save()


def test_demo_content_is_published_in_both_languages(goal_pages):
    fi_goal, _sv_goal = goal_pages[1]
    assert states_of(fi_goal) == {"fi": PUBLISHED, "sv": PUBLISHED}


def test_states_missing_draft_out_of_date_and_back_to_published():
    page = new_fi_page()
    assert states_of(page) == {"fi": PUBLISHED, "sv": MISSING}

    sv_page = translate_page(page)
    assert states_of(page)["sv"] == PUBLISHED
    sv_page.unpublish()
    assert states_of(page)["sv"] == DRAFT
    sv_page.save_revision().publish()

    page.introduction = "Muutettu teksti, jota ei ole käännetty."
    page.save_revision().publish()
    assert states_of(page)["sv"] == OUT_OF_DATE

    # Syncing in wagtail-localize alone does not make it current ...
    source = TranslationSource.objects.get(object_id=page.translation_key)
    source.update_from_db()
    assert states_of(page)["sv"] == OUT_OF_DATE
    # ... publishing the updated translation does.
    translate_page(page)
    assert states_of(page)["sv"] == PUBLISHED


def test_measures_are_in_the_status_too():
    measure = MeasureFactory()
    assert states_of(measure) == {"fi": PUBLISHED, "sv": MISSING}


def test_problems_are_reported_only_for_the_source_side(goal_pages):
    page = new_fi_page()
    assert translation_problems(page) == [("sv", MISSING)]
    sv_page = translate_page(page)
    assert translation_problems(page) == []
    assert translation_problems(sv_page) == []


def test_status_view_counts_and_filters(client, staff_user, goal_pages):
    new_fi_page()
    client.force_login(staff_user)
    url = reverse("translation_status")
    html = client.get(url).content.decode()
    assert 'data-state="missing"' in html
    counts = html.split('id="translation-counts"')[1].split("</table>")[0]
    assert '<td data-state="missing">1</td>' in counts  # sv row
    filtered = client.get(url, {"state": "missing", "language": "sv"}).content.decode()
    table = filtered.split('id="translation-status"')[1]
    assert table.count("<tr>") == 2  # header + the one untranslated page
    assert "Uusi sivu" in table
    assert reverse("wagtail_localize:submit_page_translation", args=[0])[:-2] in table


def test_status_view_needs_translation_rights(client, goal_pages):
    user = get_user_model().objects.create_user("muu", "muu@example.com", "x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail's admin answers PermissionDenied with a redirect and a message.
    response = client.get(reverse("translation_status"))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def publish_via_admin(client, page, introduction):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": introduction,
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    data["action-publish"] = "action-publish"
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_guard_off_publishes(client, staff_user):
    set_guard("off")
    page = new_fi_page()
    client.force_login(staff_user)
    response = publish_via_admin(client, page, "Uusi versio")
    assert response.status_code == 302
    assert StandardPage.objects.get(pk=page.pk).introduction == "Uusi versio"


def test_guard_warn_asks_and_confirmation_publishes_and_logs(client, staff_user):
    set_guard("warn")
    page = new_fi_page()
    client.force_login(staff_user)
    response = publish_via_admin(client, page, "Uusi versio")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Svenska" in html
    page.refresh_from_db()
    assert page.introduction == "Alkuperäinen teksti."  # not published ...
    assert page.get_latest_revision_as_object().introduction == "Uusi versio"  # kept
    confirm = reverse("translation_guard_publish", args=[page.latest_revision_id])
    assert f'action="{confirm}"' in html
    response = client.post(confirm)
    assert response.status_code == 302
    assert StandardPage.objects.get(pk=page.pk).introduction == "Uusi versio"
    entry = PageLogEntry.objects.filter(page=page, action=CONFIRM_ACTION).get()
    assert entry.user == staff_user
    assert entry.data["problems"] == [{"language": "sv", "state": "missing"}]


def test_guard_block_refuses_and_only_override_permission_publishes(
    client, staff_user, admin_user
):
    set_guard("block")
    page = new_fi_page()
    client.force_login(staff_user)
    response = publish_via_admin(client, page, "Estetty versio")
    assert response.status_code == 409
    assert "Override" not in response.content.decode()
    confirm = reverse(
        "translation_guard_publish",
        args=[StandardPage.objects.get(pk=page.pk).latest_revision_id],
    )
    denied = client.post(confirm)
    assert (denied.status_code, denied["Location"]) == (302, "/admin/")
    assert StandardPage.objects.get(pk=page.pk).introduction == "Alkuperäinen teksti."

    client.force_login(admin_user)  # superuser: has the override permission
    assert client.post(confirm).status_code == 302
    assert StandardPage.objects.get(pk=page.pk).introduction == "Estetty versio"
    assert PageLogEntry.objects.filter(
        page=page, action=OVERRIDE_ACTION, user=admin_user
    ).exists()


def test_guard_does_not_stop_a_translation_or_an_up_to_date_page(client, staff_user):
    set_guard("block")
    page = new_fi_page()
    sv_page = translate_page(page)
    client.force_login(staff_user)
    # Re-publishing the source without changing its text is fine.
    assert publish_via_admin(client, page, "Alkuperäinen teksti.").status_code == 302
    # Publishing the Swedish translation is never guarded.
    assert translation_problems(sv_page) == []


def test_guard_covers_measures(client, staff_user):
    set_guard("block")
    measure = MeasureFactory()
    client.force_login(staff_user)
    url = reverse("wagtailsnippets_plan_measure:edit", args=[measure.pk])
    data = {
        "title": measure.title,
        "description": (
            '{"blocks": [{"key": "a1", "text": "", "type": "unstyled", "depth": 0,'
            ' "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}'
        ),
        "responsible": measure.responsible,
        "schedule": measure.schedule,
        "status": "done",
        "status_note": "",
        "indicators-TOTAL_FORMS": "0",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
    response = client.post(url, data)
    assert response.status_code == 409
    measure.refresh_from_db()
    assert measure.status == "not_started"
    assert not ModelLogEntry.objects.filter(action=OVERRIDE_ACTION).exists()
