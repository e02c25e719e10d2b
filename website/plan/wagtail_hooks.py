from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Measure


class MeasureViewSet(SnippetViewSet):
    model = Measure
    icon = "tasks"
    menu_label = _("Measures")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "status", "responsible", "schedule", "locale"]
    list_filter = ["status", "locale", "live"]
    search_fields = ["title", "responsible"]
    search_backend_name = None
    ordering = ["title"]


register_snippet(MeasureViewSet)
