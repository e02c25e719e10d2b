"""A named lock shared by every process that uses the same database, for the
runtime commands: `release` (one migrate at a time) and `scheduler` (one
scheduler at a time).

PostgreSQL: a session-level advisory lock on a connection of its own, so
that it is held exactly as long as the process (or the connection) lives and
Django closing its usual connection does not drop it. SQLite: an `flock` on
a file beside the database; a SQLite database lives on one machine, so a
file lock reaches every process that can open it.
"""

import fcntl
import hashlib
import tempfile
from pathlib import Path

from django.db import connections


def _advisory_key(name):
    digest = hashlib.sha256(f"yhdessa:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class NamedLock:
    def __init__(self, name, using="default"):
        self.name = name
        self.using = using
        self._connection = None
        self._file = None

    @property
    def _postgres(self):
        return connections[self.using].vendor == "postgresql"

    def acquire(self, wait=True):
        """Take the lock; with wait=False return False at once if another
        process holds it."""
        if self._postgres:
            connection = connections.create_connection(self.using)
            with connection.cursor() as cursor:
                function = "pg_advisory_lock" if wait else "pg_try_advisory_lock"
                cursor.execute(f"SELECT {function}(%s)", [_advisory_key(self.name)])
                got = wait or cursor.fetchone()[0]
            if not got:
                connection.close()
                return False
            self._connection = connection
            return True
        self._file = open(self._lock_path(), "a")  # noqa: SIM115 (held open)
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            self._file.close()
            self._file = None
            return False
        return True

    def held(self):
        """Whether the lock is still ours (a PostgreSQL restart drops it)."""
        if self._connection is not None:
            try:
                with self._connection.cursor() as cursor:
                    cursor.execute("SELECT 1")
                return True
            except Exception:
                return False
        return self._file is not None

    def release(self):
        if self._connection is not None:
            try:
                self._connection.close()  # ends the session and its lock
            finally:
                self._connection = None
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None

    def _lock_path(self):
        name = str(connections[self.using].settings_dict["NAME"])
        if name and not name.startswith(":memory:") and "mode=memory" not in name:
            return Path(f"{name}.{self.name}.lock")
        return Path(tempfile.gettempdir()) / f"yhdessa.{self.name}.lock"

    def __enter__(self):
        self.acquire()
        return self

    def __exit__(self, *exc_info):
        self.release()
