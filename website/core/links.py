"""Absolute links for what leaves the site (e-mails, feeds, documents).

Built from the public base URL (settings.WAGTAILADMIN_BASE_URL, from
SITE_URL), never from the request's Host header: a message queued behind a
proxy or by the worker must still point residents at the public site.
"""

from django.conf import settings


def public_url(path):
    """`path` (starting with "/") on the public site."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
