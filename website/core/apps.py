from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "website.core"
    label = "core"

    def ready(self):
        from . import checks, mail, page_cache, privacy  # noqa: F401 (checks register)

        page_cache.connect()
        from . import navigation

        navigation.connect()  # the main menu's cache follows the page tree
        # The outbox forgets an address whenever a register erases it.
        mail.connect()
        # Each app's privacy.py declares its personal fields.
        privacy.autodiscover()
