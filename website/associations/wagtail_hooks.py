from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views, history
from .models import Activity, Association, TargetGroup, Theme


class AssociationViewSet(SnippetViewSet):
    model = Association
    icon = "group"
    menu_label = _("Associations")
    list_display = ["name_fi", "name_sv", "published", "updated_at"]
    list_filter = ["published", "municipalities", "themes", "is_demo"]
    search_fields = ["name_fi", "name_sv"]
    search_backend_name = None


class ActivityViewSet(SnippetViewSet):
    model = Activity
    icon = "date"
    menu_label = _("Activities")
    list_display = ["name_fi", "association", "language", "is_free"]
    list_filter = ["language", "is_free"]
    search_fields = ["name_fi", "name_sv"]
    search_backend_name = None


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name_fi", "name_sv", "sort_order"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "user"
    menu_label = _("Target groups")
    list_display = ["name_fi", "name_sv", "sort_order"]


class AssociationGroup(SnippetViewSetGroup):
    items = (AssociationViewSet, ActivityViewSet, ThemeViewSet, TargetGroupViewSet)
    menu_icon = "group"
    menu_label = _("Association map")
    menu_name = "associations"


register_snippet(AssociationGroup)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path(
            "association-moderation/",
            admin_views.queue,
            name="association_moderation",
        ),
        path(
            "association-moderation/<int:pk>/",
            admin_views.review,
            name="association_moderation_review",
        ),
        path(
            "association-moderation/claims/<int:pk>/",
            admin_views.decide_claim,
            name="association_moderation_claim",
        ),
    ]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Association moderation"),
        reverse("association_moderation"),
        icon_name="tasks",
        order=230,
    )


@hooks.register("register_log_actions")
def register_history_actions(actions):
    history.register(actions)
