import csv
import io

import pytest
from openpyxl import load_workbook

from participation.workshops.models import Attendee, SignUp

from .conftest import svc

pytestmark = pytest.mark.django_db


def url(name, page, *args):
    from django.urls import reverse

    return reverse(f"workshops_admin:{name}", args=[page.pk, *args])


@pytest.fixture
def filled(workshop):
    fi, _sv = workshop
    svc.create_signup(
        fi, ["=HYPERLINK(1)", "B"], name="=cmd|x", email="a@x.fi", language="fi"
    )
    svc.create_signup(fi, ["C", "D"], name="Odottaja", email="c@x.fi", language="sv")
    return fi


def test_participants_page_lists_and_needs_edit_permission(
    client, admin_user, filled, django_user_model, django_assert_max_num_queries
):
    outsider = django_user_model.objects.create_user("ulko", "u@x.fi", "x")
    client.force_login(outsider)
    assert client.get(url("participants", filled)).status_code in (302, 403)
    client.force_login(admin_user)
    response = client.get(url("participants", filled))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Odottaja" in html and 'id="waiting"' in html


def test_exports_are_formula_safe(client, admin_user, filled):
    client.force_login(admin_user)
    response = client.get(url("export", filled, "csv"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 3
    assert rows[1][2] == "'=cmd|x"
    assert "'=HYPERLINK(1)" in rows[1][9]
    response = client.get(url("export", filled, "xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [c.value for c in list(sheet.rows)[1]]
    assert "'=cmd|x" in values


def test_attendance_marking_and_staff_cancel_and_capacity(client, admin_user, filled):
    client.force_login(admin_user)
    confirmed = SignUp.objects.get(workshop=filled, status="confirmed")
    first = confirmed.attendees.first()
    client.post(url("attendance", filled), {"attended": [str(first.pk)]})
    marks = dict(
        Attendee.objects.filter(signup=confirmed).values_list("pk", "attended")
    )
    assert marks[first.pk] is True and list(marks.values()).count(False) == 1
    client.post(url("capacity", filled), {"capacity": "4"})
    assert SignUp.objects.get(name="Odottaja").status == "confirmed"
    client.post(url("cancel", filled, confirmed.pk))
    confirmed.refresh_from_db()
    assert confirmed.status == "cancelled"


def test_explorer_shows_the_participants_button(client, admin_user, workshop):
    fi, _sv = workshop
    client.force_login(admin_user)
    response = client.get(f"/admin/pages/{fi.get_parent().pk}/")
    assert response.status_code == 200
    assert url("participants", fi) in response.content.decode()
