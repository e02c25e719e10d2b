from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class StatusHistoryPanel(Panel):
    """Read-only list of a measure's status changes on its edit form."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Status history"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "plan/panels/status_history.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            instance = self.instance
            context["history"] = (
                instance.get_status_history() if instance and instance.pk else []
            )
            return context
