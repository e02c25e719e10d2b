"""`scheduler` in the Procfile: one process that enqueues the periodic jobs
of settings.SCHEDULED_JOBS (website/core/scheduler.py).

Exactly one scheduler works at a time: it holds the "scheduler" lock (a
PostgreSQL advisory lock; a file lock on SQLite, see website/core/locks.py).
A second one stands by, trying the lock every few seconds, and takes over
when the first stops: running two is safe and gives a warm standby. SIGTERM
and SIGINT stop it between two rounds (or while standing by).
"""

import signal
import sys
import threading

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from website.core import scheduler
from website.core.locks import NamedLock


class Command(BaseCommand):
    help = "Enqueue the periodic jobs (SCHEDULED_JOBS) on time; one at a time."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=15.0,
            help="Seconds between two looks at the jobs (default 15).",
        )
        parser.add_argument(
            "--once",
            action="store_true",
            help="Enqueue what is due, then exit (for cron-like runners, tests).",
        )

    def handle(self, *args, interval=15.0, once=False, **options):
        job_list = scheduler.jobs()
        stop = threading.Event()

        def request_stop(signum, frame):
            self.stdout.write(f"{signal.Signals(signum).name}: stopping.")
            stop.set()

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)

        lock = NamedLock("scheduler")
        waiting = False
        while not lock.acquire(wait=False):
            if once:
                self.stdout.write("Another scheduler is running; nothing to do.")
                return
            if not waiting:
                self.stdout.write("Another scheduler is running; standing by.")
                waiting = True
            if stop.wait(min(interval, 5.0)):
                return
        self.stdout.write(f"Scheduler running {len(job_list)} jobs.")
        try:
            while not stop.is_set():
                scheduler.run_due(job_list)
                if once or stop.wait(interval):
                    break
                # Like a request: drop a connection the database has closed.
                close_old_connections()
                if not lock.held():
                    # The database went away and took the lock with it:
                    # exit so the process manager starts a fresh scheduler.
                    self.stderr.write("Lost the scheduler lock; exiting.")
                    sys.exit(1)
        finally:
            lock.release()
        self.stdout.write("Scheduler stopped.")
