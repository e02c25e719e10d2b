"""Participation analytics at scale (PostgreSQL): 1,000,000 feedback rows.

Builds the demo site in a scratch test database, generates feedback rows
with SQL (generate_series; analyses for every third row), then times every
query of the dashboard (the default 12-month view and a filtered one), and
streams the CSV export of all rows while measuring the process's peak memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/yhdessa_bench \\
        .venv/bin/python benchmarks/analytics.py [rows]
"""

import os
import resource
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
from django.test.utils import setup_test_environment  # noqa: E402

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
ROUNDS = 5


def populate(rows):
    from feedback.models import Feedback, ServiceUnit
    from participation.analytics.models import FeedbackAnalysis, TextTheme

    units = list(ServiceUnit.objects.filter(level=3).values_list("pk", flat=True))
    themes = list(TextTheme.objects.values_list("pk", flat=True))
    feedback = Feedback._meta.db_table
    analysis = FeedbackAnalysis._meta.db_table
    through = FeedbackAnalysis.themes.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {feedback} (channel, unit_id, nps, text, contact_name,
                contact_email, contact_phone, wants_reply, language, created_at,
                status, internal_notes, alert_reason, closed_at, is_demo)
            SELECT (ARRAY['web','qr','widget','paper','phone','embed'])[1 + i % 6],
                   (%s::bigint[])[1 + i %% %s],
                   CASE WHEN i %% 6 = 2 THEN NULL ELSE (i::bigint * 7919) %% 11 END,
                   CASE WHEN i %% 3 = 0 THEN 'Odotusaika oli pitkä' ELSE '' END,
                   '', '', '', false,
                   CASE WHEN i %% 5 = 0 THEN 'sv' ELSE 'fi' END,
                   now() - ((i %% 730) || ' days')::interval
                         - ((i %% 24) || ' hours')::interval,
                   (ARRAY['new','in_progress','answered','closed'])[1 + i %% 4],
                   '', '',
                   CASE WHEN i %% 4 >= 2 THEN now() - ((i %% 730) || ' days')::interval
                        + ((1 + i %% 9) || ' days')::interval END,
                   true
            FROM generate_series(1, %s) AS i
            """.replace("[1 + i % 6]", "[1 + i %% 6]"),
            [units, len(units), rows],
        )
        cursor.execute(
            f"""
            INSERT INTO {analysis} (feedback_id, tone)
            SELECT id, (ARRAY['negative','neutral','positive'])[1 + id %% 3]
            FROM {feedback} WHERE text <> ''
            ON CONFLICT DO NOTHING
            """,
            [],
        )
        cursor.execute(
            f"""
            INSERT INTO {through} (feedbackanalysis_id, texttheme_id)
            SELECT feedback_id, (%s::bigint[])[1 + feedback_id %% %s]
            FROM {analysis}
            ON CONFLICT DO NOTHING
            """,
            [themes, len(themes)],
        )
        for table in (feedback, analysis, through):
            cursor.execute(f"ANALYZE {table}")
    from participation.analytics import summary

    started = time.monotonic()
    summary.rebuild()
    print(f"monthly summaries rebuilt in {time.monotonic() - started:.1f} s")


def timed(function, rounds=ROUNDS):
    counted = []
    with connection.execute_wrapper(
        lambda run, sql, *args, log=counted: log.append(sql) or run(sql, *args)
    ):
        function()
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return len(counted), statistics.median(timings), max(timings)


def main():
    from participation.analytics import exports, queries
    from participation.analytics.views import build

    setup_test_environment()
    assert connection.vendor == "postgresql", "this benchmark needs PostgreSQL"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo", verbosity=0)
        started = time.monotonic()
        populate(ROWS)
        print(f"{ROWS:,} feedback rows generated in {time.monotonic() - started:.1f} s")
        default = queries.Filters.last_months(12)
        from website.indicators.models import Area

        filtered = queries.Filters(
            default.date_from,
            default.date_to,
            municipality=Area.objects.get(name_fi="Tuusula"),
            channels=("qr",),
            languages=("fi",),
        )
        from dataclasses import replace

        print(f"{'case':34} {'queries':>7} {'median ms':>9} {'max ms':>7}")
        cases = [
            ("dashboard, 12 months", lambda: build(default)),
            ("dashboard, filtered", lambda: build(filtered)),
            (
                "dashboard, raw rows (no summary)",
                lambda: build(replace(default, raw=True)),
            ),
            ("  NPS + previous period", lambda: queries.nps(default)),
            ("  monthly NPS", lambda: queries.monthly_nps(default)),
            ("  volumes, median, channels", lambda: queries.volumes(default)),
            ("  NPS by unit", lambda: queries.nps_by_unit(default)),
            ("  themes and tone", lambda: queries.themes(default)),
        ]
        for name, function in cases:
            count, median, worst = timed(function)
            print(f"{name:34} {count:>7} {median:>9.1f} {worst:>7.1f}")

        everything = queries.Filters(
            default.date_from.replace(year=default.date_from.year - 3),
            default.date_to,
        )
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        response = exports.answers_csv(everything)
        size = rows = 0
        for chunk in response.streaming_content:
            size += len(chunk)
            rows += 1
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(
            f"CSV export: {rows - 2:,} rows, {size / 1e6:.0f} MB in {seconds:.1f} s; "
            f"peak RSS {peak / 1024:.0f} MB (was {before / 1024:.0f} MB before)"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
