"""Routes outside the page tree (signed links, endpoints); mounted under the
language prefix in website/urls.py."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "workshops"
urlpatterns = [
    # The prefix itself (/fi/tyopajat/, /sv/workshoppar/) leads to the
    # listing page, wherever editors have placed it in the tree.
    path("", views.listing_redirect, name="listing"),
    path(_("signup/<str:token>/"), views.signup_status, name="signup"),
    # The e-mailed cancel link is the same signed page (cancel is a POST).
    path(_("cancel/<str:token>/"), views.signup_status, name="cancel"),
]
