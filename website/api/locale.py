"""Django's LocaleMiddleware, except that an API 404 stays a 404.

For a path outside i18n_patterns, Django answers a 404 with a redirect to
the same path under /fi/ or /sv/ when that path resolves, and Wagtail's
catch-all route resolves every path: a client asking for a measure that does
not exist would be sent to an HTML page."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

API_PREFIX = "/api/"


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(API_PREFIX):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
