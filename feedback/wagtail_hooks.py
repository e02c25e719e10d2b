from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import ServiceUnit


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("feedback/", admin_views.inbox, name="feedback_inbox"),
        path("feedback/new/", admin_views.add, name="feedback_add"),
        path("feedback/<int:pk>/", admin_views.detail, name="feedback_detail"),
        path(
            "feedback/<int:pk>/<slug:action>/",
            admin_views.act,
            name="feedback_act",
        ),
        path(
            "feedback/units/<int:pk>/poster-<str:language>.pdf",
            admin_views.poster,
            name="feedback_poster",
        ),
        path(
            "feedback/units/<int:pk>/qr-<str:language>.png",
            admin_views.qr_image,
            name="feedback_qr_image",
        ),
    ]


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.is_handler(request.user)


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return InboxMenuItem(
        _("Feedback"), reverse("feedback_inbox"), icon_name="mail", order=250
    )


@hooks.register("register_permissions")
def register_handle_permission():
    return Permission.objects.filter(
        content_type__app_label="feedback", codename="handle_feedback"
    )


class ServiceUnitViewSet(SnippetViewSet):
    model = ServiceUnit
    icon = "site"
    menu_label = _("Service units")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name_fi", "name_sv", "parent", "level", "active"]
    list_filter = ["level", "active"]
    search_fields = ["name_fi", "name_sv", "slug"]
    search_backend_name = None


register_snippet(ServiceUnitViewSet)
