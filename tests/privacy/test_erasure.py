"""Audit finding 6: every erase and retention path clears every copy of a
person's data. After each path, `traces` reads every column of every table
and must find neither the address, the name nor the phone number."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from post_office.models import Email

from feedback import services as feedback_services
from feedback.models import Channel, Feedback, ServiceUnit
from participation.panels import retention as panel_retention
from participation.panels import services as panel_services
from participation.panels.models import ConsentVersion, Member, Panel
from participation.workshops import retention as workshop_retention
from participation.workshops import services as workshop_services
from participation.workshops.models import SignUp, WorkshopPage
from website.associations import retention as association_retention
from website.associations.models import Association, ChangeRequest, Representative
from website.core import privacy
from website.indicators.models import Area

from ..traces import traces

pytestmark = pytest.mark.django_db

EMAIL = "ilmari.poistettava@example.org"
NAME = "Ilmari Poistettava"
PHONE = "0401239876"


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run the e-mail tasks queued on commit, as production does, so that
    whatever a mail queue or log keeps of them exists before the erasure."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def erased():
    """Addresses announced through privacy.address_erased."""
    addresses = []

    def receiver(sender, address, **kwargs):
        addresses.append(address)

    privacy.address_erased.connect(receiver)
    yield addresses
    privacy.address_erased.disconnect(receiver)


@pytest.fixture
def handler():
    from django.contrib.auth.models import Group

    from feedback.demo import HANDLER_GROUP

    user = get_user_model().objects.create_user(
        username="poisto_kasittelija", email="kasittelija@example.com", password="x"
    )
    user.groups.add(Group.objects.get(name=HANDLER_GROUP))
    return user


def give_feedback(handler, sent):
    unit = ServiceUnit.objects.get(slug="tuusula-terveysasema")
    other = ServiceUnit.objects.get(slug="mantsala-suunterveys")
    unit.handlers.add(handler)
    feedback = feedback_services.receive(
        channel=Channel.WEB,
        language="fi",
        unit=unit,
        nps=2,
        text=f"Olen {NAME}, vastatkaa osoitteeseen {EMAIL}.",
        contact_name=NAME,
        contact_email=EMAIL,
        contact_phone=PHONE,
        wants_reply=True,
    )
    feedback_services.add_note(feedback, f"Soitin numeroon {PHONE}.", handler)
    with sent():
        feedback_services.transfer(feedback, other, f"{NAME} pyysi siirtoa.", handler)
        feedback_services.reply(feedback, f"Hei {NAME}, kiitos palautteesta.", handler)
    assert traces(EMAIL) and traces(NAME) and traces(PHONE)
    return feedback


def test_erasing_feedback_leaves_no_trace(handler, sent, erased):
    feedback = give_feedback(handler, sent)
    feedback_services.erase(feedback, handler)
    # The reply log kept the address (FeedbackEvent.sent_to) before the fix.
    assert traces(EMAIL, NAME, PHONE) == []
    assert erased == [EMAIL]
    feedback.refresh_from_db()
    assert feedback.nps == 2 and feedback.anonymised_at  # statistics stay


def test_erasing_feedback_by_address_leaves_no_trace(handler, sent, erased):
    give_feedback(handler, sent)
    call_command("purge_feedback", "--contact-email", EMAIL.upper(), verbosity=0)
    assert traces(EMAIL, NAME, PHONE) == []
    assert EMAIL in erased


def test_feedback_retention_leaves_no_trace(handler, sent, settings, erased):
    settings.FEEDBACK_RETENTION_DAYS = 30
    feedback = give_feedback(handler, sent)
    Feedback.objects.filter(pk=feedback.pk).update(
        created_at=timezone.now() - timedelta(days=40)
    )
    call_command("purge_feedback", verbosity=0)
    assert traces(EMAIL, NAME, PHONE) == []
    assert EMAIL in erased


@pytest.fixture
def member():
    areas = list(Area.objects.filter(kind=Area.Kind.MUNICIPALITY))
    panel = Panel.objects.create(
        slug="poistopaneeli",
        name_fi="Poistopaneeli",
        name_sv="Raderingspanel",
        purpose_fi="Tarkoitus",
        purpose_sv="Syfte",
        target_size=10,
    )
    panel.municipalities.set(areas)
    consent = ConsentVersion.objects.create(
        panel=panel,
        version=1,
        consent_fi="Suostun",
        consent_sv="Jag samtycker",
        privacy_fi="Tietosuoja",
        privacy_sv="Dataskydd",
    )
    now = timezone.now()
    member = Member.objects.create(
        panel=panel,
        email=EMAIL,
        name=NAME,
        municipality=areas[0],
        age_group="30-44",
        consent=consent,
        consented_at=now,
        confirmed_at=now,
        status=Member.Status.MEMBER,
    )
    assert traces(EMAIL) and traces(NAME)
    return member


def test_panel_self_service_erase_leaves_no_trace(client, member, erased):
    token = panel_services.member_token(member, panel_services.SELF_SERVICE_SALT)
    response = client.post(f"/fi/paneelit/m/{token}/erase/")
    assert response.status_code == 200
    assert not Member.objects.filter(pk=member.pk).exists()
    assert traces(EMAIL, NAME) == []
    assert erased == [EMAIL]


def test_panel_retention_leaves_no_trace(member, erased):
    panel_services.leave(member)
    Member.objects.filter(pk=member.pk).update(
        left_at=timezone.now() - timedelta(days=400)
    )
    counts = panel_retention.purge()
    assert counts["left"] == 1
    assert traces(EMAIL, NAME) == []
    assert erased == [EMAIL]


def test_workshop_anonymisation_leaves_no_trace(sent, erased):
    workshop = (
        WorkshopPage.objects.live()
        .filter(locale__language_code="fi", starts_at__gt=timezone.now())
        .first()
    )
    with sent():
        signup, _created = workshop_services.create_signup(
            workshop,
            [NAME, "Toinen Osallistuja"],
            language="fi",
            name=NAME,
            email=EMAIL,
            phone=PHONE,
            free_text=f"{NAME} tarvitsee pyörätuoliluiskan",
        )
    # The confirmation is in the outbox (sent): it holds the address too.
    assert Email.objects.filter(to__icontains=EMAIL).exists()
    assert traces(EMAIL) and traces(NAME) and traces(PHONE)
    ended = timezone.now() - timedelta(days=365)
    WorkshopPage.objects.filter(pk=signup.workshop_id).update(
        starts_at=ended, ends_at=ended
    )
    assert workshop_retention.anonymise() >= 1
    assert traces(EMAIL, NAME, PHONE, "Toinen Osallistuja") == []
    assert EMAIL in erased
    assert SignUp.objects.filter(pk=signup.pk).exists()  # the counts stay


@pytest.fixture
def representative():
    user = get_user_model().objects.create_user(
        username=EMAIL,
        email=EMAIL,
        password="x",
        first_name="Ilmari",
        last_name="Poistettava",
    )
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    association = Association.objects.create(
        name_fi="Poistoyhdistys",
        slug="poistoyhdistys",
        representative_name=NAME,
        representative_email=EMAIL,
    )
    Representative.objects.create(
        association=association, user=user, status=Representative.Status.APPROVED
    )
    ChangeRequest.objects.create(
        association=association,
        kind=ChangeRequest.Kind.NEW_ASSOCIATION,
        submitted_by=user,
    )
    assert traces(EMAIL) and traces(NAME)
    return user


def test_erasing_a_representative_leaves_no_trace(client, representative, erased):
    client.force_login(representative)
    association_retention.erase_representative(representative)
    assert traces(EMAIL, NAME, "Poistettava") == []
    assert erased == [EMAIL]
    # The entry and the proposal are the association's, not the person's.
    assert Association.objects.filter(slug="poistoyhdistys").exists()
    assert ChangeRequest.objects.filter(association__slug="poistoyhdistys").exists()


def test_staff_accounts_are_not_erased_as_representatives(staff_user):
    with pytest.raises(ValueError):
        association_retention.erase_representative(staff_user)
    assert get_user_model().objects.filter(pk=staff_user.pk).exists()


def test_association_retention_of_an_unverified_account_leaves_no_trace(
    representative, erased
):
    EmailAddress.objects.filter(user=representative).update(verified=False)
    get_user_model().objects.filter(pk=representative.pk).update(
        date_joined=timezone.now() - timedelta(days=31)
    )
    counts = association_retention.purge()
    assert counts["unverified_accounts"] == 1
    assert traces(EMAIL, NAME, "Poistettava") == []
    assert EMAIL in erased
