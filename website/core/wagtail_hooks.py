from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import TranslatableMixin
from wagtail.permissions import register_permission_policy

from . import admin_views
from .guard import CONFIRM_ACTION, OVERRIDE_ACTION, check_publish


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "translation-status/",
            admin_views.translation_status,
            name="translation_status",
        ),
        path(
            "translation-guard/publish/<int:revision_id>/",
            admin_views.publish_despite_guard,
            name="translation_guard_publish",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status"),
        icon_name="globe",
        order=220,
    )


@hooks.register("before_publish_page")
def guard_page_publish(request, page):
    return check_publish(request, page)


@hooks.register("before_publish")
def guard_snippet_publish(request, obj):
    if isinstance(obj, TranslatableMixin):
        return check_publish(request, obj)
    return None


@hooks.register("register_log_actions")
def register_guard_log_actions(actions):
    actions.register_action(
        CONFIRM_ACTION,
        _("Published although a translation was missing or out of date"),
        _("Published although a translation was missing or out of date"),
    )
    actions.register_action(
        OVERRIDE_ACTION,
        _("Translation guard overridden"),
        _("Published by overriding the translation guard"),
    )


@hooks.register("register_permissions")
def register_guard_permission():
    return Permission.objects.filter(
        content_type__app_label="core", codename="override_translation_guard"
    )


# The mail outbox (website/core/mail_admin.py).
from .mail_admin import OutboxPermissionPolicy, OutboxViewSet  # noqa: E402
from .models import OutboxEmail  # noqa: E402

register_permission_policy(OutboxEmail, OutboxPermissionPolicy(OutboxEmail))


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()
