from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "website.search"
    label = "sitesearch"

    def ready(self):
        from . import indexing

        indexing.connect_signals()
