from django.core.management.base import BaseCommand

from participation.workshops.tasks import send_pending


class Command(BaseCommand):
    help = (
        "Send (retry) workshop e-mails still pending in the outbox. Run every "
        "few minutes from a scheduler."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, limit, **options):
        sent, failed = send_pending(limit=limit)
        self.stdout.write(f"Sent {sent}, still failing {failed}.")
