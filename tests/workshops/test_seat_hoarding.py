"""Audit finding 3, attacked as the auditor did: real posts of the sign-up
form (50 seats in one request, "resident" with many companions, one
organisation spelled differently or with one Business ID)."""

import pytest

from participation.workshops import services
from participation.workshops.models import OrganisationType, SignUp
from website.core.organisations import (
    business_id_is_valid,
    normalise_business_id,
    organisation_key,
)

from .conftest import committed, make_workshop, signup_data

pytestmark = pytest.mark.django_db


def post(client, page, **data):
    with committed():
        return client.post(page.url, signup_data(**data))


def names(n):
    return "\n".join(f"Henkilö {i}" for i in range(n))


def taken(page):
    return services.seats(page).taken + services.seats(page).waiting


def test_one_request_cannot_take_50_seats(client):
    fi, sv = make_workshop(capacity=100)
    response = post(
        client,
        fi,
        organisation_type="association",
        organisation_name="Iso yhdistys ry",
        attendees=names(50),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enintään 10 osallistujaa yhdellä ilmoittautumisella." in html
    assert "Henkilö 49" in html  # the typed input is kept
    assert taken(fi) == 0
    # The same in Swedish.
    response = post(
        client,
        sv,
        organisation_type="association",
        organisation_name="Iso yhdistys ry",
        attendees=names(50),
    )
    assert "Högst 10 deltagare per anmälan." in response.content.decode()
    assert taken(fi) == 0


def test_party_size_field_is_bounded_by_the_workshop(client):
    fi, _sv = make_workshop(capacity=100, ask_attendees=False, max_per_signup=6)
    response = post(
        client,
        fi,
        organisation_type="company",
        organisation_name="Yritys Oy",
        party_size="50",
    )
    assert response.status_code == 400
    assert taken(fi) == 0
    assert (
        post(
            client,
            fi,
            organisation_type="company",
            organisation_name="Yritys Oy",
            party_size="6",
        ).status_code
        == 302
    )
    assert taken(fi) == 6


def test_resident_brings_at_most_three_companions(client, settings):
    fi, sv = make_workshop(capacity=100, max_per_organisation=2)
    response = post(client, fi, attendees=names(20))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Asukkaana voit ilmoittaa itsesi ja enintään 3 seuralaista." in html
    response = post(client, sv, attendees=names(5))
    assert "Som invånare kan du anmäla dig själv och högst 3 sällskap." in (
        response.content.decode()
    )
    assert taken(fi) == 0
    assert post(client, fi, attendees=names(4)).status_code == 302
    assert taken(fi) == 4
    settings.WORKSHOP_MAX_COMPANIONS = 1
    assert post(client, fi, attendees=names(3), email="b@example.com").status_code == (
        400
    )


def test_quota_counts_every_signup_of_one_organisation(client):
    fi, sv = make_workshop(capacity=100, max_per_organisation=5)
    spellings = [
        "Keski-Uudenmaan Yhdistys ry",
        "keski-uudenmaan yhdistys r.y.",
        "KESKI UUDENMAAN  YHDISTYS RY",
    ]
    assert (
        post(
            client,
            fi,
            organisation_type="association",
            organisation_name=spellings[0],
            attendees=names(3),
            email="a@example.com",
        ).status_code
        == 302
    )
    response = post(
        client,
        fi,
        organisation_type="association",
        organisation_name=spellings[1],
        attendees=names(3),
        email="b@example.com",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "enintään 5 osallistujaa" in html and "2 paikkaa" in html
    response = post(
        client,
        sv,
        organisation_type="association",
        organisation_name=spellings[2],
        attendees=names(3),
        email="c@example.com",
    )
    assert response.status_code == 400
    assert "högst 5 deltagare" in response.content.decode()
    assert (
        post(
            client,
            fi,
            organisation_type="association",
            organisation_name=spellings[2],
            attendees=names(2),
            email="d@example.com",
        ).status_code
        == 302
    )
    assert taken(fi) == 5


def test_quota_follows_the_business_id_across_names(client):
    fi, _sv = make_workshop(capacity=100, max_per_organisation=4)
    assert (
        post(
            client,
            fi,
            organisation_type="company",
            organisation_name="Nokia Oyj",
            business_id="0112038-9",
            attendees=names(4),
            email="a@example.com",
        ).status_code
        == 302
    )
    response = post(
        client,
        fi,
        organisation_type="company",
        organisation_name="Aivan toinen nimi",
        business_id="0112038 9",
        attendees=names(1),
        email="b@example.com",
    )
    assert response.status_code == 400
    assert taken(fi) == 4
    # A cancelled sign-up no longer counts.
    first = SignUp.objects.get(email="a@example.com")
    with committed():
        services.cancel_signup(first.pk)
    assert (
        post(
            client,
            fi,
            organisation_type="company",
            organisation_name="Aivan toinen nimi",
            business_id="01120389",
            attendees=names(4),
            email="b@example.com",
        ).status_code
        == 302
    )
    assert SignUp.objects.get(email="b@example.com").business_id == "0112038-9"


def test_wrong_business_id_is_an_error_in_the_form(client):
    fi, sv = make_workshop(capacity=10)
    for page, text in ((fi, "muodossa 1234567-8"), (sv, "formen 1234567-8")):
        response = post(
            client,
            page,
            organisation_type="company",
            organisation_name="Yritys",
            business_id="0112038-8",
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert text in html and 'value="0112038-8"' in html
    assert not SignUp.objects.filter(workshop=fi).exists()


def test_resident_choice_does_not_bypass_the_service():
    fi, _sv = make_workshop(capacity=100, max_per_organisation=2)
    with pytest.raises(services.TooManyAttendees):
        services.create_signup(fi, ["x"] * 50, name="R", email="r@x.fi", language="fi")
    with pytest.raises(services.OrganisationQuotaFull):
        services.create_signup(
            fi,
            ["x"] * 3,
            name="O",
            email="o@x.fi",
            language="fi",
            organisation_type=OrganisationType.COMPANY,
            organisation_name="Firma",
        )
    assert taken(fi) == 0


def test_staff_edit_the_maximum_per_signup():
    from participation.workshops.models import WorkshopPage

    field = WorkshopPage._meta.get_field("max_per_signup")
    assert field.default == 10 and field.help_text
    edit = [
        panel.field_name
        for group in WorkshopPage.content_panels
        for panel in getattr(group, "children", [group])
        if hasattr(panel, "field_name")
    ]
    assert "max_per_signup" in edit


@pytest.mark.parametrize(
    "value,valid",
    [("0112038-9", True), ("0112038-8", False), ("1234567-2", False), ("abc", False)],
)
def test_business_id_check_digit(value, valid):
    assert business_id_is_valid(normalise_business_id(value)) is valid


def test_organisation_key_ignores_case_space_and_punctuation():
    assert (
        organisation_key("Keski-Uudenmaan Yhdistys ry")
        == organisation_key(" keski uudenmaan yhdistys r.y. ")
        == "keskiuudenmaanyhdistysry"
    )
    assert organisation_key("Åbo Förening") != organisation_key("Abo Forening")
