"""Two-factor authentication for everyone who can use the Wagtail admin.

With `MFA_REQUIRED_FOR_STAFF` on (the production default; off in the dev and
test settings so that the demo logins work):

- the admin's own password-only login page sends people to allauth's login,
  which asks for the authenticator code once one is set up;
- a signed-in staff user (is_staff, superuser, or the Wagtail
  "access admin" permission) without an authenticator app (TOTP) is sent to
  allauth's TOTP setup page before any admin page, and back afterwards.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse


def is_staff_account(user):
    return user.is_active and (
        user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")
    )


def has_totp(user):
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()


class StaffMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "MFA_REQUIRED_FOR_STAFF", False):
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request):
        admin = reverse("wagtailadmin_home")
        if not request.path.startswith(admin):
            return None
        if request.path in (reverse("wagtailadmin_logout"),):
            return None
        user = request.user
        if not user.is_authenticated:
            if request.path == reverse("wagtailadmin_login"):
                target = request.GET.get("next", admin)
                return redirect_with_next("account_login", target)
            return None
        if is_staff_account(user) and not has_totp(user):
            return redirect_with_next("mfa_activate_totp", request.get_full_path())
        return None


def redirect_with_next(name, target):
    return redirect(reverse(name) + "?" + urlencode({"next": target}))
