"""Is the Swedish side following the Finnish (and vice versa)?

For every translatable page and snippet, and every language, one of:

* ``missing``: no object in that language;
* ``draft``: it exists but is not published;
* ``out_of_date``: published, but the source's live translatable strings
  differ from the strings the translation was last synced from (the source
  changed after the last sync in wagtail-localize);
* ``published``: published and in step with the source.

The source language of an object is the locale of its wagtail-localize
TranslationSource, or its own locale when it has never been translated.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

MISSING, DRAFT, OUT_OF_DATE, PUBLISHED = "missing", "draft", "out_of_date", "published"
STATE_LABELS = {
    MISSING: _("Missing"),
    DRAFT: _("Draft"),
    OUT_OF_DATE: _("Out of date"),
    PUBLISHED: _("Published"),
}
STATE_ORDER = [MISSING, OUT_OF_DATE, DRAFT, PUBLISHED]


def translatable_snippet_models():
    return [m for m in get_snippet_models() if issubclass(m, TranslatableMixin)]


def live_strings(instance):
    return {
        s.string.data
        for s in extract_segments(instance)
        if isinstance(s, StringSegmentValue)
    }


def synced_strings(sources):
    """{source id: set of strings} as wagtail-localize last extracted them."""
    strings = defaultdict(set)
    rows = StringSegment.objects.filter(source__in=sources).values_list(
        "source_id", "string__data"
    )
    for source_id, data in rows:
        strings[source_id].add(data)
    return strings


def behind_last_sync(target_object, source):
    """The translation was last published before its source was last synced,
    so it has not taken in the synced strings yet."""
    published_at = getattr(target_object, "last_published_at", None)
    return published_at is not None and published_at < source.last_updated_at


def is_live(obj):
    return obj.live if isinstance(obj, Page | DraftStateMixin) else True


def source_changed_since_sync(source_object, source, strings_by_source=None):
    """Whether the live source's strings differ from the last synced ones."""
    if strings_by_source is None:
        strings_by_source = synced_strings([source])
    return live_strings(source_object) != strings_by_source.get(source.pk, set())


class Row:
    def __init__(self, translation_key, objects, source):
        self.translation_key = translation_key
        self.objects = objects  # {language: object}
        self.source = source  # TranslationSource or None
        if source is not None:
            self.source_language = source.locale.language_code
        else:
            self.source_language = next(iter(objects))
        self.source_object = objects.get(self.source_language) or next(
            iter(objects.values())
        )
        self.states = {}

    @property
    def title(self):
        obj = self.source_object
        return obj.get_admin_display_title() if isinstance(obj, Page) else str(obj)

    @property
    def kind(self):
        return self.source_object._meta.verbose_name

    def cells(self):
        return [
            {
                "language": code,
                "state": self.states[code],
                "label": STATE_LABELS[self.states[code]],
                "object": self.objects.get(code),
                "is_source": code == self.source_language,
            }
            for code, _name in settings.LANGUAGES
        ]


def _compute_states(rows):
    sources = [row.source for row in rows if row.source is not None]
    strings = synced_strings(sources)
    for row in rows:
        changed = None
        for code, _name in settings.LANGUAGES:
            obj = row.objects.get(code)
            if obj is None:
                row.states[code] = MISSING
            elif not is_live(obj):
                row.states[code] = DRAFT
            elif code == row.source_language or row.source is None:
                row.states[code] = PUBLISHED
            else:
                if changed is None:
                    changed = source_changed_since_sync(
                        row.source_object, row.source, strings
                    )
                behind = behind_last_sync(obj, row.source)
                row.states[code] = OUT_OF_DATE if changed or behind else PUBLISHED
    return rows


def _rows_for(objects, content_type):
    groups = defaultdict(dict)
    for obj in objects:
        groups[obj.translation_key][obj.locale.language_code] = obj
    sources = {
        s.object_id: s
        for s in TranslationSource.objects.filter(
            object_id__in=list(groups), object__content_type=content_type
        ).select_related("locale")
    }
    return [Row(key, objs, sources.get(key)) for key, objs in groups.items()]


def status_rows():
    """Every translatable page (below the root) and snippet, with states."""
    rows = _rows_for(
        Page.objects.filter(depth__gt=1).select_related("locale").specific(),
        ContentType.objects.get_for_model(Page),
    )
    for model in translatable_snippet_models():
        rows += _rows_for(
            model.objects.select_related("locale"),
            ContentType.objects.get_for_model(model.get_translation_model()),
        )
    return _compute_states(rows)


def counts(rows):
    """{language: {state: count}}"""
    result = {code: dict.fromkeys(STATE_ORDER, 0) for code, _ in settings.LANGUAGES}
    for row in rows:
        for code, state in row.states.items():
            result[code][state] += 1
    return result


def translation_problems(obj):
    """Languages whose translation of ``obj`` is missing or out of date, when
    ``obj`` is in its source language; [] for a translation."""
    model = obj.get_translation_model()
    source = (
        TranslationSource.objects.filter(
            object_id=obj.translation_key,
            object__content_type=ContentType.objects.get_for_model(model),
        )
        .select_related("locale")
        .first()
    )
    own_language = obj.locale.language_code
    if source is not None and source.locale_id != obj.locale_id:
        return []
    existing = {
        t.locale.language_code: t
        for t in model.objects.filter(translation_key=obj.translation_key)
        .exclude(pk=obj.pk)
        .select_related("locale")
    }
    problems = []
    live_source = type(obj).objects.filter(pk=obj.pk).first() if obj.pk else None
    changed = None
    for code, _name in settings.LANGUAGES:
        if code == own_language:
            continue
        if code not in existing:
            problems.append((code, MISSING))
            continue
        if source is None or live_source is None:
            continue
        if changed is None:
            if isinstance(live_source, Page):
                live_source = live_source.specific
            changed = source_changed_since_sync(live_source, source)
        if changed or behind_last_sync(existing[code], source):
            problems.append((code, OUT_OF_DATE))
    return problems
