import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from feedback.demo import HANDLER_GROUP
from feedback.models import FeedbackFormPage, ServiceUnit
from website.core.antispam import TIMESTAMP_FIELD, started_token


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()  # rate-limit counters
    yield
    cache.clear()


@pytest.fixture
def form_pages(db):
    return (
        FeedbackFormPage.objects.get(locale__language_code="fi"),
        FeedbackFormPage.objects.get(locale__language_code="sv"),
    )


@pytest.fixture
def unit(db):
    return ServiceUnit.objects.get(slug="tuusula-terveysasema")


@pytest.fixture
def other_unit(db):
    return ServiceUnit.objects.get(slug="mantsala-suunterveys")


def make_handler(username, *units, language="fi"):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.com", password="x"
    )
    user.groups.add(Group.objects.get(name=HANDLER_GROUP))
    for u in units:
        u.handlers.add(user)
    if language != "fi":
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


@pytest.fixture
def handler(unit):
    return make_handler("tuusula_handler", unit)


@pytest.fixture
def other_handler(other_unit):
    return make_handler("mantsala_handler", other_unit, language="sv")


def answers(**extra):
    data = {
        "nps": "9",
        "text": "Hyvä palvelu",
        TIMESTAMP_FIELD: started_token(seconds_ago=10),
    }
    data.update(extra)
    return data
