from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from . import admin_views
from .models import Area, Indicator, IndicatorValue


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    menu_label = _("Areas")
    list_display = ["name_fi", "name_sv", "kind", "code", "sotkanet_id"]
    list_filter = ["kind"]
    search_fields = ["name_fi", "name_sv", "code"]
    search_backend_name = None


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indicators")
    list_display = ["name_fi", "name_sv", "source", "sotkanet_id", "higher_is_better"]
    search_fields = ["name_fi", "name_sv", "code"]
    search_backend_name = None


class IndicatorValueIndexView(IndexView):
    """The value listing, with a header button to the CSV import."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if admin_views.can_import(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Import CSV"),
                    url=reverse("indicators_import_values"),
                    icon_name="upload",
                )
            )
        return buttons


class IndicatorValueViewSet(SnippetViewSet):
    model = IndicatorValue
    icon = "list-ol"
    menu_label = _("Indicator values")
    index_view_class = IndicatorValueIndexView
    list_display = ["indicator", "area", "year", "gender", "value", "is_demo"]
    list_filter = ["indicator", "area", "year", "is_demo"]


class IndicatorGroup(SnippetViewSetGroup):
    items = (IndicatorViewSet, IndicatorValueViewSet, AreaViewSet)
    menu_icon = "table"
    menu_label = _("Indicator data")
    menu_name = "indicator-data"


register_snippet(IndicatorGroup)


@hooks.register("register_admin_urls")
def register_import_url():
    # Wagtail wraps these in its admin login and language handling; the view
    # checks the indicator permissions itself.
    return [
        path(
            "indicators/import/",
            admin_views.import_indicator_values,
            name="indicators_import_values",
        )
    ]
