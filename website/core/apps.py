from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "website.core"
    label = "core"

    def ready(self):
        from . import page_cache, privacy

        page_cache.connect()
        # Each app's privacy.py declares its personal fields.
        privacy.autodiscover()
