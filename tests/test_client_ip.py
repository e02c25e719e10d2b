"""Audit 1: the client's IP behind our proxies, one rule for every limit
(website.core.client_ip), and the system check against dead setting names."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.core.internal.httpkit import get_client_ip as allauth_client_ip
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client, RequestFactory, override_settings

from feedback.models import Feedback, ServiceUnit
from website.core.antispam import TIMESTAMP_FIELD, started_token
from website.core.client_ip import client_ip

ROOT = Path(__file__).resolve().parent.parent
PROXY = "10.0.0.5"  # our load balancer, the TCP peer of every request


def request(xff=None, remote=PROXY):
    extra = {"REMOTE_ADDR": remote}
    if xff is not None:
        extra["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    "count,xff,remote,expected",
    [
        # No trusted proxy: the header is the client's word and ignored.
        (0, "198.51.100.1", "192.0.2.9", "192.0.2.9"),
        (0, None, "192.0.2.9", "192.0.2.9"),
        # One proxy: it appended the client's address as the last entry.
        (1, "198.51.100.1", PROXY, "198.51.100.1"),
        (1, "203.0.113.66, 198.51.100.1", PROXY, "198.51.100.1"),  # spoofed left
        (1, "2001:db8::1", PROXY, "2001:db8::1"),
        # Two proxies: the client is the second entry from the right.
        (2, "198.51.100.1, 10.0.0.7", PROXY, "198.51.100.1"),
        (2, "203.0.113.66, 198.51.100.1, 10.0.0.7", PROXY, "198.51.100.1"),
    ],
)
def test_client_ip_agrees_with_allauth(count, xff, remote, expected):
    with override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=count):
        assert client_ip(request(xff, remote)) == expected
        assert allauth_client_ip(request(xff, remote)) == expected


@pytest.mark.parametrize(
    "xff",
    [
        "",  # no header although a proxy is trusted: a direct request
        "unknown",
        "<script>, 1.2.3.4.5",
        "198.51.100.1",  # shorter than the proxy count (allauth: a 500)
    ],
)
@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=2)
def test_garbage_falls_back_to_the_tcp_peer(xff):
    assert client_ip(request(xff)) == PROXY


def test_no_usable_address_is_none():
    assert client_ip(request(None, remote="")) is None


def _qr_post(client, unit, address, text):
    return client.post(
        f"/fi/palaute/qr/{unit.slug}/",
        {
            "unit": unit.pk,
            "nps": "8",
            "text": text,
            TIMESTAMP_FIELD: started_token(seconds_ago=10),
        },
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=address,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "count,first,spoofed_first,second",
    [
        (1, "198.51.100.1", "203.0.113.66, 198.51.100.1", "198.51.100.2"),
        (
            2,
            "198.51.100.1, 10.0.0.7",
            "203.0.113.66, 198.51.100.1, 10.0.0.7",
            "198.51.100.2, 10.0.0.7",
        ),
    ],
)
def test_clients_behind_the_proxies_have_their_own_buckets(
    count, first, spoofed_first, second
):
    """One resident over the feedback limit does not lock out the next one
    behind the same load balancer, and forging the left-most X-Forwarded-For
    entry does not give a fresh bucket."""
    cache.clear()
    unit = ServiceUnit.objects.filter(active=True).first()
    client = Client()
    before = Feedback.objects.count()
    with override_settings(
        ALLAUTH_TRUSTED_PROXY_COUNT=count, ACCOUNT_RATE_LIMITS={"feedback": "1/h/ip"}
    ):
        assert _qr_post(client, unit, first, "Ensimmäinen").status_code == 302
        again = _qr_post(client, unit, spoofed_first, "Toinen")
        assert again.status_code == 200
        assert 'name="captcha_1"' in again.content.decode()
        assert _qr_post(client, unit, second, "Naapuri").status_code == 302
    assert Feedback.objects.count() == before + 2


@pytest.mark.django_db
def test_without_trusted_proxies_everyone_behind_one_shares_a_bucket():
    """The failure the audit found, shown on purpose: with a proxy count of
    0 the load balancer's address is everybody's."""
    cache.clear()
    unit = ServiceUnit.objects.filter(active=True).first()
    client = Client()
    with override_settings(
        ALLAUTH_TRUSTED_PROXY_COUNT=0, ACCOUNT_RATE_LIMITS={"feedback": "1/h/ip"}
    ):
        assert _qr_post(client, unit, "198.51.100.1", "A").status_code == 302
        assert _qr_post(client, unit, "198.51.100.2", "B").status_code == 200


@pytest.mark.django_db
@override_settings(
    ALLAUTH_TRUSTED_PROXY_COUNT=1,
    ACCOUNT_RATE_LIMITS={"login_failed": "2/5m/ip"},
)
def test_allauth_login_limit_uses_the_same_client_ip():
    cache.clear()
    client = Client()

    def fail(address):
        return client.post(
            "/fi/tili/login/",
            {"login": "nobody@example.fi", "password": "wrong"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=address,
        )

    for _ in range(2):
        assert "Liian monta" not in fail("198.51.100.1").content.decode()
    # Locked out, whatever it writes to the left of the proxy's entry ...
    assert "Liian monta" in fail("203.0.113.9, 198.51.100.1").content.decode()
    # ... while the next resident behind the same load balancer is not.
    assert "Liian monta" not in fail("198.51.100.2").content.decode()


def test_the_environment_variable_reaches_allauth():
    """TRUSTED_PROXY_COUNT in the environment sets the name allauth reads:
    checked through its effect on allauth's limiter key, in a fresh process
    with the real settings module."""
    script = (
        "import django, json; django.setup()\n"
        "from allauth.core.internal.ratelimit import get_ip\n"
        "from django.test import RequestFactory\n"
        "rf = RequestFactory()\n"
        "ips = [get_ip(rf.get('/', REMOTE_ADDR='10.0.0.5', "
        "HTTP_X_FORWARDED_FOR=a)) for a in ('198.51.100.1', '198.51.100.2')]\n"
        "print(json.dumps(ips))\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "TRUSTED_PROXY_COUNT": "1",
        "DATABASE_URL": "sqlite://:memory:",
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [
        "198.51.100.1",
        "198.51.100.2",
    ]


@pytest.mark.parametrize("name", ["ACCOUNT_TRUSTED_PROXY_COUNT", "TRUSTED_PROXY_COUNT"])
def test_check_refuses_a_proxy_count_under_a_dead_name(name):
    with override_settings(**{name: 1}):
        with pytest.raises(SystemCheckError, match=f"{name} is set"):
            call_command("check")


def test_check_passes_with_the_settings_as_shipped():
    call_command("check")  # raises SystemCheckError on any error
