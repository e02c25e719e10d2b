from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Area, Indicator, IndicatorValue


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    menu_label = _("Areas")
    list_display = ["name_fi", "name_sv", "kind", "code"]
    list_filter = ["kind"]
    search_fields = ["name_fi", "name_sv", "code"]
    search_backend_name = None


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indicators")
    list_display = ["name_fi", "name_sv", "source", "higher_is_better"]
    search_fields = ["name_fi", "name_sv", "code"]
    search_backend_name = None


class IndicatorValueViewSet(SnippetViewSet):
    model = IndicatorValue
    icon = "list-ol"
    menu_label = _("Indicator values")
    list_display = ["indicator", "area", "year", "gender", "value"]
    list_filter = ["indicator", "area", "year"]


class IndicatorGroup(SnippetViewSetGroup):
    items = (IndicatorViewSet, IndicatorValueViewSet, AreaViewSet)
    menu_icon = "table"
    menu_label = _("Indicator data")
    menu_name = "indicator-data"


register_snippet(IndicatorGroup)
