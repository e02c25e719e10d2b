"""Real processes for runtime tests: gunicorn, the Procfile's processes
and a small HTTP client that behaves like a browser's form posts.

Everything binds 127.0.0.1 on a port the OS chooses and is stopped by the
fixture that started it (tests/runtime/conftest.py). Processes run in their
own session (process group), so stopping one stops its children too
(gunicorn's workers), and `kill()` is a real SIGKILL for crash tests.
"""

import http.client
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent.parent
VENV_BIN = Path(sys.executable).parent

# The Procfile's processes when the project has no Procfile yet; with one,
# its lines win (`procfile_commands`).
FALLBACK_PROCFILE = {
    "release": "python manage.py migrate --noinput",
    "web": (
        "gunicorn website.wsgi --bind ${WEB_BIND:-127.0.0.1}:$PORT"
        " --workers ${WEB_CONCURRENCY:-2} --threads ${WEB_THREADS:-4}"
    ),
    "worker": "python manage.py db_worker",
    "scheduler": "python manage.py scheduler",
}


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def procfile_commands():
    """{process name: shell command} from ROOT/Procfile, or the fallback."""
    procfile = ROOT / "Procfile"
    if not procfile.exists():
        return dict(FALLBACK_PROCFILE)
    commands = {}
    for line in procfile.read_text().splitlines():
        name, sep, command = line.partition(":")
        if sep and name.strip() and not name.startswith("#"):
            commands[name.strip()] = command.strip()
    return commands


def process_env(settings, **extra):
    """The environment of a server process: this test run's interpreter
    first on PATH (so `python` and `gunicorn` are the venv's), the given
    settings module, plain HTTP on the loopback, nothing from pytest."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DJANGO_", "EMAIL_"))
        and key not in ("DATABASE_URL", "REDIS_URL", "TASKS_BACKEND", "SITE_URL")
    }
    env.update(
        {
            "PATH": f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",
            "DJANGO_SETTINGS_MODULE": settings,
            "PYTHONPATH": str(ROOT),
            "PYTHONUNBUFFERED": "1",
            "SECRET_KEY": "runtime-test-only-not-secret-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
        }
    )
    env.update({key: str(value) for key, value in extra.items() if value is not None})
    for key, value in list(extra.items()):
        if value is None:
            env.pop(key, None)
    return env


class Process:
    """One started process (its own process group); output goes to a log
    file that `output()` reads for assertion messages."""

    def __init__(self, name, command, env, cwd=ROOT):
        self.name, self.command, self.env = name, command, env
        self.log = tempfile.NamedTemporaryFile(
            prefix=f"yh-{name}-", suffix=".log", delete=False
        )
        self.popen = subprocess.Popen(
            ["/bin/sh", "-c", f"exec {command}"],
            cwd=cwd,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def pid(self):
        return self.popen.pid

    def running(self):
        return self.popen.poll() is None

    def output(self):
        return Path(self.log.name).read_text(errors="replace")

    def signal(self, signum):
        if self.running():
            try:
                os.killpg(self.popen.pid, signum)
            except ProcessLookupError:
                pass

    def kill(self):
        """SIGKILL to the whole process group, as a crash would."""
        self.signal(signal.SIGKILL)
        self.popen.wait(timeout=10)

    def stop(self, timeout=15):
        self.signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
        self.log.close()

    def wait(self, timeout=None):
        return self.popen.wait(timeout=timeout)


class WebServer(Process):
    """A web process listening on 127.0.0.1:port."""

    def __init__(self, name, command, env, port):
        super().__init__(name, command, env)
        self.port = port
        self.url = f"http://127.0.0.1:{port}"

    def wait_until_ready(self, path="/", timeout=60):
        """Until the server answers any HTTP response on `path`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running():
                raise RuntimeError(
                    f"{self.name} exited with {self.popen.returncode}:\n"
                    + self.output()[-4000:]
                )
            try:
                connection = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=5
                )
                connection.request("GET", path)
                connection.getresponse().read()
                connection.close()
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(
            f"{self.name} did not answer in {timeout} s:\n" + self.output()
        )

    def client(self, headers=None):
        return HttpClient(self.url, headers=headers)


def start_process(name, env, port=None):
    """Start the Procfile's process `name` (release, web, worker, scheduler)
    with `env`; `web` gets PORT and returns a WebServer once it is bound."""
    command = procfile_commands()[name]
    if name == "web":
        port = port or free_port()
        env = {**env, "PORT": str(port), "WEB_BIND": "127.0.0.1"}
        return WebServer(name, command, env, port)
    return Process(name, command, env)


def start_gunicorn(env, workers=2, threads=4, port=None, name="gunicorn"):
    """gunicorn website.wsgi directly, as `make demo` and the Procfile run it."""
    port = port or free_port()
    command = " ".join(
        [
            "gunicorn website.wsgi",
            f"--bind 127.0.0.1:{port}",
            f"--workers {workers} --threads {threads}",
            "--timeout 120 --graceful-timeout 5 --log-level warning",
            # Several instances run side by side: no shared control socket.
            "--no-control-socket",
        ]
    )
    return WebServer(name, command, env, port)


def manage(env, *args, input=None, timeout=600):
    """`manage.py ARGS` in a separate process; returns its stdout."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        raise RuntimeError(
            f"manage.py {shlex.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout


def django_shell(env, code, timeout=300):
    """Run Python `code` in `manage.py shell` of another process (its own
    settings, database and cache); returns what it prints."""
    return manage(env, "shell", "--no-imports", "-v", "0", "-c", code, timeout=timeout)


# --- HTTP --------------------------------------------------------------------

_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_HIDDEN = re.compile(r"<input[^>]*type=\"hidden\"[^>]*>")


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def header(self, name, default=None):
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return default


class HttpClient:
    """One visitor: keeps its cookies (Secure ones too: the loopback is
    plain HTTP while production settings mark cookies Secure), follows no
    redirects, opens a new connection per request (no shared state between
    threads)."""

    def __init__(self, base_url, headers=None, timeout=120):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.cookies = {}
        self.headers = dict(headers or {})
        self.timeout = timeout

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=self.timeout
        )
        all_headers = {**self.headers, **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(
                f"{key}={value}" for key, value in self.cookies.items()
            )
        try:
            connection.request(method, path, body, all_headers)
            response = connection.getresponse()
            result = Response(response.status, response.getheaders(), response.read())
        finally:
            connection.close()
        for key, value in result.headers:
            if key.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                cookie_value = rest.split(";", 1)[0]
                if 'expires=Thu, 01 Jan 1970' in value or "Max-Age=0" in value:
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = cookie_value
        return result

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data, headers=None):
        return self.request(
            "POST",
            path,
            urlencode(data, doseq=True),
            {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})},
        )

    def form(self, path):
        """GET a page with a form: its hidden fields and CSRF token, as the
        browser would post them back. Raises if the page has no form."""
        response = self.get(path)
        match = _TOKEN.search(response.text)
        if response.status != 200 or not match:
            raise AssertionError(
                f"no form on {path}: HTTP {response.status}\n{response.text[:2000]}"
            )
        return hidden_fields(response.text), response

    def submit(self, path, data):
        """GET the form, then POST it with `data` (the visitor's answers) and
        the first choice of every drop-down `data` does not answer."""
        fields, response = self.form(path)
        return self.post(path, {**first_choices(response.text), **fields, **data})


_SELECT = re.compile(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', re.S)
_OPTION = re.compile(r'<option value="([^"]+)"')


def first_choices(html):
    """{select name: its first non-empty option}: a valid answer for every
    drop-down of a form (unit, municipality, background questions)."""
    choices = {}
    for name, options in _SELECT.findall(html):
        match = _OPTION.search(options)
        if match:
            choices.setdefault(name, match.group(1))
    return choices


def hidden_fields(html):
    fields = {}
    for tag in _HIDDEN.findall(html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            fields.setdefault(name.group(1), value.group(1) if value else "")
    return fields


def in_parallel(function, arguments, threads=None):
    """Call `function(argument)` for every argument, all threads released at
    once by a barrier; returns the results in order (exceptions included)."""
    arguments = list(arguments)
    barrier = threading.Barrier(len(arguments) if threads is None else threads)
    results = [None] * len(arguments)

    def run(index, argument):
        try:
            results[index] = function(argument, barrier)
        except Exception as error:  # reported to the test, not lost
            results[index] = error

    workers = [
        threading.Thread(target=run, args=(index, argument))
        for index, argument in enumerate(arguments)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results
