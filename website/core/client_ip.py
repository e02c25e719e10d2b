"""The client's IP address, the one rule for every per-client limit.

Behind N proxies that we run (the welfare area's load balancer, Varnish, …)
each proxy appends the address it received the request from to
``X-Forwarded-For``. The N-th entry from the right was therefore written by
our outermost proxy and is the client's address; everything to its left came
from the client and can be forged. With no trusted proxy (the default) the
header is ignored and the TCP peer (``REMOTE_ADDR``) is the client.

The count is ``ALLAUTH_TRUSTED_PROXY_COUNT`` (env ``TRUSTED_PROXY_COUNT``),
the name django-allauth reads; ``website.core.accounts.AccountAdapter`` points
allauth's own client IP (its login, sign-up and public-form rate limits) at
this function, so allauth and our forms share one rule and one bucket per
client.
"""

import ipaddress

from django.conf import settings


def _clean(value):
    """The address in one X-Forwarded-For entry or REMOTE_ADDR, or None."""
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "192.0.2.1:443"
        value = value.split(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request):
    """The client's address as a string, or None if there is no usable one.

    A header shorter than the proxy count, or an unparsable entry where the
    client's address should be, means the request did not come through all
    our proxies (or a proxy is misconfigured): the TCP peer is used then,
    never anything the client wrote.
    """
    count = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    if count > 0:
        entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if len(entries) >= count:
            address = _clean(entries[-count])
            if address:
                return address
    return _clean(request.META.get("REMOTE_ADDR"))
