import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback import conf, services
from feedback.models import Feedback


class Command(BaseCommand):
    help = (
        "Anonymise feedback older than FEEDBACK_RETENTION_DAYS (free text, contact "
        "details, notes, replies; scores stay for statistics). With --contact-email, "
        "erase one giver's feedback on request. Run daily from a scheduler."
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
            days = conf.retention_days() if days is None else days
            cutoff = timezone.now() - datetime.timedelta(days=days)
            targets = Feedback.objects.filter(
                created_at__lt=cutoff, anonymised_at__isnull=True
            )
        if dry_run:
            self.stdout.write(f"Would anonymise {targets.count()} feedback.")
            return
        if contact_email:
            count = 0
            for feedback in targets.iterator(chunk_size=500):
                services.erase(feedback)
                count += 1
        else:
            count = targets.anonymise()
        self.stdout.write(f"Anonymised {count} feedback.")
