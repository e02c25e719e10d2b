import pytest
from django.core import mail

from participation.panels.demo import SLUG
from participation.panels.models import Panel, PanelDraw, Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_panel():
    return Panel.objects.get(slug=SLUG)


def test_admin_views(client, admin_user, demo_panel, django_assert_max_num_queries):
    client.force_login(admin_user)
    assert client.get("/admin/panels/").status_code == 200
    with django_assert_max_num_queries(40):
        response = client.get(f"/admin/panels/{demo_panel.pk}/")
    assert response.status_code == 200
    assert 'id="draw-municipality"' in response.content.decode()
    closed = demo_panel.rounds.get(status=Round.Status.CLOSED)
    response = client.get(f"/admin/panels/rounds/{closed.pk}/results/")
    assert response.status_code == 200
    assert "NPS" in response.content.decode()


def test_admin_draw_and_round_actions(
    client, admin_user, demo_panel, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    response = client.post(
        f"/admin/panels/{demo_panel.pk}/",
        {"method": "stratified", "size": "40", "seed": "123"},
    )
    assert response.status_code == 302
    draw = demo_panel.draws.first()
    assert draw.seed == 123 and draw.selected_count == 40
    assert draw.method == PanelDraw.Method.STRATIFIED
    draft = demo_panel.rounds.get(status=Round.Status.DRAFT)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/panels/rounds/{draft.pk}/send/")
    assert len(mail.outbox) == 40
    client.post(f"/admin/panels/rounds/{draft.pk}/close/")
    draft.refresh_from_db()
    assert draft.status == Round.Status.CLOSED


def test_staff_without_permission_is_refused(client, staff_user, demo_panel):
    client.force_login(staff_user)
    if staff_user.has_perm("panels.change_panel"):
        pytest.skip("the communications group may manage panels")
    response = client.get(f"/admin/panels/{demo_panel.pk}/")
    assert response.status_code in (302, 403)
