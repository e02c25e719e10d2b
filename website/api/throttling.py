"""Per-client rate limit of the API, keyed on the site's one client-IP rule
(website.core.client_ip), the same as the public forms' and allauth's.

The rate is API_RATE_LIMIT (env; default 120/minute). Answers served from
the page cache never reach the view, so they cost nothing and are not
counted."""

from rest_framework.throttling import SimpleRateThrottle

from website.core.client_ip import client_ip


class ClientRateThrottle(SimpleRateThrottle):
    scope = "client"

    def get_ident(self, request):
        return client_ip(request) or "unknown"

    def get_cache_key(self, request, view):
        return self.cache_format % {
            "scope": self.scope,
            "ident": self.get_ident(request),
        }
