"""Staff accounts need an authenticator app (TOTP) before the admin when
MFA_REQUIRED_FOR_STAFF is on (production); off, the demo logins work."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_without_the_setting_staff_use_the_admin_with_a_password(client, staff_user):
    client.force_login(staff_user)
    assert client.get("/admin/").status_code == 200


@override_settings(MFA_REQUIRED_FOR_STAFF=True)
def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/tili/2fa/totp/activate/")
    assert "next=%2Fadmin%2Fpages%2F" in response["Location"]
    # allauth first asks for the password again (force_login left no record
    # of it), in the site's layout and language.
    setup = client.get(response["Location"], follow=True)
    assert setup.status_code == 200
    assert setup.redirect_chain[-1][0].startswith("/fi/tili/reauthenticate/")
    assert '<html lang="fi">' in setup.content.decode()


@override_settings(MFA_REQUIRED_FOR_STAFF=True)
def test_staff_with_an_authenticator_use_the_admin(client, admin_user):
    Authenticator.objects.create(
        user=admin_user, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200


@override_settings(MFA_REQUIRED_FOR_STAFF=True)
def test_the_admins_password_only_login_leads_to_allauths_login(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/tili/login/?next=%2Fadmin%2Fpages%2F"


@override_settings(MFA_REQUIRED_FOR_STAFF=True)
def test_public_users_and_public_pages_are_not_affected(client):
    user = get_user_model().objects.create_user("asukas", "asukas@example.com", "x")
    client.force_login(user)
    assert client.get("/fi/").status_code == 200
    # Not staff: the admin refuses them as before, no MFA detour.
    response = client.get("/admin/")
    assert "2fa" not in response.get("Location", "")
