from django.core.management.base import BaseCommand

from website.core.mail import deliver_queued


class Command(BaseCommand):
    help = (
        "Deliver the due e-mails of the site's outbox now (all e-mail, not "
        "only workshops'; the scheduler's deliver-mail job does the same)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, limit, **options):
        sent, failed = deliver_queued(limit=limit)
        self.stdout.write(f"Sent {sent}, failed attempts {failed}.")
