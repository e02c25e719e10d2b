"""System checks for settings that are easy to get silently wrong."""

from django.conf import settings
from django.core.checks import Error, register

# Names that look right but that nothing reads (DESIGN.md "allauth settings
# prefix"): allauth 65 reads its core settings with the ALLAUTH_ prefix, so
# under any other name the proxy count stays 0 and every visitor behind the
# load balancer shares one rate-limit bucket.
DEAD_SETTINGS = {
    "ACCOUNT_TRUSTED_PROXY_COUNT": "ALLAUTH_TRUSTED_PROXY_COUNT",
    "TRUSTED_PROXY_COUNT": "ALLAUTH_TRUSTED_PROXY_COUNT",
    "SOCIALACCOUNT_TRUSTED_PROXY_COUNT": "ALLAUTH_TRUSTED_PROXY_COUNT",
    "ACCOUNT_TRUSTED_CLIENT_IP_HEADER": "ALLAUTH_TRUSTED_CLIENT_IP_HEADER",
    "ACCOUNT_RATE_LIMIT_IPV6_PREFIX": "ALLAUTH_RATE_LIMIT_IPV6_PREFIX",
}


@register("security")
def check_client_ip_settings(app_configs, **kwargs):
    errors = []
    for name, right in DEAD_SETTINGS.items():
        if hasattr(settings, name):
            errors.append(
                Error(
                    f"{name} is set, but nothing reads it.",
                    hint=f"Use {right} (website/core/client_ip.py).",
                    id="core.E001",
                )
            )
    count = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        errors.append(
            Error(
                "ALLAUTH_TRUSTED_PROXY_COUNT must be a whole number, 0 or more.",
                id="core.E002",
            )
        )
    if getattr(settings, "ALLAUTH_TRUSTED_CLIENT_IP_HEADER", None):
        errors.append(
            Error(
                "ALLAUTH_TRUSTED_CLIENT_IP_HEADER is not used: the client IP "
                "comes from X-Forwarded-For and ALLAUTH_TRUSTED_PROXY_COUNT.",
                hint="Unset it; website.core.client_ip is the one rule.",
                id="core.E003",
            )
        )
    return errors
