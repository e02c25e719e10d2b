"""Representatives' self-service, under /fi/omat-yhdistykset/ and
/sv/mina-foreningar/."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.utils.urlpatterns import decorate_urlpatterns

from website.core.page_cache import personal_page

from . import my_data, selfservice

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
    # "My data": see, download and erase (website/core/selfservice.py).
    path(_("my-data/"), my_data.my_data, name="my_data"),
    path(
        format_lazy("{}data.json", _("my-data/")),
        my_data.my_data_download,
        name="my_data_download",
    ),
    path(
        format_lazy("{}{}", _("my-data/"), _("erase/")),
        my_data.my_data_erase,
        name="my_data_erase",
    ),
]

# Everything here is behind a login: private, never cached.
urlpatterns = decorate_urlpatterns(urlpatterns, personal_page)
