"""Queries and render time per public page type (uncached), fi and sv.

Builds the demo site in a scratch database (a test database named after
DATABASE_URL's, created and dropped here), then requests each page type
several times through Django's test client.
"""

import math
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

ROUNDS = 20


def pages():
    from website.home.models import HomePage
    from website.indicators.models import Area
    from website.plan.models import GoalPage, Measure, PlanPage
    from website.report.models import ReportPage

    for language in ("fi", "sv"):
        in_language = {"locale__language_code": language}
        yield "home", language, HomePage.objects.get(**in_language).url
        yield "plan", language, PlanPage.objects.get(**in_language).url
        goal = GoalPage.objects.filter(**in_language).order_by("number").first()
        yield "goal", language, goal.url
        measure = Measure.objects.filter(live=True, **in_language).first()
        yield "measure", language, measure.get_url()
        report = ReportPage.objects.filter(**in_language).order_by("-year").first()
        if report is not None:
            yield "report", language, report.url
            area = Area.objects.filter(kind=Area.Kind.MUNICIPALITY).first()
            yield "municipality", language, report.municipality_url(area)
            yield "report-pdf", language, report.route_url("pdf")
            yield "report-csv", language, report.route_url("csv")
        query = "liikuntaa" if language == "fi" else "ensamheten"
        search = "/fi/haku/" if language == "fi" else "/sv/sok/"
        yield "search", language, f"{search}?q={query}"


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.monotonic()
        call_command("load_demo", verbosity=0)
        print(f"load_demo: {time.monotonic() - started:.1f} s ({connection.vendor})")
        client = Client()
        print(f"{'page':8} {'lang':4} {'queries':>7} {'median ms':>9} {'p95 ms':>7}")
        for kind, language, url in pages():
            client.get(url)  # warm process-level caches (site root paths)
            executed = []
            # An execute wrapper counts every statement, even across the
            # connection closes and reopens that request signals cause.
            with connection.execute_wrapper(
                lambda run, sql, *args, log=executed: log.append(sql) or run(sql, *args)
            ):
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            timings = []
            rounds = 3 if kind == "report-pdf" else ROUNDS
            for _ in range(rounds):
                t0 = time.perf_counter()
                client.get(url)
                timings.append((time.perf_counter() - t0) * 1000)
            timings.sort()
            p95 = timings[math.ceil(len(timings) * 0.95) - 1]
            print(
                f"{kind:8} {language:4} {len(executed):>7} "
                f"{statistics.median(timings):>9.1f} {p95:>7.1f}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
