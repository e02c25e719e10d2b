from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Program, ProgramStatusCard, ReportingPeriod


class ProgramViewSet(SnippetViewSet):
    model = Program
    icon = "clipboard-list"
    menu_label = _("Programs")
    list_display = ["name", "owner", "sort_order", "locale"]
    list_filter = ["locale", "live"]
    search_fields = ["name", "owner"]
    search_backend_name = None
    ordering = ["sort_order", "name"]


class ReportingPeriodViewSet(SnippetViewSet):
    model = ReportingPeriod
    icon = "date"
    menu_label = _("Reporting periods")
    list_display = ["label", "year", "half"]
    ordering = ["-year", "-half"]


class ProgramStatusCardViewSet(SnippetViewSet):
    model = ProgramStatusCard
    icon = "tasks"
    menu_label = _("Status cards")
    list_display = [
        "program",
        "period",
        "overall",
        "schedule",
        "risks",
        "resources",
        "locale",
    ]
    list_filter = ["period", "program", "overall", "locale", "live"]
    search_fields = ["program__name", "authors"]
    search_backend_name = None
    ordering = ["-period__year", "-period__half", "program__sort_order"]

    def get_queryset(self, request):
        return ProgramStatusCard.objects.select_related("program", "period", "locale")


class ProgramsGroup(SnippetViewSetGroup):
    items = (ProgramStatusCardViewSet, ProgramViewSet, ReportingPeriodViewSet)
    menu_icon = "clipboard-list"
    menu_label = _("Programs")
    menu_name = "programs"
    menu_order = 220


register_snippet(ProgramsGroup)
