"""django-allauth adapter (settings.ACCOUNT_ADAPTER) and user display
(settings.ACCOUNT_USER_DISPLAY)."""

from types import SimpleNamespace
from urllib.parse import urlencode, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext

from .client_ip import client_ip
from .links import public_url


def user_display(user):
    """What allauth shows of an account: its e-mail address. Usernames are
    generated and mean nothing to the person."""
    return user.email or gettext("your account")


def site_identity():
    """The site as allauth's e-mails name it: the service's name in the
    active language, not the host name."""
    return SimpleNamespace(
        name=gettext("Together for wellbeing"),
        domain=urlsplit(public_url("/")).netloc,
    )


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        """allauth's rate limits (login, sign-up and our public forms through
        website.core.antispam) key on the same address as everything else
        (website.core.client_ip). allauth's own parsing would answer a short
        X-Forwarded-For with ImproperlyConfigured, a 500."""
        address = client_ip(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def format_email_subject(self, subject):
        return f"{site_identity().name}: {subject}"

    def send_mail(self, template_prefix, email, context):
        # allauth would name the site by the request's host.
        super().send_mail(
            template_prefix,
            email,
            {
                **context,
                "current_site": site_identity(),
                "site_url": public_url(f"/{get_language()}/"),
            },
        )

    def get_email_confirmation_url(self, request, emailconfirmation):
        """The link in the verification e-mail: on the public site, and
        carrying the page the person was on when they signed up, so that
        confirming takes them back there."""
        url = public_url(reverse("account_confirm_email", args=[emailconfirmation.key]))
        target = _next_url(request)
        return f"{url}?{urlencode({'next': target})}" if target else url


def _next_url(request):
    if request is None:
        return None
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts=None, require_https=False
    ):
        return target
    return None
