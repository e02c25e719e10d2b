import pytest
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import MeasureFactory
from website.core.demo import COMMUNICATIONS_GROUP
from website.plan.models import GoalPage, Measure, MeasureStatusChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def test_communications_staff_can_reach_pages_measures_and_translation(
    staff_client, staff_user, goal_pages
):
    assert staff_user.groups.filter(name=COMMUNICATIONS_GROUP).exists()
    fi_goal, sv_goal = goal_pages[1]
    assert staff_client.get("/admin/").status_code == 200
    for page in (fi_goal, sv_goal):
        response = staff_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
    measure = Measure.objects.filter(locale__language_code="fi").first()
    edit_url = reverse("wagtailsnippets_plan_measure:edit", args=[measure.pk])
    html = staff_client.get(edit_url).content.decode()
    assert "Tilahistoria" in html or "Status history" in html
    perms = fi_goal.permissions_for_user(staff_user)
    assert perms.can_edit() and perms.can_publish()
    assert staff_user.has_perm("wagtail_localize.submit_translation")
    assert staff_user.has_perm("plan.publish_measure")


def test_pages_and_measures_go_through_a_moderation_workflow(goal_pages):
    workflow = goal_pages[1][0].get_workflow()
    assert workflow is not None
    assert workflow.active
    assert Measure.objects.first().get_workflow() is not None


def test_status_change_in_the_admin_is_recorded_with_the_user(staff_client, staff_user):
    measure = MeasureFactory()
    measure.save_revision(user=staff_user).publish(user=staff_user)
    url = reverse("wagtailsnippets_plan_measure:edit", args=[measure.pk])
    data = {
        "title": measure.title,
        "description": (
            '{"blocks": [{"key": "a1", "text": "", "type": "unstyled", "depth": 0,'
            ' "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}'
        ),
        "responsible": measure.responsible,
        "schedule": measure.schedule,
        "status": "in_progress",
        "status_note": "Aloitettu",
        "indicators-TOTAL_FORMS": "0",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "1000",
        "action-publish": "action-publish",
    }
    response = staff_client.post(url, data)
    # The new measure has no Swedish translation, so the publish guard (warn by
    # default) asks first; the change is recorded once the editor confirms.
    assert response.status_code == 200
    assert not MeasureStatusChange.objects.filter(
        translation_key=measure.translation_key, to_status="in_progress"
    ).exists()
    measure.refresh_from_db()
    confirm = reverse("translation_guard_publish", args=[measure.latest_revision_id])
    assert staff_client.post(confirm).status_code == 302
    change = MeasureStatusChange.objects.filter(
        translation_key=measure.translation_key
    ).first()
    assert (change.from_status, change.to_status) == ("not_started", "in_progress")
    assert change.changed_by == staff_user
    assert change.note == "Aloitettu"


def test_anonymous_users_cannot_edit(client, goal_pages):
    response = client.get(
        reverse("wagtailadmin_pages:edit", args=[goal_pages[1][0].pk])
    )
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(("language", "word"), [("fi", "Sivut"), ("sv", "Sidor")])
def test_admin_works_in_finnish_and_swedish(client, staff_user, language, word):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(staff_user)
    profile.preferred_language = language
    profile.save()
    client.force_login(staff_user)
    html = client.get("/admin/").content.decode()
    assert f'lang="{language}"' in html
    assert word in html
    # Our own admin strings are translated too.
    html = client.get(reverse("wagtailsnippets_plan_measure:list")).content.decode()
    assert {"fi": "Toimenpiteet", "sv": "Åtgärder"}[language] in html


def test_goal_edit_form_has_help_text_on_fields(staff_client, goal_pages):
    html = staff_client.get(
        reverse("wagtailadmin_pages:edit", args=[goal_pages[1][0].pk])
    ).content.decode()
    assert "SMART" in html


def test_locales_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"fi", "sv"}


def test_goal_page_tree_rules():
    assert GoalPage.parent_page_types == ["plan.PlanPage"]
