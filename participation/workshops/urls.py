"""Routes outside the page tree (signed links, endpoints); mounted under the
language prefix in website/urls.py."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "workshops"
urlpatterns = [
    # Upcoming workshops as a subscribable calendar (ics.py).
    path("feed.ics", views.feed, name="feed"),
    # The prefix itself (/fi/tyopajat/, /sv/workshoppar/) leads to the
    # listing page, wherever editors have placed it in the tree.
    path("", views.listing_redirect, name="listing"),
    path(_("signup/<str:token>/"), views.signup_status, name="signup"),
    # Self-service data rights (website/core/selfservice.py).
    path(
        format_lazy("{}data.json", _("signup/<str:token>/")),
        views.signup_data,
        name="signup_data",
    ),
    path(
        format_lazy("{}{}", _("signup/<str:token>/"), _("erase/")),
        views.signup_erase,
        name="signup_erase",
    ),
    # The e-mailed cancel link is the same signed page (cancel is a POST).
    path(_("cancel/<str:token>/"), views.signup_status, name="cancel"),
]
