"""Error reports to Sentry (SENTRY_DSN), without personal data.

`send_default_pii=False` keeps sentry-sdk from adding cookies, users and IP
addresses; `scrub` (before_send) removes what is left that can be personal:
request bodies, cookies, query strings, headers other than a few harmless
ones, user details other than the id, personal tokens in URL paths, and
e-mail addresses and structured data of breadcrumbs (earlier log lines).
Local variables of stack frames (requests, forms, tokens) are not sent.
"""

import re
from urllib.parse import urlsplit, urlunsplit

from .request_log import redact_path

_SAFE_HEADERS = {"user-agent", "accept", "accept-language", "content-type", "host"}
_EMAIL = re.compile(r"[^\s@<>\"']+@[^\s@<>\"']+")


def scrub(event, hint=None):
    request = event.get("request")
    if request:
        for key in ("data", "cookies", "query_string", "env"):
            request.pop(key, None)
        if request.get("url"):
            parts = urlsplit(request["url"])
            request["url"] = urlunsplit(
                (parts.scheme, parts.netloc, redact_path(parts.path), "", "")
            )
        headers = request.get("headers") or {}
        request["headers"] = {
            name: value
            for name, value in headers.items()
            if name.lower() in _SAFE_HEADERS
        }
    user = event.get("user")
    if user:
        event["user"] = {"id": user["id"]} if user.get("id") else {}
    # Log lines become breadcrumbs: keep their text without addresses, drop
    # their structured data (SQL parameters, URLs, extra fields).
    for crumb in (event.get("breadcrumbs") or {}).get("values", []):
        crumb.pop("data", None)
        if isinstance(crumb.get("message"), str):
            crumb["message"] = _EMAIL.sub("<email>", crumb["message"])
    return event


def init_sentry(dsn, **options):
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        # Frame locals hold requests, forms and tokens; the code lines are
        # enough to find a bug.
        include_local_variables=False,
        max_request_body_size="never",
        before_send=scrub,
        before_send_transaction=scrub,
        **options,
    )
