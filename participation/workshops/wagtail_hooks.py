from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from . import admin_views
from .models import WorkshopPage

admin_urls = (
    [
        path("<int:page_id>/", admin_views.participants, name="participants"),
        path("<int:page_id>/attendance/", admin_views.attendance, name="attendance"),
        path("<int:page_id>/capacity/", admin_views.capacity, name="capacity"),
        path("<int:page_id>/message/", admin_views.message, name="message"),
        path(
            "<int:page_id>/cancel/<int:signup_id>/",
            admin_views.cancel,
            name="cancel",
        ),
        path(
            "<int:page_id>/export.<str:fmt>",
            admin_views.export,
            name="export",
        ),
    ],
    "workshops_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("workshops/", include(admin_urls))]


@hooks.register("register_page_listing_buttons")
def participants_button(page, user, next_url=None):
    if isinstance(page.specific_deferred, WorkshopPage):
        yield ListingButton(
            _("Participants"),
            reverse("workshops_admin:participants", args=[page.pk]),
            icon_name="group",
            priority=30,
        )
