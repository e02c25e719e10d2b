"""The Procfile's processes for real: production settings in subprocesses,
gunicorn on a port the OS picks, two `release` at once on a fresh
PostgreSQL database, the scheduler's lock and SIGTERM, the database task
worker and /readyz following it."""

import json
import re
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from tests.production_env import REQUIRED, production_env

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def procfile():
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())


def process_env(**extra):
    env = production_env(PYTHONUNBUFFERED="1", **extra)
    # The Procfile's `python` and `gunicorn` are the virtualenv's.
    env["PATH"] = f"{VENV_BIN}:{env.get('PATH', '')}"
    return env


def run(command, env, timeout=300):
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


class Web:
    """The Procfile's `web` on 127.0.0.1, port 0 (the OS picks one)."""

    def __init__(self, env):
        command = shlex.split(procfile()["web"])
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**env, "PORT": "0", "WEB_BIND": "127.0.0.1", "WEB_CONCURRENCY": "1"},
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines = []
        self.port = None
        deadline = time.monotonic() + 60
        while self.port is None and time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                raise AssertionError("gunicorn exited:\n" + "".join(self.lines))
            self.lines.append(line)
            match = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", line)
            if match:
                self.port = int(match.group(1))
        assert self.port, "".join(self.lines)
        self._drain = threading.Thread(target=self._read, daemon=True)
        self._drain.start()

    def _read(self):
        for line in self.process.stderr:
            self.lines.append(line)

    def get(self, path):
        """(status, headers, JSON body); booting workers get a few tries."""
        url = f"http://127.0.0.1:{self.port}{path}"
        for attempt in range(50):
            try:
                with urllib.request.urlopen(url, timeout=60) as response:
                    return response.status, response.headers, json.load(response)
            except urllib.error.HTTPError as error:
                return error.code, error.headers, json.load(error)
            except (ConnectionError, urllib.error.URLError):
                if attempt == 49:
                    raise
                time.sleep(0.2)

    def json_logs(self):
        return [json.loads(line) for line in self.lines if line.startswith("{")]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_procfile_declares_the_four_processes():
    processes = procfile()
    assert processes["release"] == "python manage.py release"
    assert processes["web"] == "gunicorn website.wsgi -c gunicorn.conf.py"
    assert processes["worker"].startswith("python manage.py db_worker")
    assert processes["scheduler"] == "python manage.py scheduler"


def test_production_settings_name_every_missing_variable_at_once():
    env = process_env(**dict.fromkeys(REQUIRED))
    result = run([sys.executable, "manage.py", "check"], env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    message = result.stderr.strip().splitlines()[-1]
    for name in REQUIRED:
        assert name in message, name


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_production_settings_refuse_to_start_without_each_variable(name):
    result = run([sys.executable, "manage.py", "check"], process_env(**{name: ""}))
    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert message.endswith(f"docs/operations.md): {name}"), message


def test_web_is_healthy_but_not_ready_while_the_database_is_unreachable():
    database = f"postgres://postgres@127.0.0.1:{closed_port()}/yhdessa"
    web = Web(process_env(DATABASE_URL=database))
    try:
        # Plain HTTP and the instance's own address, as a load balancer
        # probes: no HTTPS redirect, no host check.
        status, headers, body = web.get("/healthz")
        assert (status, body) == (200, {"status": "ok"})
        assert "no-store" in headers["Cache-Control"]
        assert "Set-Cookie" not in headers

        status, headers, body = web.get("/readyz")
        assert status == 503
        assert "database" in body["failing"]
        assert body["checks"]["database"] == {
            "ok": False,
            "detail": "OperationalError",
        }
        assert body["checks"]["cache"]["ok"] is True  # Redis database 1
        assert "no-store" in headers["Cache-Control"]
        request_id = headers["X-Request-ID"]
    finally:
        web.stop()
    # One JSON line for the failing probe, with its request id.
    [line] = [
        entry
        for entry in web.json_logs()
        if entry.get("path") == "/readyz" and entry.get("status") == 503
    ]
    assert line["method"] == "GET" and line["request_id"] == request_id
    assert isinstance(line["duration_ms"], float)


@pytest.fixture
def fresh_postgres():
    """An empty PostgreSQL database of its own, dropped afterwards."""
    if connection.vendor != "postgresql":
        pytest.skip("advisory locks and the worker test need PostgreSQL")
    import psycopg

    params = connection.settings_dict
    server = {
        "host": params["HOST"] or "127.0.0.1",
        "port": params["PORT"] or 5432,
        "user": params["USER"],
        "password": params["PASSWORD"] or None,
    }
    name = f"yh_rt_proc_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    credentials = server["user"] + (
        f":{server['password']}" if server["password"] else ""
    )
    url = f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"

    def query(sql, *args):
        with psycopg.connect(dbname=name, autocommit=True, **server) as db:
            cursor = db.execute(sql, args or None)
            return cursor.fetchall() if cursor.description else None

    yield url, query
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_release_scheduler_worker_and_readiness_on_postgres(fresh_postgres, tmp_path):
    from django.conf import settings

    url, query = fresh_postgres
    env = process_env(DATABASE_URL=url)
    procs = procfile()

    # Two instances deploy at once: both succeed, the migrations run once.
    releases = [
        subprocess.Popen(
            shlex.split(procs["release"]),
            cwd=ROOT,
            env={**env, "STATIC_ROOT": str(tmp_path / f"static{i}")},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for i in (1, 2)
    ]
    outputs = [p.communicate(timeout=900)[0] for p in releases]
    assert [p.returncode for p in releases] == [0, 0], outputs
    assert sorted("Applying" in out for out in outputs) == [False, True], outputs
    assert any("No migrations to apply" in out for out in outputs), outputs
    assert (
        query(
            "SELECT app, name FROM django_migrations GROUP BY 1, 2 HAVING count(*) > 1"
        )
        == []
    )
    applied = run([sys.executable, "manage.py", "migrate", "--check"], env)
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert (tmp_path / "static1" / "staticfiles.json").exists()

    # One scheduler works; a second one stands by; SIGTERM stops it cleanly.
    scheduler = subprocess.Popen(
        shlex.split(procs["scheduler"]) + ["--interval", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert "Scheduler running" in scheduler.stdout.readline()
        second = run(shlex.split(procs["scheduler"]) + ["--once"], env)
        assert second.returncode == 0
        assert "Another scheduler is running" in second.stdout
    finally:
        scheduler.send_signal(signal.SIGTERM)
        rest = scheduler.communicate(timeout=30)[0]
    assert scheduler.returncode == 0, rest
    assert "Scheduler stopped." in rest

    def enqueued():
        rows = query("SELECT task_path FROM django_tasks_database_dbtaskresult")
        return Counter(path for (path,) in rows)

    jobs = {path: every for _name, every, path in settings.SCHEDULED_JOBS}
    assert set(enqueued()) == set(jobs)
    # A restarted scheduler remembers: the hourly and daily jobs are not
    # enqueued again (the minute's heartbeat may be, on a slow machine).
    assert run(shlex.split(procs["scheduler"]) + ["--once"], env).returncode == 0
    counts = enqueued()
    assert {path: counts[path] for path in jobs if jobs[path] >= 3600} == {
        path: 1 for path in jobs if jobs[path] >= 3600
    }

    # The worker runs every job; its heartbeat makes the site ready.
    worker = run(shlex.split(procs["worker"]) + ["--batch"], env)
    assert worker.returncode == 0, worker.stderr[-3000:]
    statuses = query(
        "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY 1"
    )
    assert statuses == [("SUCCESSFUL", sum(counts.values()))], statuses
    web = Web(env)
    try:
        status, headers, body = web.get("/readyz")
        assert status == 200, body
        assert body["checks"]["worker"]["ok"] is True
        assert "no-store" in headers["Cache-Control"]
        # The worker has been down past WORKER_HEARTBEAT_MAX_AGE.
        query(
            "UPDATE core_lastrun SET at = now() - interval '10 minutes' "
            "WHERE name = 'worker_heartbeat'"
        )
        status, _headers, body = web.get("/readyz")
        assert status == 503
        assert body["failing"] == ["worker"]
    finally:
        web.stop()
