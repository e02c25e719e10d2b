"""Keep the association search entries (SearchDocument) in step with the
registry: one entry per language for each published association and each of
its activities; none for unpublished ones."""

import threading
from contextlib import contextmanager

from django.db import transaction
from wagtail.models import Locale

from .models import Association, SearchDocument


def _texts(obj, field, language):
    own = getattr(obj, f"{field}_{language}", "")
    return own or getattr(obj, f"{field}_fi", "")


def documents_for(association, locales):
    documents = []
    activities = list(association.activities.all())
    for locale in locales:
        language = locale.language_code
        body = " ".join(
            filter(
                None,
                [
                    _texts(association, "description", language),
                    association.city,
                    " ".join(_texts(a, "name", language) for a in activities),
                ],
            )
        )
        documents.append(
            SearchDocument(
                association=association,
                locale=locale,
                title=_texts(association, "name", language)[:255],
                body=body,
            )
        )
        for activity in activities:
            documents.append(
                SearchDocument(
                    association=association,
                    activity=activity,
                    locale=locale,
                    title=_texts(activity, "name", language)[:255],
                    body=" ".join(
                        filter(
                            None,
                            [
                                _texts(activity, "description", language),
                                _texts(association, "name", language),
                                activity.place,
                            ],
                        )
                    ),
                )
            )
    return documents


@transaction.atomic
def sync(association_ids, index=True):
    """Rebuild the entries of these associations. With index=False the rows
    are written in bulk without indexing (the caller rebuilds the index)."""
    locales = list(Locale.objects.filter(language_code__in=["fi", "sv"]))
    old = SearchDocument.objects.filter(association_id__in=association_ids)
    if index:
        for document in old:
            document.delete()  # post_delete removes it from the index
    else:
        old.delete()
    for association in (
        Association.objects.published()
        .filter(pk__in=association_ids)
        .prefetch_related("activities")
    ):
        documents = documents_for(association, locales)
        if index:
            for document in documents:
                document.save()  # post_save indexes it in its language
        else:
            SearchDocument.objects.bulk_create(documents)


_state = threading.local()


@contextmanager
def deferred():
    """Bulk loaders (demo, importer): no entry updates per save; call
    sync(..., index=False) and rebuild the index afterwards."""
    _state.deferred = True
    try:
        yield
    finally:
        _state.deferred = False


def on_change(sender, instance, **kwargs):
    if getattr(_state, "deferred", False) or kwargs.get("raw"):
        return
    association_id = (
        instance.pk if isinstance(instance, Association) else instance.association_id
    )
    if Association.objects.filter(pk=association_id).exists():
        sync([association_id])
