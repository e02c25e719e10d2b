from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "participation.analytics"
    label = "analytics"
    verbose_name = _("Participation analytics")

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save

        from feedback.models import Feedback

        from . import summary
        from .analysis import on_feedback_saved

        # Order matters: analyse the text first, then count it.
        post_save.connect(
            on_feedback_saved, sender=Feedback, dispatch_uid="analyse-feedback"
        )
        pre_save.connect(summary.on_pre_save, sender=Feedback, dispatch_uid="sum-pre")
        post_save.connect(
            summary.on_post_save, sender=Feedback, dispatch_uid="sum-post"
        )
        post_delete.connect(
            summary.on_post_delete, sender=Feedback, dispatch_uid="sum-del"
        )
