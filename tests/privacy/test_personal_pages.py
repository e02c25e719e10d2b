"""Audit finding 8: every page behind a personal link (a token or key in
the URL) or a login is `Cache-Control: private, no-store` and never stored
by the page cache. The URL patterns come from the resolver, so a new
personal URL without the mark (website.core.page_cache.personal_page)
fails here, and each one is fetched with a real personal link."""

from datetime import timedelta

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import AccessMixin
from django.core.cache import caches
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone, translation

from feedback import selfservice as feedback_selfservice
from feedback.models import Feedback
from participation.panels import services as panel_services
from participation.panels.models import Member, Round, RoundInvitation
from participation.workshops import services as workshop_services
from participation.workshops.models import WorkshopPage
from participation.workshops.tasks import cancel_token
from website.associations.models import Activity, Association, Representative
from website.core import page_cache

pytestmark = pytest.mark.django_db

# URL arguments that make a link personal.
SECRET_ARGUMENTS = {"token", "key", "uidb36"}
# Patterns with such an argument that are not personal links, and why.
NOT_PERSONAL = {
    "captcha-image": "the key names a random captcha challenge",
    "captcha-image-2x": "the key names a random captcha challenge",
    "captcha-audio": "the key names a random captcha challenge",
}
# Wagtail decorates every admin URL with never_cache itself
# (wagtail/admin/urls/__init__.py); checked on one page below.
ADMIN_PREFIX = "admin/"


def _patterns(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(
                pattern.url_patterns,
                prefix + str(pattern.pattern),
                pattern.namespace or namespace,
            )
        else:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield prefix + str(pattern.pattern), name, pattern


def _behind_login(view):
    """login_required (function views) or an access mixin (class views)."""
    while view is not None:
        if "user_passes_test" in getattr(view, "__qualname__", ""):
            return True
        view_class = getattr(view, "view_class", None)
        if view_class is not None and issubclass(view_class, AccessMixin):
            return True
        view = getattr(view, "__wrapped__", None)
    return False


def personal_patterns():
    """{url name: pattern} of every pattern behind a personal link or a login
    (the Finnish URLs; the Swedish ones are the same views)."""
    with translation.override("fi"):
        found = {}
        for route, name, pattern in _patterns(get_resolver().url_patterns):
            if route.startswith(ADMIN_PREFIX) or name in NOT_PERSONAL:
                continue
            arguments = set(pattern.pattern.regex.groupindex)
            if (
                arguments & SECRET_ARGUMENTS
                or _behind_login(pattern.callback)
                or page_cache.is_personal_page(pattern.callback)
                or route.startswith("fi/tili/")  # allauth: accounts
            ):
                found[name] = pattern
        return found


def test_every_personal_url_pattern_is_marked():
    patterns = personal_patterns()
    assert len(patterns) > 30  # accounts, self-service, panels, workshops
    unmarked = [
        name
        for name, pattern in patterns.items()
        if not page_cache.is_personal_page(pattern.callback)
    ]
    assert unmarked == []


def test_every_personal_url_pattern_has_a_real_link_below():
    assert set(personal_patterns()) == set(LINKS)


# --- real personal links --------------------------------------------------


@pytest.fixture
def people():
    """A representative with an association, a cancelled workshop sign-up
    (its status page renders no form, so no cookie) and a panel member with
    an open invitation."""
    user = get_user_model().objects.create_user(
        username="henkilo@example.org", email="henkilo@example.org", password="x"
    )
    address = EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    association = Association.objects.create(name_fi="Henkiloyhdistys", slug="hy")
    activity = Activity.objects.create(association=association, name_fi="Toiminta")
    Representative.objects.create(
        association=association, user=user, status=Representative.Status.APPROVED
    )
    workshop = (
        WorkshopPage.objects.live()
        .filter(locale__language_code="fi", starts_at__gt=timezone.now())
        .first()
    )
    signup, _created = workshop_services.create_signup(
        workshop,
        ["Sanni Salainen"],
        language="fi",
        name="Sanni Salainen",
        email="sanni@example.org",
    )
    workshop_services.cancel_signup(signup.pk)
    member = Member.objects.filter(status=Member.Status.MEMBER).first()
    round_ = Round.objects.create(
        panel=member.panel,
        title_fi="K",
        title_sv="O",
        intro_fi="",
        intro_sv="",
        closes_at=timezone.now() + timedelta(days=7),
    )
    round_.questions.create(kind="text", text_fi="K", text_sv="F")
    invitation = RoundInvitation.objects.create(round=round_, member=member)
    invitation.refresh_hash()
    invitation.save()
    Round.objects.filter(pk=round_.pk).update(status=Round.Status.OPEN)
    feedback = Feedback.objects.create(
        channel="web", text="Oma palaute", contact_email="antaja@example.org"
    )
    return {
        "feedback": feedback,
        "user": user,
        "address": address,
        "association": association,
        "activity": activity,
        "signup": signup,
        "member": member,
        "invitation": invitation,
    }


def _member(salt):
    return lambda p: {"token": panel_services.member_token(p["member"], salt)}


def _signup(p):
    return {"token": cancel_token(p["signup"])}


def _feedback(p):
    return {"token": feedback_selfservice.token(p["feedback"])}


def _association(p):
    return {"pk": p["association"].pk}


def _activity(p):
    return {"pk": p["association"].pk, "activity_pk": p["activity"].pk}


def _none(p):
    return {}


# name: (URL arguments, signed in?)
LINKS = {
    "workshops:signup": (_signup, False),
    "workshops:cancel": (_signup, False),
    "workshops:signup_data": (_signup, False),
    "workshops:signup_erase": (_signup, False),
    "feedback:mine": (_feedback, False),
    "feedback:mine_data": (_feedback, False),
    "feedback:mine_erase": (_feedback, False),
    "panels:confirm": (_member(panel_services.CONFIRM_SALT), False),
    "panels:answer": (lambda p: {"token": p["invitation"].token()}, False),
    "panels:self_service": (_member(panel_services.SELF_SERVICE_SALT), False),
    "panels:self_service_data": (_member(panel_services.SELF_SERVICE_SALT), False),
    "panels:self_service_erase": (_member(panel_services.SELF_SERVICE_SALT), False),
    "account_confirm_email": (
        lambda p: {"key": EmailConfirmationHMAC(p["address"]).key},
        False,
    ),
    "account_reset_password_from_key": (
        lambda p: {
            "uidb36": user_pk_to_url_str(p["user"]),
            "key": default_token_generator.make_token(p["user"]),
        },
        False,
    ),
    "association_selfservice:dashboard": (_none, True),
    "association_selfservice:create": (_none, True),
    "association_selfservice:claim": (_none, True),
    "association_selfservice:edit": (_association, True),
    "association_selfservice:activity_create": (_association, True),
    "association_selfservice:activity_edit": (_activity, True),
    "association_selfservice:activity_delete": (_activity, True),
    "association_selfservice:my_data": (_none, True),
    "association_selfservice:my_data_download": (_none, True),
    "association_selfservice:my_data_erase": (_none, True),
    **{
        name: (_none, True)
        for name in (
            "account_login",
            "account_logout",
            "account_inactive",
            "account_signup",
            "account_reauthenticate",
            "account_email",
            "account_email_verification_sent",
            "account_change_password",
            "account_set_password",
            "account_reset_password",
            "account_confirm_login_code",
            "account_reset_password_from_key_done",
            "account_reset_password_done",
            "mfa_index",
            "mfa_authenticate",
            "mfa_reauthenticate",
            "mfa_activate_totp",
            "mfa_deactivate_totp",
            "mfa_view_recovery_codes",
            "mfa_generate_recovery_codes",
            "mfa_download_recovery_codes",
        )
    },
}

FETCH, UPDATE = sorted(settings.PAGE_CACHE_MIDDLEWARE, key=lambda m: "Update" in m)


@pytest.fixture
def production_middleware():
    caches["pages"].clear()
    with override_settings(MIDDLEWARE=[UPDATE, *settings.MIDDLEWARE, FETCH]):
        yield
    caches["pages"].clear()


def _private(response):
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control and "no-store" in cache_control


@pytest.mark.parametrize("name", sorted(LINKS))
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_personal_page_is_private_and_never_cached(
    name, language, people, production_middleware
):
    arguments, signed_in = LINKS[name]
    with translation.override(language):
        url = reverse(name, kwargs=arguments(people))
    client = Client()
    if signed_in:
        # Through the form, so that allauth records a recent sign-in (MFA
        # pages ask for one).
        response = client.post(
            reverse("account_login"),
            {"login": people["user"].email, "password": "x"},
        )
        assert response.status_code == 302
    first = client.get(url)
    assert first.status_code < 500
    assert _private(first), first.get("Cache-Control")
    # Whoever asks next (the same link forwarded, a shared proxy) gets a
    # fresh answer from the view, not the stored page (a stored page would
    # come back with only "no-cache", see page_cache._revalidate).
    with CaptureQueriesContext(connection) as queries:
        second = Client().get(url)
    assert _private(second), second.get("Cache-Control")
    if signed_in:
        assert people["user"].email not in second.content.decode()
    else:
        assert len(queries) > 0  # the link was looked up again


def test_the_cancelled_sign_up_page_is_not_shared(people, production_middleware):
    """The reported case: the status page of a cancelled sign-up renders no
    form and sets no cookie; it was stored with the participant's name."""
    url = reverse("workshops:signup", kwargs=_signup(people))
    first = Client().get(url)
    assert "Sanni Salainen" in first.content.decode()
    assert not first.cookies
    assert _private(first)
    people["signup"].attendees.update(name="Uusi Nimi")
    assert "Uusi Nimi" in Client().get(url).content.decode()


def test_wagtail_admin_is_never_cached(staff_user):
    client = Client()
    client.force_login(staff_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert _private(response)
