"""Backups of the database and the media files, and their restore.

One backup is one tar file in BACKUP_DIR, named by its UTC time
(`yhdessa-20261202T031500Z.tar`), holding:

- `database.dump`: PostgreSQL's own custom format (`pg_dump --format=custom`,
  compressed, restorable table by table with `pg_restore`), or
  `database.sqlite3`: a consistent copy of the embedded database made with
  SQLite's online backup API while the site keeps running;
- `media.tar.gz`: MEDIA_ROOT (images, documents);
- `manifest.json`: engine, time, and the latest migration of every app.

The tar is written beside its final name and renamed when complete, so a
backup that was interrupted never counts as one of the BACKUP_KEEP kept.
`restore()` puts a backup back over the configured database (PostgreSQL:
`pg_restore --clean --if-exists`, creating the database first if it was
dropped) and unpacks the media, then invalidates the page cache.

Why not django-dbbackup: for PostgreSQL it wraps the same pg_dump and
pg_restore calls, so it would be one more dependency (and its own storage
settings) for about forty lines here; the media archive and the SQLite
online backup are a few lines of the standard library.
"""

import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django_tasks import task

PREFIX = "yhdessa-"
SUFFIX = ".tar"


class BackupError(Exception):
    pass


def _database(alias="default"):
    return settings.DATABASES[alias]


def _is_postgres(db):
    return db["ENGINE"] == "django.db.backends.postgresql"


def _is_sqlite(db):
    return db["ENGINE"] == "django.db.backends.sqlite3"


def _pg_env(db):
    """libpq's environment for pg_dump/pg_restore: no password on a
    command line (it would show in the process list)."""
    env = dict(os.environ)
    for key, value in {
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
    }.items():
        if value:
            env[key] = str(value)
    return env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")
    return result


def _migrations():
    try:
        rows = MigrationRecorder.Migration.objects.values_list("app", "name")
        latest = {}
        for app, name in rows:
            latest[app] = max(latest.get(app, ""), name)
        return latest
    except Exception:  # an empty database has no migration table yet
        return {}


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def create_backup(directory=None, keep=None):
    """Write a backup into `directory` (BACKUP_DIR), keep the newest `keep`
    (BACKUP_KEEP) and return the new file's path."""
    directory = Path(directory or settings.BACKUP_DIR)
    keep = settings.BACKUP_KEEP if keep is None else keep
    directory.mkdir(parents=True, exist_ok=True)
    db = _database()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = directory / f"{PREFIX}{stamp}{SUFFIX}"
    partial = target.with_suffix(".partial")
    with tempfile.TemporaryDirectory(dir=directory) as work:
        work = Path(work)
        if _is_postgres(db):
            dump, dump_name = work / "database.dump", "database.dump"
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={dump}",
                    db["NAME"],
                ],
                _pg_env(db),
            )
        elif _is_sqlite(db):
            dump, dump_name = work / "database.sqlite3", "database.sqlite3"
            source = sqlite3.connect(db["NAME"])
            copy = sqlite3.connect(dump)
            try:
                source.backup(copy)
            finally:
                copy.close()
                source.close()
        else:
            raise BackupError(f"cannot back up {db['ENGINE']}")
        media = work / "media.tar.gz"
        with tarfile.open(media, "w:gz") as archive:
            if Path(settings.MEDIA_ROOT).is_dir():
                archive.add(settings.MEDIA_ROOT, arcname="media")
        manifest = {
            "created": datetime.now(UTC).isoformat(),
            "engine": db["ENGINE"],
            "database": dump_name,
            "migrations": _migrations(),
        }
        with tarfile.open(partial, "w") as archive:
            _add_bytes(archive, "manifest.json", json.dumps(manifest).encode())
            archive.add(dump, arcname=dump_name)
            archive.add(media, arcname="media.tar.gz")
    partial.rename(target)
    for old in backups(directory)[:-keep] if keep > 0 else []:
        old.unlink()
    return target


def backups(directory=None):
    """The complete backups in `directory`, oldest first."""
    directory = Path(directory or settings.BACKUP_DIR)
    return sorted(directory.glob(f"{PREFIX}*{SUFFIX}"))


def _ensure_postgres_database(db):
    """Create the configured database if it is missing (restore after the
    database was dropped or on a new server)."""
    import psycopg
    from psycopg import sql

    params = {
        key: value
        for key, value in {
            "host": db.get("HOST"),
            "port": db.get("PORT"),
            "user": db.get("USER"),
            "password": db.get("PASSWORD"),
        }.items()
        if value
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
        ).fetchone()
        if not exists:
            conn.execute(
                sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"]))
            )


def restore(path):
    """Put the backup at `path` back: database and media. Returns the
    backup's manifest."""
    path = Path(path)
    db = _database()
    for connection in connections.all():
        connection.close()
    with tempfile.TemporaryDirectory() as work, tarfile.open(path) as archive:
        work = Path(work)
        archive.extractall(work, filter="data")
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest["engine"] != db["ENGINE"]:
            raise BackupError(
                f"{path.name} is a backup of {manifest['engine']}, "
                f"the site runs {db['ENGINE']}"
            )
        dump = work / manifest["database"]
        if _is_postgres(db):
            _ensure_postgres_database(db)
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    f"--dbname={db['NAME']}",
                    str(dump),
                ],
                _pg_env(db),
            )
        else:
            source = sqlite3.connect(dump)
            live = sqlite3.connect(db["NAME"])
            try:
                source.backup(live)
            finally:
                live.close()
                source.close()
        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(work / "media.tar.gz") as media:
            # "media/…" in the archive is MEDIA_ROOT/….
            files = [m for m in media.getmembers() if m.name.startswith("media/")]
            for member in files:
                member.name = member.name.removeprefix("media/")
            media.extractall(media_root, members=files, filter="data")
    from .page_cache import invalidate

    invalidate()
    return manifest


@task()
def scheduled_backup():
    """The scheduler's daily job (SCHEDULED_JOBS "backup")."""
    return str(create_backup())
