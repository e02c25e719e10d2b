"""Fixtures for tests that run the site in real processes (harness.py).

- `processes`: start the Procfile's processes or gunicorn; all are stopped
  when the test ends.
- `smtp_sink` (tests/smtp_sink.py, for every test): a real SMTP server on a
  free port (stop/start for outages).
- `sqlite_demo`: a copy of a file SQLite database with the demo content,
  built once per session with the demo's settings (as `make demo` does).
- `postgres_demo`: a fresh PostgreSQL database with the demo content, copied
  from a template database built once per session (PostgreSQL runs only).
"""

import os
import shutil
import sqlite3
import uuid
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from . import harness

DEMO_SETTINGS = "website.settings.demo"


def _postgres_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    return url


def _with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def _admin_connection(url):
    return psycopg.connect(_with_database(url, "postgres"), autocommit=True)


@pytest.fixture
def processes():
    """`start(name, env)` for a Procfile process, `gunicorn(env, …)` for the
    web server directly; every process is stopped after the test."""
    started = []

    class Starter:
        def start(self, name, env, port=None):
            process = harness.start_process(name, env, port=port)
            started.append(process)
            return process

        def gunicorn(self, env, **kwargs):
            server = harness.start_gunicorn(env, **kwargs)
            started.append(server)
            return server

    yield Starter()
    for process in reversed(started):
        process.stop()


class Demo:
    """A demo database (its DATABASE_URL) and its own MEDIA_ROOT."""

    def __init__(self, url, media):
        self.url, self.media = url, media

    def env(self, settings=DEMO_SETTINGS, **extra):
        return harness.process_env(
            settings, DATABASE_URL=self.url, MEDIA_ROOT=self.media, **extra
        )


def _build_demo(demo):
    env = demo.env()
    harness.manage(env, "migrate", "--noinput", "-v", "0")
    harness.manage(env, "load_demo", "-v", "0")


@pytest.fixture(scope="session")
def sqlite_demo_template(tmp_path_factory):
    """migrate + load_demo into a file, with the settings `make demo` uses."""
    folder = tmp_path_factory.mktemp("sqlite-demo")
    demo = Demo(f"sqlite:///{folder / 'demo.sqlite3'}", folder / "media")
    _build_demo(demo)
    return demo


@pytest.fixture
def sqlite_demo(sqlite_demo_template, tmp_path):
    """A private copy of the demo database (sqlite3's online backup, so a
    WAL file left beside the template is included) and of its media."""
    path = tmp_path / "demo.sqlite3"
    source = sqlite3.connect(sqlite_demo_template.url.removeprefix("sqlite:///"))
    target = sqlite3.connect(path)
    with target:
        source.backup(target)
    source.close()
    target.close()
    media = tmp_path / "media"
    if sqlite_demo_template.media.exists():
        shutil.copytree(sqlite_demo_template.media, media)
    return Demo(f"sqlite:///{path}", media)


@pytest.fixture(scope="session")
def postgres_template(tmp_path_factory):
    """A PostgreSQL database with the demo content, built once; tests get
    copies (CREATE DATABASE … TEMPLATE)."""
    url = _postgres_url()
    if url is None:
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://…")
    name = urlsplit(url).path.lstrip("/") + "_rt_demo"
    with _admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    demo = Demo(_with_database(url, name), tmp_path_factory.mktemp("pg-demo-media"))
    _build_demo(demo)
    yield demo
    with _admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_demo(postgres_template, tmp_path):
    """A new database copied from the demo template (dropped after the
    test) with a copy of its media."""
    url = _postgres_url()
    template = urlsplit(postgres_template.url).path.lstrip("/")
    name = f"{template}_{uuid.uuid4().hex[:8]}"
    with _admin_connection(url) as connection:
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    media = tmp_path / "media"
    shutil.copytree(postgres_template.media, media)
    yield Demo(_with_database(url, name), media)
    with _admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def drop_database(url):
    name = urlsplit(url).path.lstrip("/")
    with _admin_connection(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
