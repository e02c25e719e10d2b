from django.core.management.base import BaseCommand

from participation.panels.services import close_due_rounds


class Command(BaseCommand):
    help = (
        "Close open panel rounds whose closing time has passed; closing drops "
        "the link between members and their answers. Run hourly."
    )

    def handle(self, *args, **options):
        closed = close_due_rounds()
        self.stdout.write(f"closed rounds: {len(closed)}")
