from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "participation.analytics"
    label = "analytics"
    verbose_name = _("Participation analytics")

    def ready(self):
        from django.db.models.signals import post_save

        from feedback.models import Feedback

        from .analysis import on_feedback_saved

        post_save.connect(
            on_feedback_saved, sender=Feedback, dispatch_uid="analyse-feedback"
        )
