from django.core.management.base import BaseCommand

from website.search.evaluation import EVALUATION_SET, TOP, evaluate_all


class Command(BaseCommand):
    help = (
        "Print the site search's precision@3 per language over the evaluation "
        "set (website/search/evaluation_set.yaml), and the queries it misses."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(EVALUATION_SET))
        parser.add_argument("--top", type=int, default=TOP)

    def handle(self, **options):
        top = options["top"]
        for score in evaluate_all(options["file"], top):
            self.stdout.write(
                f"{score.language}: precision@{top} {score.precision:.3f} "
                f"({score.hits}/{score.queries})"
            )
            for query, expected, found in score.misses:
                self.stdout.write(f"  miss: {query!r} expected {expected}, got {found}")
