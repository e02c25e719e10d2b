"""A real SMTP server for tests (aiosmtpd on a free loopback port) that a
test stops and starts, and fixtures that point the outbox's transport at it.

    from tests.smtp_sink import smtp_sink, smtp_transport  # noqa: F401

`smtp_sink` is started; `sink.stop()` takes the server down (connections are
refused), `sink.start()` brings it back on the same port. `sink.messages`
holds what the server accepted (email.message.Message objects);
`SmtpSink(delay=s)` answers each DATA after `s` seconds and keeps a message
only if the client is still there (a slow server, for killed workers)."""

import email
import email.policy
import socket
import threading
import time

import pytest
from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler:
    def __init__(self, sink):
        self.sink = sink

    async def handle_DATA(self, server, session, envelope):
        with self.sink.lock:
            self.sink.data_started += 1
        if self.sink.delay:
            import asyncio

            await asyncio.sleep(self.sink.delay)
            transport = server.transport
            if transport is None or transport.is_closing():
                return "451 client gone"
        with self.sink.lock:
            self.sink.messages.append(
                email.message_from_bytes(envelope.content, policy=email.policy.default)
            )
        return "250 OK"


class SmtpSink:
    def __init__(self, delay=0):
        self.delay = delay
        self.port = free_port()
        self.messages = []
        self.data_started = 0  # DATA commands received, answered or not
        self.lock = threading.Lock()
        self.controller = None

    def start(self):
        self.controller = Controller(
            _Handler(self), hostname="127.0.0.1", port=self.port
        )
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def subjects(self):
        with self.lock:
            return [str(m["Subject"]) for m in self.messages]

    def wait_for(self, count, timeout=30, started=False):
        """Wait until `count` messages were accepted (or, with `started`,
        until the server is answering the `count`-th one)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if (self.data_started if started else len(self.messages)) >= count:
                return True
            time.sleep(0.05)
        return False

    def transport_settings(self):
        """Settings that send the outbox's mail to this server."""
        from django.conf import settings

        return {
            "POST_OFFICE": {
                **settings.POST_OFFICE,
                "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
            },
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": self.port,
            "EMAIL_USE_TLS": False,
            "EMAIL_USE_SSL": False,
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_TIMEOUT": 10,
        }


def text_of(message):
    """The decoded text/plain part of a received message."""
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return part.get_content()
    return ""


@pytest.fixture
def smtp_sink():
    sink = SmtpSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def smtp_transport(smtp_sink):
    """The outbox delivers to `smtp_sink` over SMTP."""
    from django.test import override_settings

    with override_settings(**smtp_sink.transport_settings()):
        yield smtp_sink
