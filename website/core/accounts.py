"""django-allauth adapter (settings.ACCOUNT_ADAPTER)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied

from .client_ip import client_ip


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
