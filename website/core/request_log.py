"""One log line per request, and a request id on every log line.

`RequestLogMiddleware` (first in MIDDLEWARE) logs method, path, status,
duration and request id to the "website.request" logger; in production the
JSON formatter turns that into one object per line. The request id comes
from a sane `X-Request-ID` header (a proxy's) or is generated, and is echoed
in the response so that a person can quote it.

Never logged: the query string (search terms, e-mail addresses in links)
and personal tokens in paths. A URL whose route has parameters is logged as
its route pattern (`fi/tyopajat/peru/<str:token>/`), because personal links
carry their token in the path; a path that resolves to no such route has
segments that look like a signed token or an e-mail address replaced.
"""

import contextvars
import logging
import re
import time
import uuid

logger = logging.getLogger("website.request")

_request_id = contextvars.ContextVar("request_id", default="-")
_SANE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# Signed tokens (django.core.signing) contain ":", e-mail addresses "@".
_PERSONAL_SEGMENT = re.compile(r"[:@]|%40|%3A", re.IGNORECASE)
HEALTH_PATHS = ("/healthz", "/readyz")


class RequestIdFilter(logging.Filter):
    """Adds the current request's id (or "-") to every log record."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get()
        return True


def current_request_id():
    return _request_id.get()


def redact_path(path):
    """`path` with every segment that may be personal replaced."""
    return "/".join(
        "<redacted>" if _PERSONAL_SEGMENT.search(segment) else segment
        for segment in path.split("/")
    )


def loggable_path(request):
    """The route pattern when the URL has named parameters, else the path
    with personal-looking segments redacted; never the query string."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.kwargs and match.route:
        return "/" + match.route.lstrip("^").rstrip("$")
    return redact_path(request.path)


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request.headers.get("X-Request-ID", "")
        if not _SANE_ID.match(request_id):
            request_id = uuid.uuid4().hex
        request.request_id = request_id
        token = _request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            response["X-Request-ID"] = request_id
            path = loggable_path(request)
            # Load balancers poll the health URLs every few seconds.
            quiet = request.path in HEALTH_PATHS and response.status_code == 200
            logger.log(
                logging.DEBUG if quiet else logging.INFO,
                "%s %s %s %sms",
                request.method,
                path,
                response.status_code,
                duration_ms,
                extra={
                    "method": request.method,
                    "path": path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                },
            )
            return response
        finally:
            _request_id.reset(token)
