from django.core.management.base import BaseCommand

from feedback.models import Feedback
from participation.analytics.analysis import analyse_all


class Command(BaseCommand):
    help = (
        "Classify the themes and tone of all feedback texts again, e.g. after "
        "the free-text themes' keywords were edited."
    )

    def handle(self, **options):
        analyse_all(Feedback.objects.all(), write=self.stdout.write)
