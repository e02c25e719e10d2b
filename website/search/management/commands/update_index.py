from django.core.management.base import BaseCommand

from website.search.indexing import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search indexes, each language only into its own backend "
        "(replaces Wagtail's update_index, which would index every page with "
        "every backend's language configuration)."
    )

    def add_arguments(self, parser):
        # Accepted for compatibility with Wagtail's command; ignored.
        parser.add_argument("--backend", dest="backend_name", default=None)
        parser.add_argument("--schema-only", action="store_true")
        parser.add_argument("--chunk_size", type=int, default=500)

    def handle(self, **options):
        rebuild(write=self.stdout.write, chunk_size=options["chunk_size"])
