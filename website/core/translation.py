"""Create translations through wagtail-localize from known target texts.

Used by the demo loader: the Swedish texts are written by us, and they go in
as wagtail-localize string translations, so staff later edit and re-sync the
Swedish side in wagtail-localize's editor like any other translation.
"""

import polib
from django.db import transaction
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class TranslationMismatch(ValueError):
    pass


def _string_segments(instance):
    return [s for s in extract_segments(instance) if isinstance(s, StringSegmentValue)]


def make_shadow(source, apply_values):
    """An unsaved copy of ``source`` (with its child objects) on which
    ``apply_values(copy)`` sets the target-language texts."""
    shadow = type(source).from_serializable_data(source.serializable_data())
    apply_values(shadow)
    return shadow


@transaction.atomic
def translate(source, target_locale, apply_values, user=None, publish=True):
    """Create or update ``source``'s translation into ``target_locale``.

    The source's string segments and the shadow's are paired in order, so
    the target texts must keep the source's structure (same paragraphs and
    list items in rich text, same child objects)."""
    shadow = make_shadow(source, apply_values)
    source_segments = _string_segments(source)
    target_segments = _string_segments(shadow)
    if len(source_segments) != len(target_segments):
        raise TranslationMismatch(
            f"{source!r}: {len(source_segments)} source segments but "
            f"{len(target_segments)} target segments"
        )
    po = polib.POFile(wrapwidth=200)
    for src, dst in zip(source_segments, target_segments, strict=True):
        if src.path != dst.path:
            raise TranslationMismatch(f"{source!r}: {src.path} != {dst.path}")
        po.append(
            polib.POEntry(
                msgctxt=src.path, msgid=src.string.data, msgstr=dst.string.data
            )
        )
    translation_source, _created = TranslationSource.update_or_create_from_instance(
        source
    )
    translation, _created = Translation.objects.get_or_create(
        source=translation_source, target_locale=target_locale
    )
    translation.import_po(po, user=user, tool_name="demo")
    # save_target(publish=True) publishes on commit from a cached instance,
    # which loses tree changes made later in the same transaction and never
    # runs inside a test transaction: save a draft and publish it here.
    translation.save_target(user=user, publish=False)
    target = source.get_translation(target_locale)
    if publish:
        target = type(target).objects.get(pk=target.pk)
        target.get_latest_revision().publish(user=user)
        target.refresh_from_db()
    return target
