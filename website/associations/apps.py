from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    name = "website.associations"
    label = "associations"
    verbose_name = _("Associations")

    def ready(self):
        from . import signals  # noqa: F401
