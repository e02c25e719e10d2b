"""URLconf for tests/test_error_pages.py: the site's routes plus views that
fail, under the language prefixes and without one."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import BadRequest, PermissionDenied
from django.urls import path

from website import urls as site_urls
from website.urls import handler400, handler403, handler404, handler500  # noqa: F401


def boom(request):
    raise RuntimeError("a bug")


def deny(request):
    raise PermissionDenied


def bad(request):
    raise BadRequest


failing = [path("boom/", boom), path("deny/", deny), path("bad/", bad)]
urlpatterns = [
    *failing,
    *i18n_patterns(*failing, prefix_default_language=True),
    *site_urls.urlpatterns,
]
