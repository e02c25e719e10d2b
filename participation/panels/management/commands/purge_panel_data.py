from django.core.management.base import BaseCommand

from participation.panels.retention import purge


class Command(BaseCommand):
    help = (
        "Delete panel applicants who never confirmed, were not selected or left "
        "the panel, after the retention periods (PANEL_RETENTION_DAYS_*). "
        "Run daily from the scheduler."
    )

    def handle(self, *args, **options):
        counts = purge()
        self.stdout.write(", ".join(f"{reason}: {n}" for reason, n in counts.items()))
