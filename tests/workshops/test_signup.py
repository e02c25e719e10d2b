import re

import pytest
from django.core import mail
from django.test import override_settings
from post_office.models import STATUS, Email

from participation.workshops import services
from participation.workshops.models import SignUp
from participation.workshops.tasks import cancel_url, signup_from_token

from .conftest import committed, make_workshop, signup_data, svc

pytestmark = pytest.mark.django_db


def post(client, page, **data):
    with committed():
        return client.post(page.url, signup_data(**data))


def test_page_shows_details_and_form_in_each_language(client, workshop):
    fi, sv = workshop
    response = client.get(fi.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 / 3" not in html and "3 paikkaa 3:sta vapaana" in html
    assert 'for="id_name"' in html and "Ilmoittaudu" in html
    html = client.get(sv.url).content.decode()
    assert "3 av 3 platser lediga" in html and "Anmäl dig" in html


def test_resident_signs_up_and_gets_finnish_mail_with_ics_and_cancel_link(
    client, workshop
):
    fi, _sv = workshop
    response = post(client, fi)
    assert response.status_code == 302
    signup = SignUp.objects.get(workshop=fi)
    assert signup.status == SignUp.Status.CONFIRMED
    assert signup.language == "fi" and signup.party_size == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject.startswith("Ilmoittautuminen vahvistettu")
    assert message.extra_headers["Content-Language"] == "fi"
    assert "/fi/tyopajat/" in message.body
    [part] = message.attachments
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "PUBLISH"
    assert part.get_filename() == f"tyopaja-{fi.slug}.ics"
    ics = part.get_payload(decode=True).decode()
    assert "BEGIN:VEVENT" in ics and "\r\n" in ics
    assert "SUMMARY;LANGUAGE=fi:Testityöpaja" in ics
    # The redirect lands on the signed status page in Finnish.
    page = client.get(response["Location"]).content.decode()
    assert "Sinulla on paikka." in page
    assert Email.objects.get(to=signup.email).status == STATUS.sent


def test_swedish_signup_gets_swedish_mail(client, workshop):
    _fi, sv = workshop
    post(client, sv, email="svensk@example.com")
    signup = SignUp.objects.get(email="svensk@example.com")
    assert signup.language == "sv" and signup.workshop_id == _fi.pk
    message = mail.outbox[0]
    assert message.subject.startswith("Anmälan bekräftad")
    assert "/sv/workshoppar/" in message.body
    assert "Testworkshop" in message.body


def test_group_counts_attendees_and_full_workshop_goes_to_waiting_list(
    client, workshop
):
    fi, sv = workshop
    post(
        client,
        fi,
        organisation_type="association",
        organisation_name="Testiyhdistys ry",
        attendees="Aino\nBertta\n\n",
    )
    group = SignUp.objects.get(organisation_name="Testiyhdistys ry")
    assert group.party_size == 2 and group.attendees.count() == 2
    assert services.seats(fi).free == 1
    post(client, fi, email="b@example.com")
    response = post(client, sv, email="c@example.com")
    waiting = SignUp.objects.get(email="c@example.com")
    assert waiting.status == SignUp.Status.WAITING
    page = client.get(response["Location"]).content.decode()
    assert "Du står på reservlistan, som nummer 1 i kön." in page
    assert mail.outbox[-1].subject.startswith("Du står på reservlistan")
    # The page says honestly that a new sign-up goes to the waiting list.
    assert "Jonotuslista:" in client.get(fi.url).content.decode()


def test_party_larger_than_free_seats_waits_whole_and_blocks_later_ones(workshop):
    fi, _sv = workshop
    first, _ = svc.create_signup(fi, ["A"], name="A", email="a@x.fi", language="fi")
    party, _ = svc.create_signup(
        fi, ["B1", "B2", "B3"], name="B", email="b@x.fi", language="fi"
    )
    # 2 seats are free, but the party of 3 is never split: it waits whole.
    assert party.status == SignUp.Status.WAITING
    assert party.attendees.count() == 3
    # Nobody jumps the queue: a single person now waits behind the party.
    single, _ = svc.create_signup(fi, ["C"], name="C", email="c@x.fi", language="fi")
    assert single.status == SignUp.Status.WAITING
    # When the first cancels, 3 seats are free: the party gets them, in order.
    _, promoted = svc.cancel_signup(first.pk)
    assert [s.pk for s in promoted] == [party.pk]
    single.refresh_from_db()
    assert single.status == SignUp.Status.WAITING
    assert services.seats(fi).taken == 3


def test_cancel_through_signed_link_promotes_in_order(client, workshop):
    fi, _sv = workshop
    keep, _ = svc.create_signup(fi, ["A", "B"], name="A", email="a@x.fi", language="fi")
    leaver, _ = svc.create_signup(fi, ["C"], name="C", email="c@x.fi", language="fi")
    first, _ = svc.create_signup(fi, ["D"], name="D", email="d@x.fi", language="sv")
    second, _ = svc.create_signup(fi, ["E"], name="E", email="e@x.fi", language="fi")
    assert first.status == second.status == SignUp.Status.WAITING
    mail.outbox.clear()
    link = re.search(r"https?://\S+", cancel_url(leaver)).group(0)
    path = link.split("8000", 1)[-1] if "8000" in link else link
    assert client.get(path).status_code == 200
    with committed():
        client.post(path)
    leaver.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert leaver.status == SignUp.Status.CANCELLED
    assert first.status == SignUp.Status.CONFIRMED and first.promoted_at
    assert second.status == SignUp.Status.WAITING
    subjects = sorted(m.subject for m in mail.outbox)
    assert any(s.startswith("Ilmoittautuminen peruttu") for s in subjects)
    # The promoted person signed up in Swedish and is told in Swedish.
    promoted = [m for m in mail.outbox if m.to == ["d@x.fi"]][0]
    assert promoted.subject.startswith("Du fick en plats")
    assert promoted.attachments  # the calendar entry
    # Cancelling twice changes nothing.
    client.post(path)
    assert SignUp.objects.filter(status="confirmed", workshop=fi).count() == 2


def test_wrong_link_gives_a_clear_page_in_the_users_language(client):
    response = client.get("/sv/workshoppar/avbokning/nonsense/")
    assert response.status_code == 404
    assert "Länken är inte giltig" in response.content.decode()
    response = client.get("/fi/tyopajat/peruminen/nonsense/")
    assert "Linkki ei ole voimassa" in response.content.decode()


def test_capacity_increase_promotes_from_waiting_list(workshop):
    fi, sv = workshop
    svc.create_signup(fi, ["A", "B", "C"], name="A", email="a@x.fi", language="fi")
    waiting, _ = svc.create_signup(
        fi, ["D", "E"], name="D", email="d@x.fi", language="fi"
    )
    assert waiting.status == SignUp.Status.WAITING
    svc.set_capacity(sv, 4)  # not enough for the party of two
    waiting.refresh_from_db()
    assert waiting.status == SignUp.Status.WAITING
    svc.set_capacity(fi, 5)
    waiting.refresh_from_db()
    sv.refresh_from_db()
    assert waiting.status == SignUp.Status.CONFIRMED and sv.capacity == 5


def test_publishing_a_bigger_capacity_promotes(
    workshop, django_capture_on_commit_callbacks
):
    fi, _sv = workshop
    svc.create_signup(fi, ["A", "B", "C"], name="A", email="a@x.fi", language="fi")
    waiting, _ = svc.create_signup(fi, ["D"], name="D", email="d@x.fi", language="fi")
    fi.capacity = 4
    with django_capture_on_commit_callbacks(execute=True):
        fi.save_revision().publish()
    waiting.refresh_from_db()
    assert waiting.status == SignUp.Status.CONFIRMED


def test_double_submission_creates_one_signup(client, workshop):
    fi, _sv = workshop
    data = signup_data(submission_key="6f1c8e0a-2b7d-4c1e-9a55-3f0e7d2b9c11")
    with committed():
        first = client.post(fi.url, data)
        second = client.post(fi.url, data)
    assert SignUp.objects.filter(workshop=fi).count() == 1
    # Both lead to the same sign-up (the signed links carry the second in
    # which they were made, so they differ when a second passes between).
    tokens = [r["Location"].rstrip("/").rsplit("/", 1)[1] for r in (first, second)]
    assert signup_from_token(tokens[0]) == signup_from_token(tokens[1]) is not None
    assert len(mail.outbox) == 1


def test_waiting_list_limit_refuses_honestly(client):
    fi, _sv = make_workshop(capacity=1, waitlist_limit=1)
    post(client, fi, email="a@example.com")
    post(client, fi, email="b@example.com")
    # Seats and the waiting list are full: the page says so and offers no
    # form; a form sent from an older copy of the page saves nothing.
    html = client.get(fi.url).content.decode()
    assert "Täynnä: myös jonotuslista on täynnä." in html
    assert 'name="email"' not in html
    response = post(client, fi, email="c@example.com")
    assert "Täynnä: myös jonotuslista on täynnä." in response.content.decode()
    assert SignUp.objects.filter(workshop=fi).count() == 2


def test_waiting_list_limit_refuses_a_group_that_does_not_fit(client):
    fi, _sv = make_workshop(capacity=1, waitlist_limit=2)
    post(client, fi, email="a@example.com")
    post(client, fi, email="b@example.com")
    response = post(
        client,
        fi,
        email="c@example.com",
        organisation_type="association",
        organisation_name="Yhdistys ry",
        attendees="A\nB",
    )
    assert response.status_code == 400
    assert "jonotuslistakin on täynnä" in response.content.decode()
    assert SignUp.objects.filter(workshop=fi).count() == 2


def test_maximum_attendees_per_organisation(client):
    fi, _sv = make_workshop(capacity=10, max_per_organisation=2)
    response = post(
        client,
        fi,
        organisation_type="association",
        organisation_name="Yhdistys ry",
        attendees="A\nB\nC",
    )
    assert response.status_code == 400
    assert "voi olla yhteensä enintään 2 osallistujaa" in response.content.decode()


def test_errors_are_listed_and_next_to_fields_in_swedish(client, workshop):
    _fi, sv = workshop
    response = post(client, sv, name="", email="fel", organisation_type="company")
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html
    assert "Ange namnet på organisationen" in html
    assert not SignUp.objects.exists() or not SignUp.objects.filter(email="fel")


def test_honeypot_stops_a_bot(client, workshop):
    fi, _sv = workshop
    response = post(client, fi, homepage="http://spam.example")
    assert response.status_code == 400
    assert not SignUp.objects.filter(workshop=fi).exists()


@override_settings(ACCOUNT_RATE_LIMITS={"workshop_signup": "2/h/ip"})
def test_rate_limit_brings_the_captcha(client, workshop):
    from django.core.cache import cache

    cache.clear()
    fi, _sv = workshop
    post(client, fi, email="a@example.com")
    post(client, fi, email="b@example.com")
    response = post(client, fi, email="c@example.com")
    assert response.status_code == 400
    assert 'name="captcha_1"' in response.content.decode()
    assert not SignUp.objects.filter(email="c@example.com").exists()
    cache.clear()


def test_signup_closed_shows_no_form(client):
    from django.utils import timezone

    fi, _sv = make_workshop(signup_closes=timezone.now())
    html = client.get(fi.url).content.decode()
    assert "Ilmoittautuminen on päättynyt." in html
    assert 'name="email"' not in html


def test_association_representative_is_prefilled(client, workshop, django_user_model):
    from website.associations.models import Association, Representative

    fi, _sv = workshop
    user = django_user_model.objects.create_user(
        "edustaja", "edustaja@example.com", "x", first_name="Eeva", last_name="E"
    )
    association = Association.objects.filter(municipalities__isnull=False).first()
    Representative.objects.create(
        association=association, user=user, status=Representative.Status.APPROVED
    )
    client.force_login(user)
    html = client.get(fi.url).content.decode()
    assert 'value="edustaja@example.com"' in html
    assert f'value="{association.name_fi}"' in html
    response = client.post(
        fi.url,
        signup_data(
            name="Eeva E",
            email="edustaja@example.com",
            association=str(association.pk),
            organisation_type="resident",
            attendees="Eeva\nOlli",
        ),
    )
    assert response.status_code == 302
    signup = SignUp.objects.get(user=user)
    assert signup.association == association
    assert signup.organisation_type == "association"
    assert signup.organisation_name == association.name_fi
    assert signup.party_size == 2


def test_staff_notified_at_80_and_100_percent_once(workshop):
    fi, _sv = make_workshop(capacity=5, staff_email="staff@example.com")
    svc.create_signup(fi, ["A"] * 3, name="A", email="a@x.fi", language="fi")
    assert not [m for m in mail.outbox if m.to == ["staff@example.com"]]
    svc.create_signup(fi, ["B"], name="B", email="b@x.fi", language="fi")
    svc.create_signup(fi, ["C"], name="C", email="c@x.fi", language="fi")
    signup, _ = svc.create_signup(fi, ["D"], name="D", email="d@x.fi", language="fi")
    svc.cancel_signup(signup.pk)
    staff = [m.subject for m in mail.outbox if m.to == ["staff@example.com"]]
    assert staff == ["Testityöpaja on 80 % täynnä", "Testityöpaja on 100 % täynnä"]
