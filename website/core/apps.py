from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "website.core"
    label = "core"

    def ready(self):
        from . import checks, mail, page_cache, privacy  # noqa: F401 (checks register)

        page_cache.connect()
        # The outbox forgets an address whenever a register erases it.
        mail.connect()
        # Each app's privacy.py declares its personal fields.
        privacy.autodiscover()
