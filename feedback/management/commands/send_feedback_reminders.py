from django.core.management.base import BaseCommand

from feedback.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail handlers about feedback still unhandled after FEEDBACK_REMINDER_DAYS "
        "days (run daily from a scheduler)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, days=None, **options):
        sent = send_reminders(days=days)
        self.stdout.write(f"Sent {sent} reminder e-mails.")
