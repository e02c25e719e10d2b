"""Load test: requests per second and p50/p95 latency of the busiest public
URLs, against gunicorn on 127.0.0.1 with the production settings.

A small threaded generator from the standard library (one keep-alive
connection per thread) instead of locust or wrk: nothing to install but
gunicorn (benchmarks/requirements.txt), and the POST targets fetch a form
first for its CSRF token like a browser does. Not part of CI.

    # once: a PostgreSQL database with the demo content and collected statics
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/yh_load \\
        python benchmarks/load.py --prepare
    # start gunicorn (2 workers x 4 threads) and measure; REDIS_URL turns
    # the Redis cache on for the server
    DATABASE_URL=… REDIS_URL=redis://127.0.0.1:6379/3 \\
        python benchmarks/load.py --serve --duration 20 --concurrency 8

Targets are a table (TARGETS): a name, a resolver that returns the URL
(or None when the page type is not on this branch), and for POSTs a
function that returns the form data. Results go to stdout as a Markdown
table for docs/performance.md.
"""

import argparse
import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PORT = 8765


def server_env():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.load_settings",
        "SECRET_KEY": os.environ.get("SECRET_KEY", secrets.token_urlsafe(50)),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on the loopback; TLS is the proxy's job in production.
        "SECURE_SSL_REDIRECT": "false",
        "MFA_REQUIRED_FOR_STAFF": "true",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def manage(*args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=server_env(), check=True
    )


def prepare():
    manage("migrate", "--noinput", "-v", "0")
    manage("load_demo")
    manage("collectstatic", "--noinput", "-v", "0")
    # The demo's open workshop is nearly full; the sign-up POST needs seats.
    django_setup()
    from participation.workshops.models import WorkshopPage

    WorkshopPage.objects.update(
        capacity=1_000_000, waitlist_limit=None, max_per_organisation=None
    )


def serve(workers, threads):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "website.wsgi:application",
        "--bind",
        f"127.0.0.1:{PORT}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=server_env())
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            connection.request("GET", "/fi/")
            connection.getresponse().read()
            return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("gunicorn did not start")


# --- what to request -------------------------------------------------------


def django_setup():
    os.environ.update(
        {k: v for k, v in server_env().items() if k == "DJANGO_SETTINGS_MODULE"}
    )
    os.environ.setdefault("SECRET_KEY", server_env()["SECRET_KEY"])
    import django

    django.setup()


def _plan():
    from website.plan.models import PlanPage

    return PlanPage.objects.live().get(locale__language_code="fi").url


def _goal():
    from website.plan.models import GoalPage

    return GoalPage.objects.live().filter(locale__language_code="fi")[0].url


def _geojson():
    from website.associations.models import AssociationMapPage

    page = AssociationMapPage.objects.live().get(locale__language_code="fi")
    return page.route_url("geojson")


def _feedback():
    """The Finnish feedback form page (its POST is the web channel)."""
    from feedback.models import FeedbackFormPage

    return FeedbackFormPage.objects.live().get(locale__language_code="fi").url


def _workshop_signup():
    """The Finnish page of the workshop whose sign-up is open."""
    from participation.workshops.models import WorkshopPage

    for page in WorkshopPage.objects.live().filter(locale__language_code="fi"):
        if page.signup_state() == "open":
            return page.url
    return None


def _feedback_data(number, html):
    unit = re.search(r'<option value="(\d+)"', html)
    return {
        "unit": unit.group(1) if unit else "",
        "nps": str(number % 11),
        "text": f"Kuormitustesti {number}",
    }


def _signup_data(number, html):
    return {
        "name": f"Kuorma {number}",
        "email": f"kuorma{number}@example.invalid",
        "organisation_type": "resident",
        "consent": "on",
    }


TARGETS = [
    # name, url resolver, form data (None: GET)
    ("plan page", _plan, None),
    ("goal page", _goal, None),
    ("association GeoJSON", _geojson, None),
    ("feedback POST", _feedback, _feedback_data),
    ("workshop sign-up POST", _workshop_signup, _signup_data),
]


# --- the generator -----------------------------------------------------------

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Worker(threading.Thread):
    def __init__(self, url, data, deadline, results, counter):
        super().__init__(daemon=True)
        self.url, self.data, self.deadline = url, data, deadline
        self.results, self.counter = results, counter
        self.errors = 0

    def connect(self):
        return http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)

    def form_token(self, connection):
        connection.request("GET", self.url)
        response = connection.getresponse()
        html = response.read().decode()
        cookie = response.getheader("Set-Cookie", "")
        match = TOKEN.search(html)
        csrf = re.search(r"csrftoken=([^;]+)", cookie)
        if not match or not csrf:
            raise RuntimeError(f"no CSRF token on {self.url}")
        return match.group(1), csrf.group(1), html

    def accepted(self, response):
        """A valid POST redirects (303/302); a re-rendered form is a
        rejection and counts as an error."""
        return response.status in (301, 302, 303)

    def run(self):
        connection = self.connect()
        while time.perf_counter() < self.deadline:
            try:
                if self.data is None:
                    start = time.perf_counter()
                    connection.request("GET", self.url)
                    response = connection.getresponse()
                    response.read()
                else:
                    token, cookie, html = self.form_token(connection)
                    number = next(self.counter)
                    body = urlencode(
                        hidden_fields(html)
                        | {"csrfmiddlewaretoken": token, **self.data(number, html)}
                    )
                    headers = {
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Cookie": f"csrftoken={cookie}",
                    }
                    start = time.perf_counter()
                    connection.request("POST", self.url, body, headers)
                    response = connection.getresponse()
                    response.read()
                elapsed = time.perf_counter() - start
                if response.status >= 400 or (
                    self.data is not None and not self.accepted(response)
                ):
                    self.errors += 1
                else:
                    self.results.append(elapsed)
            except (OSError, http.client.HTTPException, RuntimeError):
                self.errors += 1
                connection.close()
                connection = self.connect()
        connection.close()


def hidden_fields(html):
    """The form's other hidden inputs (e.g. the spam time trap's token)."""
    fields = {}
    for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and name.group(1) != "csrfmiddlewaretoken":
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure(name, url, data, concurrency, duration):
    import itertools

    # Warm-up: caches, connections, first-request imports.
    for _ in range(3):
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        connection.request("GET", url)
        connection.getresponse().read()
        connection.close()
    results, counter = [], itertools.count(int(time.time()))
    deadline = time.perf_counter() + duration
    workers = [
        Worker(url, data, deadline, results, counter) for _ in range(concurrency)
    ]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    wall = time.perf_counter() - started
    errors = sum(worker.errors for worker in workers)
    if not results:
        return f"| {name} | {url} | – | – | – | {errors} |"
    return (
        f"| {name} | {url} | {len(results) / wall:.0f} | "
        f"{statistics.median(results) * 1000:.1f} | "
        f"{percentile(results, 0.95) * 1000:.1f} | {errors} |"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--only", help="a target name to run alone")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        raise SystemExit("Set DATABASE_URL (a PostgreSQL database of its own).")
    if args.prepare:
        prepare()
        return
    django_setup()
    targets = [(name, resolver(), data) for name, resolver, data in TARGETS]
    server = serve(args.workers, args.threads) if args.serve else None
    try:
        cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
        print(
            f"gunicorn {args.workers} workers x {args.threads} threads, "
            f"{args.concurrency} clients, {args.duration:.0f} s each, cache: {cache}"
        )
        print("| target | URL | req/s | p50 ms | p95 ms | errors |")
        print("|---|---|---:|---:|---:|---:|")
        for name, url, data in targets:
            if args.only and args.only != name:
                continue
            if url is None:
                print(f"| {name} | (not on this branch) | – | – | – | – |")
                continue
            print(measure(name, url, data, args.concurrency, args.duration))
            sys.stdout.flush()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
