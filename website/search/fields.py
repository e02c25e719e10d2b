from django.conf import settings
from modelsearch import index

from .analysis import analyze_value


class AnalyzedSearchField(index.SearchField):
    """A search field whose text is analysed for the object's own language
    (see ``website.search.analysis``) before the backend indexes it."""

    def get_value(self, obj):
        locale = getattr(obj, "locale", None)
        language = locale.language_code if locale else settings.LANGUAGE_CODE
        return analyze_value(super().get_value(obj), language)


def analyzed(search_fields):
    """Replace every plain SearchField in a list (e.g. Page.search_fields)."""
    return [
        AnalyzedSearchField(f.field_name, boost=f.boost, **f.kwargs)
        if type(f) is index.SearchField
        else f
        for f in search_fields
    ]
