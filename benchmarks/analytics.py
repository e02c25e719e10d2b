"""Participation analytics at scale (PostgreSQL): 1,000,000 feedback rows.

Builds the demo site in a scratch test database, generates feedback rows
with SQL (generate_series; analyses for every third row), then times every
query of the dashboard (the default 12-month view and a filtered one), and
streams the CSV export of all rows while measuring the process's peak memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/yhdessa_bench \\
        .venv/bin/python benchmarks/analytics.py [rows]
"""

import os
import statistics
import subprocess
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

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] != "--csv" else 1_000_000
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


def populate_participation(rows=50_000):
    """Half workshop rows (sign-ups and their attendees), half panel rows
    (members and responses), copied from the demo's own rows, with the
    demo's past workshops moved into the last 12 months."""
    import datetime
    import secrets
    import uuid

    from django.utils import timezone

    from participation.panels.models import Member, Response, Round
    from participation.workshops.models import Attendee, SignUp, WorkshopPage

    now = timezone.now()
    WorkshopPage.objects.filter(starts_at__lt=now).update(
        starts_at=now - datetime.timedelta(days=60)
    )
    template = SignUp.objects.filter(status=SignUp.Status.CONFIRMED).first()
    workshops = list(WorkshopPage.objects.filter(locale__language_code="fi"))
    quarter = rows // 4
    signups = []
    for i in range(quarter):
        signup = SignUp.objects.get(pk=template.pk)
        signup.pk = None
        signup.workshop = workshops[i % len(workshops)]
        signup.email = f"bench{i}@example.invalid"
        signup.submission_key = uuid.uuid4()
        signups.append(signup)
    signups = SignUp.objects.bulk_create(signups, batch_size=2000)
    Attendee.objects.bulk_create(
        [Attendee(signup=signups[i % len(signups)], name="") for i in range(quarter)],
        batch_size=5000,
    )
    member = Member.objects.first()
    members = []
    for i in range(quarter):
        copy = Member.objects.get(pk=member.pk)
        copy.pk = None
        copy.email = f"bench{i}@example.invalid"
        copy.link_key = secrets.token_hex()
        members.append(copy)
    Member.objects.bulk_create(members, batch_size=2000)
    round_ = Round.objects.filter(status=Round.Status.CLOSED).first()
    Response.objects.bulk_create(
        [
            Response(
                round=round_,
                submitted_on=(now - datetime.timedelta(days=i % 300)).date(),
            )
            for i in range(quarter)
        ],
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        for model in (SignUp, Attendee, Member, Response):
            cursor.execute(f"ANALYZE {model._meta.db_table}")


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
    from participation.analytics import queries, sections
    from participation.analytics.views import build

    setup_test_environment()
    assert connection.vendor == "postgresql", "this benchmark needs PostgreSQL"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo", verbosity=0)
        started = time.monotonic()
        populate(ROWS)
        print(f"{ROWS:,} feedback rows generated in {time.monotonic() - started:.1f} s")
        populate_participation()
        print("50,000 workshop and panel rows generated")
        default = queries.Filters.last_months(12)
        from website.indicators.models import Area

        filtered = queries.Filters(
            default.date_from,
            default.date_to,
            municipality=Area.objects.get(name_fi="Tuusula"),
            channels=("qr",),
            languages=("fi",),
        )
        import datetime
        from dataclasses import replace

        print(f"{'case':34} {'queries':>7} {'median ms':>9} {'max ms':>7}")
        cases = [
            ("dashboard, 12 months", lambda: build(default)),
            ("dashboard, filtered", lambda: build(filtered)),
            (
                "dashboard, 15th to 20th (edges raw)",
                lambda: build(
                    replace(
                        default,
                        date_from=default.date_from.replace(day=15),
                        date_to=default.date_to - datetime.timedelta(days=3),
                    )
                ),
            ),
            (
                "dashboard, raw rows (no summary)",
                lambda: build(replace(default, raw=True)),
            ),
            ("  NPS + previous period", lambda: queries.nps(default)),
            ("  monthly NPS", lambda: queries.monthly_nps(default)),
            ("  volumes, median, channels", lambda: queries.volumes(default)),
            ("  NPS by unit", lambda: queries.nps_by_unit(default)),
            ("  themes and tone", lambda: queries.themes(default)),
            ("  workshops", lambda: sections.workshops(default)),
            ("  panels", lambda: sections.panels(default)),
            ("  participation by goal", lambda: sections.goals(default)),
        ]
        for name, function in cases:
            count, median, worst = timed(function)
            print(f"{name:34} {count:>7} {median:>9.1f} {worst:>7.1f}")

        everything = queries.Filters(
            default.date_from.replace(year=default.date_from.year - 3),
            default.date_to,
        )
        # The export in a fresh process, as a web worker runs it: its peak
        # RSS is what the export costs on top of a started Django.
        child = subprocess.run(
            [sys.executable, __file__, "--csv", connection.settings_dict["NAME"],
             everything.date_from.isoformat(), everything.date_to.isoformat()],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        print(child.stdout.strip())
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def _high_water_mb():
    """This process's peak RSS (VmHWM). Not getrusage's ru_maxrss: Linux
    carries that over from the parent through fork and exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def export_csv(name, date_from, date_to):
    """Child process: stream the CSV of the period to nowhere, report RSS."""
    import datetime

    from participation.analytics import exports, queries

    connection.settings_dict["NAME"] = name
    filters = queries.Filters(
        datetime.date.fromisoformat(date_from), datetime.date.fromisoformat(date_to)
    )
    connection.ensure_connection()
    before = _high_water_mb()
    started = time.perf_counter()
    response = exports.answers_csv(filters)
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    seconds = time.perf_counter() - started
    peak = _high_water_mb()
    print(
        f"CSV export ({connection.vendor}, fresh process): {lines - 1:,} rows, "
        f"{size / 1e6:.0f} MB in {seconds:.1f} s "
        f"({(lines - 1) / seconds:,.0f} rows/s); "
        f"peak RSS {peak:.0f} MB, {before:.0f} MB after start-up"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--csv"]:
        export_csv(*sys.argv[2:5])
    else:
        main()
