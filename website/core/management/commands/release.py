"""`release` in the Procfile: what a deploy does once, before the new code
serves requests.

1. `migrate`, under a lock (website/core/locks.py) so that two instances
   starting together cannot both migrate: the second waits, then finds
   nothing to do.
2. `collectstatic --noinput` (the manifest whitenoise serves).
3. `check --deploy --fail-level WARNING` when running the production
   settings, so a half-configured release stops here and not in front of
   visitors.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from website.core.locks import NamedLock


class Command(BaseCommand):
    help = "Deploy step: migrate under a lock, collect static files, check."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-collectstatic",
            action="store_true",
            help="When the static files are built elsewhere (e.g. in the image).",
        )

    def handle(self, *args, skip_collectstatic=False, verbosity=1, **options):
        lock = NamedLock("migrate")
        if verbosity:
            self.stdout.write("Waiting for the migration lock…")
        with lock:
            call_command("migrate", interactive=False, verbosity=verbosity)
        if not skip_collectstatic:
            call_command("collectstatic", interactive=False, verbosity=verbosity)
        if not settings.DEBUG:
            call_command("check", deploy=True, fail_level="WARNING")
        if verbosity:
            self.stdout.write(self.style.SUCCESS("Release done."))
