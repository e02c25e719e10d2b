"""The raw text an object is indexed with, before language analysis."""

from html import unescape

from django.utils.html import strip_tags
from modelsearch import index

MAX_TEXT = 20_000


def _strings(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, dict):
        return _strings(list(value.values()))
    return [str(value)]


def searchable_texts(obj, skip_title=False):
    """The text of an object's search fields, in the order they are declared
    (HTML removed). ``skip_title`` leaves out the title, for excerpts."""
    texts = []
    for field in obj.get_search_fields():
        if type(field) is index.AutocompleteField or not isinstance(
            field, index.SearchField
        ):
            continue
        if skip_title and field.field_name == "title":
            continue
        # The plain SearchField's value, not the analysed one.
        value = index.SearchField.get_value(field, obj)
        texts.extend(
            " ".join(unescape(strip_tags(text)).split()) for text in _strings(value)
        )
    return [text for text in texts if text]


def searchable_text(obj, skip_title=False):
    return " … ".join(searchable_texts(obj, skip_title))[:MAX_TEXT]
