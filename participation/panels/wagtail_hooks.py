from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import BackgroundQuestion, ConsentVersion, Panel, Question, Round


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("panels/", admin_views.panel_index, name="panels_admin_index"),
        path("panels/<int:pk>/", admin_views.panel_detail, name="panels_admin_panel"),
        path(
            "panels/rounds/<int:pk>/results/",
            admin_views.round_results,
            name="panels_admin_results",
        ),
        path(
            "panels/rounds/<int:pk>/results.xlsx",
            admin_views.round_results_xlsx,
            name="panels_admin_results_xlsx",
        ),
        path(
            "panels/rounds/<int:pk>/<str:action>/",
            admin_views.round_action,
            name="panels_admin_round_action",
        ),
    ]


class PanelsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("panels.change_panel")


@hooks.register("register_admin_menu_item")
def register_panels_menu_item():
    return PanelsMenuItem(
        _("Panel selection and rounds"),
        reverse("panels_admin_index"),
        icon_name="group",
        order=230,
    )


class PanelViewSet(SnippetViewSet):
    model = Panel
    icon = "group"
    menu_label = _("Panels")
    list_display = ["name_fi", "kind", "recruitment_open", "target_size"]
    list_filter = ["kind", "recruitment_open", "is_demo"]


class ConsentVersionViewSet(SnippetViewSet):
    model = ConsentVersion
    icon = "doc-full"
    menu_label = _("Consent versions")
    list_display = ["panel", "version", "created_at"]


class BackgroundQuestionViewSet(SnippetViewSet):
    model = BackgroundQuestion
    icon = "list-ul"
    menu_label = _("Background questions")
    list_display = ["text_fi", "panel", "sort_order"]


class RoundViewSet(SnippetViewSet):
    model = Round
    icon = "form"
    menu_label = _("Rounds")
    list_display = ["title_fi", "panel", "status", "closes_at"]
    list_filter = ["status"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["text_fi", "round", "kind", "sort_order"]
    list_filter = ["kind"]


class PanelGroup(SnippetViewSetGroup):
    items = (
        PanelViewSet,
        ConsentVersionViewSet,
        BackgroundQuestionViewSet,
        RoundViewSet,
        QuestionViewSet,
    )
    menu_icon = "group"
    menu_label = _("Resident panels")
    menu_name = "panels"


register_snippet(PanelGroup)
