from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "website.core"
    label = "core"

    def ready(self):
        from . import page_cache

        page_cache.connect()
