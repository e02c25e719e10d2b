from django.core.management.base import BaseCommand

from participation.workshops.services import queue_reminders


class Command(BaseCommand):
    help = (
        "Queue a reminder to each confirmed sign-up of workshops that start "
        "within their reminder days (once per sign-up). Run hourly."
    )

    def handle(self, *args, **options):
        count = queue_reminders()
        self.stdout.write(f"Queued {count} reminders.")
