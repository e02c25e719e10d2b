from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TextTheme


class TextThemeViewSet(SnippetViewSet):
    model = TextTheme
    icon = "tag"
    menu_label = _("Free-text themes")
    list_display = ["name_fi", "name_sv", "sort_order"]
    add_to_admin_menu = False


register_snippet(TextThemeViewSet)
