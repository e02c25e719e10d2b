import pytest
from django.core.management import call_command
from django.utils import translation

# A real SMTP server that tests stop and start (tests/smtp_sink.py).
from tests.smtp_sink import smtp_sink, smtp_transport  # noqa: F401


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the bilingual demo site once; every `db` test runs on it inside a
    transaction that is rolled back."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture(autouse=True)
def reset_language():
    """Tests that activate a language must not leak it into the next test."""
    yield
    translation.activate("fi")
    translation.deactivate()


@pytest.fixture
def locales(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="fi"), Locale.objects.get(
        language_code="sv"
    )


@pytest.fixture
def plan_pages(db):
    from website.plan.models import PlanPage

    return (
        PlanPage.objects.get(locale__language_code="fi"),
        PlanPage.objects.get(locale__language_code="sv"),
    )


@pytest.fixture
def goal_pages(db):
    """{number: (fi goal, sv goal)}"""
    from website.plan.models import GoalPage

    pairs = {}
    for goal in GoalPage.objects.select_related("locale"):
        pairs.setdefault(goal.number, {})[goal.locale.language_code] = goal
    return {n: (p["fi"], p["sv"]) for n, p in pairs.items()}


@pytest.fixture
def staff_user(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="viestinta")


@pytest.fixture
def admin_user(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="admin")
