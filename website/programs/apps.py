from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "website.programs"
    label = "programs"
    verbose_name = _("Programs")

    def ready(self):
        from wagtail.signals import published

        from .models import ProgramStatusCard

        published.connect(
            _sync_on_publish,
            sender=ProgramStatusCard,
            dispatch_uid="programs_sync_shared_fields",
        )


def _sync_on_publish(sender, instance, **kwargs):
    instance.sync_shared_fields()
