"""Every cookie the public site may set, and why: the one list that the
cookie page shows and the cookie crawl (tests/browser/test_cookies.py)
checks against. All are strictly necessary, so no consent banner is needed
(ePrivacy art. 5(3)); a new cookie goes here first, with its reason.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Cookie:
    name: str
    purpose: str
    when: str
    lifetime: str


def site_cookies():
    return [
        Cookie(
            settings.CSRF_COOKIE_NAME,
            _(
                "Protects the forms you send against forgery from other sites "
                "(cross-site request forgery)."
            ),
            _(
                "When you open a page with a form that is sent to us (feedback, "
                "workshop sign-up, resident panel, signing in)."
            ),
            _("One year"),
        ),
        Cookie(
            settings.SESSION_COOKIE_NAME,
            _("Keeps you signed in."),
            _("Only when you sign in (staff and associations' representatives)."),
            _("Two weeks, or until you sign out"),
        ),
        Cookie(
            CookieStorage.cookie_name,
            _("Shows a one-time notice after an action, e.g. that you signed in."),
            _("Only after an action that shows such a notice."),
            _("Until the notice has been shown"),
        ),
    ]


def names():
    return {cookie.name for cookie in site_cookies()}
