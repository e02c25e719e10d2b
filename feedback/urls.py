"""Routes outside the page tree; mounted under the language prefix in
website/urls.py (/fi/palaute/…, /sv/respons/…)."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "feedback"
urlpatterns = [
    path(_("page/"), views.widget_submit, name="widget"),
    path(_("page/thanks/"), views.widget_thanks, name="widget_thanks"),
    # Read by static/js/page-widget.js only: not a word for people.
    path("page-token/", views.fresh_widget_token, name="widget_token"),
    path("qr/<slug:slug>/", views.qr_landing, name="qr"),
    path(_("embed/"), views.embed, name="embed"),
    path(_("contact/<slug:slug>/"), views.contact, name="contact"),
    # The giver's personal link (feedback/selfservice.py) and its data rights
    # (website/core/selfservice.py).
    path(_("mine/<str:token>/"), views.mine, name="mine"),
    path(
        format_lazy("{}data.json", _("mine/<str:token>/")),
        views.mine_data,
        name="mine_data",
    ),
    path(
        format_lazy("{}{}", _("mine/<str:token>/"), _("erase/")),
        views.mine_erase,
        name="mine_erase",
    ),
]
