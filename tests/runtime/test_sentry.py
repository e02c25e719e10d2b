"""Sentry (SENTRY_DSN) gets the error but nothing personal: a real sentry-sdk
in a production-settings subprocess sends to a local HTTP sink."""

import gzip
import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from tests.production_env import production_env

ROOT = Path(__file__).resolve().parents[2]


class Sink(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            import brotli  # fonttools' dependency; sentry-sdk uses it when present

            body = brotli.decompress(body)
        self.received.append(body.decode())
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_errors_reach_sentry_without_personal_data():
    server = HTTPServer(("127.0.0.1", 0), Sink)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        dsn = f"http://publickey@127.0.0.1:{server.server_port}/1"
        result = subprocess.run(
            [sys.executable, str(ROOT / "tests" / "sentry_probe.py")],
            cwd=ROOT,
            env=production_env(SENTRY_DSN=dsn),
            capture_output=True,
            text=True,
            timeout=180,
        )
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr[-3000:]
    payload = "\n".join(Sink.received)
    events = [
        json.loads(line)
        for line in payload.splitlines()
        if line.startswith("{") and '"exception"' in line
    ]
    assert events, payload[:2000]
    [event] = events
    assert event["exception"]["values"][-1]["type"] == "RuntimeError"
    assert "Alert to <email> refused" in payload  # the breadcrumb, scrubbed
    assert event["request"]["url"] == (
        "https://hyvinvointi.example.fi/boom/<redacted>/<redacted>/"
    )
    for secret in (
        "matti",
        "Matti",
        "example.fi/eyJ",
        "eyJzIjo1fQ",
        "session-secret-value",
        "bearer-secret-value",
    ):
        assert secret not in payload, secret
