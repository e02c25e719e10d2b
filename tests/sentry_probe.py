"""Run under website.settings.production with SENTRY_DSN by
tests/runtime/test_sentry.py: a request whose view raises, with personal
data in its path, query string, cookie and headers."""

import io
import logging
import sys
from pathlib import Path

# As in production_probe.py: tests/ must not shadow the top-level apps.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]

import django  # noqa: E402

django.setup()
import sentry_sdk  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import path  # noqa: E402

from website import urls as site_urls  # noqa: E402


def boom(request, email, token):
    # An earlier log line becomes a breadcrumb of the event.
    logging.getLogger("feedback").warning("Alert to " + email + " refused")
    raise RuntimeError("probe failure")


# The site's URLs too: the 500 page links to them; and its error views (the
# 500 page of the site reads nothing from the database).
urlpatterns = [path("boom/<str:email>/<str:token>/", boom), *site_urls.urlpatterns]
handler500 = site_urls.handler500

# Through the real WSGI application, as gunicorn calls it (sentry-sdk's
# Django integration hooks in there).
environ = {
    "REQUEST_METHOD": "GET",
    "SCRIPT_NAME": "",
    "PATH_INFO": "/boom/matti.meikalainen@example.fi/eyJzIjo1fQ:1vQx/",
    "QUERY_STRING": "email=matti@example.fi",
    "SERVER_NAME": "hyvinvointi.example.fi",
    "SERVER_PORT": "443",
    "HTTP_HOST": "hyvinvointi.example.fi",
    "HTTP_X_FORWARDED_PROTO": "https",
    "HTTP_COOKIE": "sessionid=session-secret-value",
    "HTTP_AUTHORIZATION": "Bearer bearer-secret-value",
    "wsgi.url_scheme": "https",
    "wsgi.input": io.BytesIO(b""),
    "wsgi.errors": sys.stderr,
    "wsgi.version": (1, 0),
    "wsgi.multithread": False,
    "wsgi.multiprocess": False,
    "wsgi.run_once": False,
}
statuses = []
# The 500 page links the site's CSS; no collectstatic ran for this probe.
plain_static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
with override_settings(
    ROOT_URLCONF=__name__,
    STORAGES={**settings.STORAGES, "staticfiles": plain_static},
):
    body = get_wsgi_application()(
        environ, lambda status, headers: statuses.append(status)
    )
    b"".join(body)
assert statuses[0].startswith("500"), statuses
sentry_sdk.flush(timeout=10)
print("sent")
