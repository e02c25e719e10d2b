from django.core.management.base import BaseCommand

from participation.workshops.retention import anonymise, retention_days


class Command(BaseCommand):
    help = (
        "Anonymise workshop sign-ups WORKSHOP_RETENTION_DAYS after the workshop "
        "(names, e-mails, needs); counts stay. Run daily from a scheduler."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days=None, **options):
        count = anonymise(days=days)
        days = retention_days() if days is None else days
        self.stdout.write(f"Anonymised {count} sign-ups (older than {days} days).")
