"""Representatives' self-service, under /fi/omat-yhdistykset/ and
/sv/mina-foreningar/."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.utils.urlpatterns import decorate_urlpatterns

from website.core.page_cache import personal_page

from . import selfservice

app_name = "association_selfservice"
urlpatterns = [
    path("", selfservice.dashboard, name="dashboard"),
    path(_("new/"), selfservice.create, name="create"),
    path(_("claim/"), selfservice.claim, name="claim"),
    path("<int:pk>/", selfservice.edit, name="edit"),
    path(
        _("<int:pk>/activities/new/"),
        selfservice.activity_form,
        name="activity_create",
    ),
    path(
        _("<int:pk>/activities/<int:activity_pk>/"),
        selfservice.activity_form,
        name="activity_edit",
    ),
    path(
        _("<int:pk>/activities/<int:activity_pk>/remove/"),
        selfservice.activity_delete,
        name="activity_delete",
    ),
]

# Everything here is behind a login: private, never cached.
urlpatterns = decorate_urlpatterns(urlpatterns, personal_page)
