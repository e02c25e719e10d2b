import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from website.programs.models import ProgramStatusCard, ReportingPeriod

pytestmark = pytest.mark.django_db

VIEWS = [
    "wagtailsnippets_programs_programstatuscard:list",
    "wagtailsnippets_programs_program:list",
    "wagtailsnippets_programs_reportingperiod:list",
    "wagtailsnippets_programs_programstatuscard:add",
]


@pytest.mark.parametrize("name", VIEWS)
def test_anonymous_cannot_reach_the_admin_views(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_anonymous_cannot_edit_a_card(client):
    card = ProgramStatusCard.objects.first()
    response = client.get(
        reverse("wagtailsnippets_programs_programstatuscard:edit", args=[card.pk])
    )
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("name", VIEWS)
def test_communications_staff_can_manage_programs(client, staff_user, name):
    client.force_login(staff_user)
    assert client.get(reverse(name)).status_code == 200


def test_staff_permissions(staff_user):
    for model in ("program", "programstatuscard"):
        for action in ("add", "change", "delete", "publish"):
            assert staff_user.has_perm(f"programs.{action}_{model}")


def test_card_list_filters_by_period_and_program(client, admin_user):
    client.force_login(admin_user)
    card = ProgramStatusCard.objects.select_related("program").first()
    response = client.get(
        reverse("wagtailsnippets_programs_programstatuscard:list"),
        {"period": card.period_id, "program": card.program_id, "q": "Demo"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert card.program.name in html


def test_admin_form_rejects_a_second_card_for_the_same_program_and_period(
    client, staff_user
):
    client.force_login(staff_user)
    card = ProgramStatusCard.objects.filter(locale__language_code="fi").first()
    data = {
        "program": card.program_id,
        "period": card.period_id,
        "overall": "on_track",
        "schedule": "on_track",
        "risks": "at_risk",
        "resources": "critical",
        "past_successes": rich_text("<p>Testi</p>"),
        "coming_tasks": rich_text("<p>Testi</p>"),
        "achievements": rich_text("<p>Testi</p>"),
        "attention": rich_text("<p>Testi</p>"),
        "authors": "Testi",
    }
    add_url = reverse("wagtailsnippets_programs_programstatuscard:add")
    response = client.post(add_url + "?locale=fi", data)
    assert response.status_code == 200
    assert response.context["form"].errors["period"]
    assert (
        ProgramStatusCard.objects.filter(
            program=card.program, period=card.period
        ).count()
        == 1
    )
    # Another period is fine.
    data["period"] = ReportingPeriod.objects.create(year=2031, half=1).pk
    response = client.post(add_url + "?locale=fi", data)
    assert response.status_code == 302
    created = ProgramStatusCard.objects.get(program=card.program, period=data["period"])
    assert created.locale_id == card.locale_id


def test_swedish_card_opens_in_the_translation_editor(client, staff_user):
    client.force_login(staff_user)
    card = ProgramStatusCard.objects.filter(locale__language_code="sv").first()
    response = client.get(
        reverse("wagtailsnippets_programs_programstatuscard:edit", args=[card.pk])
    )
    assert response.status_code == 200
    # wagtail-localize's editor, where the statuses are read-only.
    names = [t.name for t in response.templates if t.name]
    assert any("wagtail_localize" in name for name in names), names
