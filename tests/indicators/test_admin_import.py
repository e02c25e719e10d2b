import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from website.indicators.importer import ImportResult
from website.indicators.models import IndicatorValue

from .conftest import HEADER, csv_bytes

pytestmark = pytest.mark.django_db

URL_NAME = "indicators_import_values"
LISTING = "wagtailsnippets_indicators_indicatorvalue:list"
BAD_FILE = csv_bytes(
    HEADER,
    ("morbidity_index", "keusote", 2024, "total", "88.4"),
    ("morbidity_index", "keusote", 2024, "total", "kolme"),
)


def upload(data, name="values.csv"):
    return {"file": SimpleUploadedFile(name, data, content_type="text/csv")}


def set_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_staff_can_import_and_is_sent_to_the_listing(client, staff_user, good_file):
    set_language(staff_user, "fi")
    client.force_login(staff_user)
    url = reverse(URL_NAME)
    html = client.get(url).content.decode()
    assert 'type="file"' in html and 'enctype="multipart/form-data"' in html
    response = client.post(url, upload(good_file))
    assert response.status_code == 302
    assert response["Location"] == reverse(LISTING)
    assert IndicatorValue.objects.filter(year=2024).count() == 3
    listing = client.get(response["Location"]).content.decode()
    with translation.override("fi"):
        summary = ImportResult(created=3).summary()
    assert summary in listing
    assert url in listing  # the header button


def test_listing_shows_the_import_button_only_to_those_who_may_import(
    client, staff_user
):
    client.force_login(staff_user)
    assert reverse(URL_NAME) in client.get(reverse(LISTING)).content.decode()


def test_anonymous_is_sent_to_login(client, good_file):
    response = client.post(reverse(URL_NAME), upload(good_file))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not IndicatorValue.objects.filter(year=2024).exists()


def test_admin_user_without_indicator_permissions_is_refused(client, good_file):
    user = get_user_model().objects.create_user("muu", "muu@example.com", "x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        # Adding alone is not enough: an import also changes values.
        Permission.objects.get(codename="add_indicatorvalue"),
    )
    client.force_login(user)
    # Wagtail's admin answers PermissionDenied with a redirect and a message.
    response = client.post(reverse(URL_NAME), upload(good_file))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not IndicatorValue.objects.filter(year=2024).exists()
    assert client.get(reverse(URL_NAME)).status_code == 302


def test_csrf_token_is_required(staff_user, good_file):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    response = client.post(reverse(URL_NAME), upload(good_file))
    assert response.status_code == 403
    assert not IndicatorValue.objects.filter(year=2024).exists()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_errors_are_listed_in_the_admin_language(client, staff_user, language):
    set_language(staff_user, language)
    client.force_login(staff_user)
    response = client.post(reverse(URL_NAME), upload(BAD_FILE))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    table = html.split('id="import-errors"')[1].split("</table>")[0]
    assert "<td>3</td>" in table
    with translation.override(language):
        reason = translation.gettext('The value "%(value)s" is not a number.') % {
            "value": "kolme"
        }
    assert reason.replace('"', "&quot;") in table
    assert not IndicatorValue.objects.filter(year=2024).exists()


def test_missing_file_is_a_form_error_in_finnish(client, staff_user):
    set_language(staff_user, "fi")
    client.force_login(staff_user)
    html = client.post(reverse(URL_NAME), {}).content.decode()
    # Django's own Finnish catalogue: "This field is required."
    assert "Tämä kenttä on pakollinen." in html
