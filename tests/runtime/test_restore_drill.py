"""Restore drill (issue 16, item 6): back up the demo, drop the database,
restore, and check that pages, sign-ups and feedback are all there and the
pages render. PostgreSQL only: production's backups are pg_dump archives."""

import json
import shutil
import time
from pathlib import Path

from . import harness
from .conftest import drop_database

INVENTORY = """
import json
from pathlib import Path
from django.conf import settings
from wagtail.images.models import Image
from wagtail.models import Page
from feedback.models import Feedback
from participation.panels.models import Member
from participation.workshops.models import Attendee, SignUp, WorkshopPage

live = Page.objects.live().exclude(depth=1)
workshop = WorkshopPage.objects.live().filter(locale__language_code="fi").first()
media = Path(settings.MEDIA_ROOT)
print(json.dumps({
    "pages_fi": live.filter(locale__language_code="fi").count(),
    "pages_sv": live.filter(locale__language_code="sv").count(),
    "signups": SignUp.objects.count(),
    "attendees": Attendee.objects.count(),
    "feedback": Feedback.objects.count(),
    "feedback_texts": sorted(Feedback.objects.exclude(text="").values_list(
        "text", flat=True))[:20],
    "panel_members": Member.objects.count(),
    "images": Image.objects.count(),
    "media_files": sorted(
        str(p.relative_to(media)) for p in media.rglob("*") if p.is_file()
    ),
    "urls": [
        page.url for page in live.specific().filter(depth__lte=3)[:12]
    ] + [workshop.url, workshop.get_translation(
        workshop.locale.__class__.objects.get(language_code="sv")).url],
}))
"""


def inventory(env):
    return json.loads(harness.django_shell(env, INVENTORY))


def add_media(demo):
    """A file of our own in MEDIA_ROOT, whatever the demo put there."""
    folder = demo.media / "documents" / "drill"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pöytäkirja.txt").write_text("Varmuuskopion harjoitus\n")


def test_backup_drop_restore(postgres_demo, processes, tmp_path):
    env = postgres_demo.env(BACKUP_DIR=tmp_path / "backups")
    add_media(postgres_demo)
    before = inventory(env)
    assert "documents/drill/pöytäkirja.txt" in before["media_files"]
    assert before["pages_fi"] and before["pages_sv"]
    assert before["signups"] and before["feedback"] and before["panel_members"]

    started = time.perf_counter()
    backup = harness.manage(env, "backup").strip()
    backup_seconds = time.perf_counter() - started

    drop_database(postgres_demo.url)
    shutil.rmtree(postgres_demo.media)

    started = time.perf_counter()
    harness.manage(env, "restore", backup, "--noinput")
    restore_seconds = time.perf_counter() - started
    size = Path(backup).stat().st_size / 1e6
    print(f"backup {backup_seconds:.1f} s, {size:.1f} MB")
    print(f"restore {restore_seconds:.1f} s")

    after = inventory(env)
    assert after == before

    server = processes.gunicorn(env, workers=1, threads=2)
    server.wait_until_ready("/fi/")
    client = server.client()
    for url in before["urls"]:
        response = client.get(url)
        assert response.status == 200, (url, response.status, server.output())


def test_backup_keeps_the_newest(postgres_demo, tmp_path):
    """The scheduler's daily job leaves BACKUP_KEEP backups, newest last."""
    env = postgres_demo.env(BACKUP_DIR=tmp_path / "b", BACKUP_KEEP=2)
    made = [harness.manage(env, "backup").strip() for _ in range(3)]
    kept = sorted(str(p) for p in (tmp_path / "b").iterdir())
    assert kept == made[1:]


TASK = """
from django.conf import settings
from django.utils.module_loading import import_string
job = {name: path for name, _every, path in settings.SCHEDULED_JOBS}["backup"]
print(import_string(job).enqueue().return_value)
"""

WIPE = """
from feedback.models import Feedback
from participation.workshops.models import SignUp
SignUp.objects.all().delete()
Feedback.objects.all().delete()
"""


def test_embedded_sqlite_backup_by_the_scheduled_task_and_restore(
    sqlite_demo, tmp_path
):
    """The embedded default backs up with SQLite's online backup API; the
    scheduler's job (SCHEDULED_JOBS "backup") is the same backup."""
    env = sqlite_demo.env(BACKUP_DIR=tmp_path / "backups")
    add_media(sqlite_demo)
    before = inventory(env)
    backup = harness.django_shell(env, TASK).strip()
    assert backup.startswith(str(tmp_path / "backups"))

    harness.django_shell(env, WIPE)
    shutil.rmtree(sqlite_demo.media)
    assert inventory(env)["signups"] == 0

    harness.manage(env, "restore", backup, "--noinput")
    assert inventory(env) == before
