"""The association map at scale: 5,000 associations and 20,000 activities.

Builds the demo site in a scratch test database, adds the generated
associations in bulk, then times the map page (first page of the list, and
filtered), the GeoJSON (uncached and cached) and the CSV export.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/yhdessa_bench \\
        .venv/bin/python benchmarks/associations.py
"""

import math
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

ASSOCIATIONS = 5000
ACTIVITIES_EACH = 4
ROUNDS = 10


def populate():
    from website.associations.models import (
        Activity,
        Association,
        TargetGroup,
        Theme,
    )
    from website.indicators.models import Area

    municipalities = list(Area.objects.filter(kind=Area.Kind.MUNICIPALITY))
    themes = list(Theme.objects.all())
    groups = list(TargetGroup.objects.all())
    associations = Association.objects.bulk_create(
        Association(
            slug=f"bench-{i}",
            name_fi=f"Testiyhdistys {i} ry",
            name_sv=f"Testföreningen {i} rf",
            description_fi="Yhdistyksen kuvaus " * 10,
            description_sv="Föreningens beskrivning " * 10,
            serves_sv=i % 3 == 0,
            latitude=Decimal("60.3") + Decimal(i % 500) / 1000,
            longitude=Decimal("24.7") + Decimal(i // 500) / 20,
            published=True,
            is_demo=True,
        )
        for i in range(ASSOCIATIONS)
    )
    through = Association.municipalities.through
    through.objects.bulk_create(
        through(association_id=a.pk, area_id=municipalities[i % 6].pk)
        for i, a in enumerate(associations)
    )
    through = Association.themes.through
    through.objects.bulk_create(
        through(association_id=a.pk, theme_id=themes[(i + k) % len(themes)].pk)
        for i, a in enumerate(associations)
        for k in range(2)
    )
    through = Association.target_groups.through
    through.objects.bulk_create(
        through(association_id=a.pk, targetgroup_id=groups[i % len(groups)].pk)
        for i, a in enumerate(associations)
    )
    Activity.objects.bulk_create(
        Activity(association=a, name_fi=f"Toiminta {k}", name_sv=f"Verksamhet {k}")
        for a in associations
        for k in range(ACTIVITIES_EACH)
    )
    cache.clear()


def measure(client, url, rounds=ROUNDS, clear=False):
    counted = []
    with connection.execute_wrapper(
        lambda run, sql, *args, log=counted: log.append(sql) or run(sql, *args)
    ):
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    size = len(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    timings = []
    for _ in range(rounds):
        if clear:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[math.ceil(len(timings) * 0.95) - 1]
    return len(counted), statistics.median(timings), p95, size


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo", verbosity=0)
        started = time.monotonic()
        populate()
        print(
            f"{ASSOCIATIONS + 30} associations, "
            f"{ASSOCIATIONS * ACTIVITIES_EACH + 30} activities "
            f"({connection.vendor}), populated in {time.monotonic() - started:.1f} s"
        )
        from website.associations.models import AssociationMapPage

        page = AssociationMapPage.objects.get(locale__language_code="fi")
        client = Client()
        cases = [
            ("map page", page.url, False),
            (
                "map page, filtered",
                page.url + "?municipality=tuusula&theme=liikunta",
                False,
            ),
            ("map page, text search", page.url + "?q=testiyhdistys+123", False),
            ("GeoJSON uncached", page.route_url("geojson"), True),
            ("GeoJSON cached", page.route_url("geojson"), False),
            ("CSV (streamed)", page.route_url("csv"), False),
        ]
        print(f"{'case':24} {'queries':>7} {'median ms':>9} {'p95 ms':>7} {'bytes':>9}")
        for name, url, clear in cases:
            rounds = 3 if clear or "CSV" in name else ROUNDS
            queries, median, p95, size = measure(client, url, rounds, clear)
            print(f"{name:24} {queries:>7} {median:>9.1f} {p95:>7.1f} {size:>9}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
