from django.core.management.base import BaseCommand

from feedback import services
from feedback.models import Feedback
from feedback.retention import anonymise_all, due


class Command(BaseCommand):
    help = (
        "Anonymise feedback older than FEEDBACK_RETENTION_DAYS (free text, contact "
        "details, notes, replies; scores stay for statistics). With --contact-email, "
        "erase one giver's feedback on request. The scheduler runs it daily "
        "(feedback_purge)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)
        parser.add_argument(
            "--contact-email", help="Erase all feedback given with this address."
        )
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, days=None, contact_email=None, dry_run=False, **options):
        if contact_email:
            targets = Feedback.objects.filter(contact_email__iexact=contact_email)
        else:
            targets = due(days)
        if dry_run:
            self.stdout.write(f"Would anonymise {targets.count()} feedback.")
            return
        if contact_email:
            count = 0
            for feedback in targets.iterator(chunk_size=500):
                services.erase(feedback)
                count += 1
        else:
            count = anonymise_all(targets)
        self.stdout.write(f"Anonymised {count} feedback.")
