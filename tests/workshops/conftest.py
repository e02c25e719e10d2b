from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from participation.workshops.models import WorkshopPage
from website.core.translation import translate
from website.home.models import HomePage


def make_workshop(capacity=3, parent=None, **fields):
    fi = Locale.objects.get(language_code="fi")
    sv = Locale.objects.get(language_code="sv")
    home = parent or HomePage.objects.get(locale=fi)
    starts = timezone.now() + timedelta(days=10)
    defaults = {
        "title": "Testityöpaja",
        "slug": f"testityopaja-{WorkshopPage.objects.count()}",
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2),
        "address": "Testikatu 1, Järvenpää",
        "capacity": capacity,
        "locale": fi,
        "consent_text": "Hyväksyn tietojen käytön.",
    }
    defaults.update(fields)
    page = WorkshopPage(**defaults)
    home.add_child(instance=page)
    page.save_revision().publish()

    def apply(shadow):
        shadow.title = "Testworkshop"
        shadow.slug = page.slug.replace("testityopaja", "testworkshop")
        shadow.consent_text = "Jag samtycker."

    translate(page, sv, apply)
    page.refresh_from_db()
    return page, page.get_translation(sv).specific


@pytest.fixture
def workshop(db):
    return make_workshop()


def signup_data(name="Testi Henkilö", email="testi@example.com", **extra):
    from website.core.antispam import TIMESTAMP_FIELD, started_token

    data = {
        "name": name,
        "email": email,
        "organisation_type": "resident",
        "organisation_name": "",
        "attendees": "",
        "consent": "on",
        TIMESTAMP_FIELD: started_token(),
    }
    data.update(extra)
    return data


def committed():
    """Run the on-commit callbacks (the e-mail tasks) of the block at its end,
    as a real commit would; tests run inside a rolled-back transaction."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


class _Committed:
    """`svc.create_signup(...)`: a services call followed by its commit."""

    def __getattr__(self, name):
        from participation.workshops import services

        function = getattr(services, name)

        def run(*args, **kwargs):
            with committed():
                return function(*args, **kwargs)

        return run


svc = _Committed()
