from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "website.core"
    label = "core"

    def ready(self):
        from . import checks, page_cache  # noqa: F401 (checks register)

        page_cache.connect()
