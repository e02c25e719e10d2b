"""Handling in the Wagtail admin: inbox per handler, assign, transfer, reply,
close, staff entry, and the permission boundary between units."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from feedback import services
from feedback.models import Channel, Feedback, FeedbackEvent

from .conftest import make_handler

pytestmark = pytest.mark.django_db


def assert_not_found(client, url, method="get", data=None):
    """A 404 (the admin's 404 for an unprefixed path is redirected to the
    language-prefixed one by LocaleMiddleware, which is a 404 too)."""
    response = getattr(client, method)(url, data or {}, follow=True)
    assert response.status_code == 404
    return response


def new_feedback(unit, **fields):
    defaults = {"channel": Channel.WEB, "language": "fi", "nps": 8, "text": "Ok"}
    defaults.update(fields)
    return services.receive(unit=unit, **defaults)


def test_inbox_shows_only_own_units(client, handler, unit, other_unit):
    mine = new_feedback(unit, text="Oman yksikön palaute")
    theirs = new_feedback(other_unit, text="Toisen yksikön palaute")
    client.force_login(handler)
    response = client.get(reverse("feedback_inbox") + "?status=all")
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("feedback_detail", args=[mine.pk]) in html
    assert reverse("feedback_detail", args=[theirs.pk]) not in html
    assert "Toisen yksikön palaute" not in html


def test_inbox_query_count_is_bounded(
    client, handler, unit, django_assert_max_num_queries
):
    for i in range(30):
        new_feedback(unit, text=f"Palaute {i}")
    client.force_login(handler)
    with django_assert_max_num_queries(30):
        response = client.get(reverse("feedback_inbox") + "?status=all")
    assert response.content.decode().count("Palaute 2") >= 10


def test_area_handler_sees_units_below(client, unit):
    area_handler = make_handler("area_handler", unit.parent.parent)
    feedback = new_feedback(unit)
    client.force_login(area_handler)
    assert client.get(reverse("feedback_detail", args=[feedback.pk])).status_code == 200


def test_handler_cannot_see_or_act_on_other_units_feedback_by_url(
    client, handler, other_unit
):
    theirs = new_feedback(
        other_unit, text="Salainen", contact_email="antaja@example.com"
    )
    client.force_login(handler)
    response = assert_not_found(client, reverse("feedback_detail", args=[theirs.pk]))
    assert "Salainen" not in response.content.decode()
    for action in ("close", "erase", "reopen"):
        assert_not_found(
            client, reverse("feedback_act", args=[theirs.pk, action]), "post"
        )
    url = reverse("feedback_act", args=[theirs.pk, "reply"])
    assert_not_found(client, url, "post", {"message": "Hei"})
    url = reverse("feedback_act", args=[theirs.pk, "transfer"])
    mine = handler.feedback_units.first().pk
    assert_not_found(client, url, "post", {"unit": mine, "reason": "x"})
    theirs.refresh_from_db()
    assert theirs.status == Feedback.Status.NEW and theirs.text == "Salainen"
    assert not mail.outbox
    poster = reverse("feedback_poster", args=[other_unit.pk, "fi"])
    assert_not_found(client, poster)


def test_staff_without_the_permission_is_refused(client, staff_user, unit):
    # The communications user is a handler only of the web-site unit; take
    # the permission away and the inbox is closed.
    feedback = new_feedback(unit)
    user = get_user_model().objects.create_user(
        "nohandler", password="x", is_staff=True
    )
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    unit.handlers.add(user)  # a unit alone does not make a handler
    client.force_login(user)
    # Wagtail turns PermissionDenied into a redirect to the dashboard.
    for url in (
        reverse("feedback_inbox"),
        reverse("feedback_detail", args=[feedback.pk]),
    ):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_superuser_sees_everything(client, admin_user, other_unit):
    feedback = new_feedback(other_unit)
    client.force_login(admin_user)
    assert client.get(reverse("feedback_detail", args=[feedback.pk])).status_code == 200


def test_assign_transfer_reply_close(
    client, handler, unit, other_unit, other_handler, django_capture_on_commit_callbacks
):
    feedback = new_feedback(
        unit,
        language="sv",
        text="Jag väntade länge.",
        contact_email="givare@example.com",
        wants_reply=True,
    )
    colleague = make_handler("colleague", unit)
    client.force_login(handler)
    act = lambda action, data=None: client.post(  # noqa: E731
        reverse("feedback_act", args=[feedback.pk, action]), data or {}
    )
    assert act("assign", {"assignee": colleague.pk}).status_code == 302
    feedback.refresh_from_db()
    assert feedback.assigned_to == colleague
    assert feedback.status == Feedback.Status.IN_PROGRESS

    # A reply goes to the giver in the giver's language (Swedish).
    with django_capture_on_commit_callbacks(execute=True):
        assert act("reply", {"message": "Vi beklagar väntetiden."}).status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["givare@example.com"]
    assert "Svar på din respons" in message.subject
    assert "Vi beklagar väntetiden." in message.body
    assert "Tack för responsen" in message.body
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.ANSWERED

    # A handler outside the unit cannot assign one of them.
    assert act("assign", {"assignee": other_handler.pk}).status_code == 400

    assert act("note", {"note": "Soitettu asiakkaalle"}).status_code == 302
    assert act("close").status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.CLOSED and feedback.closed_at
    assert "Soitettu asiakkaalle" in feedback.internal_notes

    # Transfer with a reason: the other unit's handler takes over; this
    # handler loses sight of it and lands back in the inbox.
    assert act("transfer", {"unit": other_unit.pk, "reason": ""}).status_code == 400
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = act(
            "transfer",
            {"unit": other_unit.pk, "reason": "Kuuluu suun terveydenhuollolle"},
        )
    # The receiving unit's handler is told, in their language (Swedish).
    assert [m.to for m in mail.outbox] == [[other_handler.email]]
    assert "Respons överförd till" in mail.outbox[0].subject
    assert "Kuuluu suun terveydenhuollolle" in mail.outbox[0].body
    assert response["Location"] == reverse("feedback_inbox")
    feedback.refresh_from_db()
    assert feedback.unit == other_unit and feedback.assigned_to is None
    kinds = list(feedback.events.values_list("kind", flat=True))
    assert kinds == ["assigned", "replied", "note", "closed", "transferred"]
    transfer = feedback.events.get(kind=FeedbackEvent.Kind.TRANSFERRED)
    assert (transfer.from_unit, transfer.to_unit, transfer.user) == (
        unit,
        other_unit,
        handler,
    )
    assert_not_found(client, reverse("feedback_detail", args=[feedback.pk]))
    client.force_login(other_handler)
    html = client.get(reverse("feedback_detail", args=[feedback.pk])).content.decode()
    assert "Kuuluu suun terveydenhuollolle" in html
    assert "givare@example.com" in html


def test_staff_enters_paper_feedback_for_own_units_only(
    client, handler, unit, other_unit
):
    client.force_login(handler)
    url = reverse("feedback_add")
    data = {
        "channel": "paper",
        "received": "2025-03-04",
        "language": "fi",
        "unit": unit.pk,
        "nps": "6",
        "text": "Paperilomake: odotusaika liian pitkä",
        "contact_name": "Maija Meikäläinen",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    feedback = Feedback.objects.latest("pk")
    assert feedback.channel == "paper" and feedback.entered_by == handler
    assert feedback.created_at.date().isoformat() == "2025-03-04"
    assert feedback.alert_reason == "low_score"
    response = client.post(url, {**data, "unit": other_unit.pk})
    assert response.status_code == 200
    assert "Valitse oikea vaihtoehto" in response.content.decode()


def test_admin_pages_query_counts_do_not_grow_with_units(
    client, admin_user, unit, django_assert_max_num_queries
):
    """A superuser sees every unit (72 in the demo) in the filters and the
    transfer list: labels are built without a query per unit."""
    feedback = new_feedback(unit, contact_email="a@example.com")
    services.add_note(feedback, "Muistiinpano", admin_user)
    client.force_login(admin_user)
    with django_assert_max_num_queries(30):
        assert client.get(reverse("feedback_inbox")).status_code == 200
    with django_assert_max_num_queries(30):
        assert (
            client.get(reverse("feedback_detail", args=[feedback.pk])).status_code
            == 200
        )
    with django_assert_max_num_queries(30):
        assert client.get(reverse("feedback_add")).status_code == 200


def test_service_units_are_managed_as_snippets(client, admin_user, unit):
    client.force_login(admin_user)
    index = reverse("wagtailsnippets_feedback_serviceunit:list")
    assert client.get(index).status_code == 200
    edit = reverse("wagtailsnippets_feedback_serviceunit:edit", args=[unit.pk])
    assert client.get(edit).status_code == 200
    add = reverse("wagtailsnippets_feedback_serviceunit:add")
    response = client.post(
        add,
        {
            "parent": unit.pk,
            "name_fi": "Liian syvä",
            "name_sv": "För djup",
            "slug": "liian-syva",
            "active": "on",
            "sort_order": "0",
        },
    )
    assert response.status_code == 200  # a unit cannot have units below it
    assert "Yksikön alle ei voi lisätä yksiköitä." in response.content.decode()
