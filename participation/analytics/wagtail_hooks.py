from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import TextTheme


class TextThemeViewSet(SnippetViewSet):
    model = TextTheme
    icon = "tag"
    menu_label = _("Free-text themes")
    list_display = ["name_fi", "name_sv", "sort_order"]
    add_to_admin_menu = False


register_snippet(TextThemeViewSet)


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    return [
        path("participation/", views.dashboard, name="participation_dashboard"),
        path(
            "participation/report-public-<str:language>.pdf",
            views.report_public,
            name="participation_report_public",
        ),
        path(
            "participation/report-<str:language>.pdf",
            views.report,
            name="participation_report",
        ),
        path(
            "participation/figures.xlsx",
            views.figures_xlsx,
            name="participation_xlsx",
        ),
        path("participation/answers.csv", views.answers_csv, name="participation_csv"),
    ]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view(request.user)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        _("Participation"),
        reverse("participation_dashboard"),
        icon_name="view",
        order=240,
    )
