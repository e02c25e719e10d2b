"""Locale-routed search indexing.

Every backend runs with AUTO_UPDATE off; these handlers index a saved object
only in the backend of its own language (``SEARCH_BACKEND_FOR_LANGUAGE``), and
objects without a locale (images, documents, users) in ``default``.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django_tasks import task
from modelsearch import index
from modelsearch.backends import get_search_backend

from . import vocabulary
from .text import searchable_text

logger = logging.getLogger(__name__)


def backend_alias_for_language(language_code):
    return settings.SEARCH_BACKEND_FOR_LANGUAGE.get(language_code, "default")


def backend_for_language(language_code):
    return get_search_backend(backend_alias_for_language(language_code))


def backend_alias_for(instance):
    locale = getattr(instance, "locale", None)
    if locale is None:
        return "default"
    return backend_alias_for_language(locale.language_code)


def all_backend_aliases():
    return list(settings.WAGTAILSEARCH_BACKENDS)


def add_to_vocabulary(objects):
    """Remember the words of localised objects for "did you mean"."""
    texts = {}
    for obj in objects:
        locale = getattr(obj, "locale", None)
        if locale is not None:
            texts.setdefault(locale.language_code, []).append(searchable_text(obj))
    for language, language_texts in texts.items():
        vocabulary.add_text(language, " ".join(language_texts))


def index_object(instance):
    indexed = index.get_indexed_instance(instance)
    if indexed is None:
        return
    alias = backend_alias_for(indexed)
    backend = get_search_backend(alias)
    try:
        backend.add(indexed)
    except Exception:
        logger.exception("Could not index %r in %s", indexed, alias)
        if not backend.catch_indexing_errors:
            raise
    add_to_vocabulary([indexed])


def remove_object(instance):
    indexed = index.get_indexed_instance(instance, check_exists=False)
    if indexed is None:
        return
    for alias in all_backend_aliases():
        backend = get_search_backend(alias)
        try:
            backend.delete(indexed)
        except Exception:
            logger.exception("Could not remove %r from %s", indexed, alias)
            if not backend.catch_indexing_errors:
                raise


@task()
def index_object_task(app_label, model_name, pk):
    model = apps.get_model(app_label, model_name)
    instance = model._default_manager.filter(pk=pk).first()
    if instance is not None:
        index_object(instance)


def _on_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    index_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )


def _on_delete(sender, instance, **kwargs):
    remove_object(instance)


def connect_signals():
    for model in index.get_indexed_models():
        post_save.connect(_on_save, sender=model, dispatch_uid=f"locidx-{model}")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"locidx-d-{model}")


def rebuild(write=lambda message: None, chunk_size=500):
    """Rebuild every backend, each with only its own language's objects."""
    from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend

    backends = {alias: get_search_backend(alias) for alias in all_backend_aliases()}
    vocabulary.clear()
    shared_table_reset = False
    counts = {alias: 0 for alias in backends}
    for alias, backend in backends.items():
        is_elastic = isinstance(backend, ElasticsearchBaseSearchBackend)
        if not is_elastic and not shared_table_reset:
            # The database backends share one table: clear it once.
            backend.reset_indexes()
            shared_table_reset = True
        models = index.get_indexed_models()
        groups = {}
        for model in models:
            idx = backend.get_index_for_model(model)
            groups.setdefault(idx.get_key(), (idx, []))[1].append(model)
        for idx, group_models in groups.values():
            rebuilder = backend.rebuilder_class(idx) if is_elastic else None
            if rebuilder:
                idx = rebuilder.start()
            for model in group_models:
                idx.add_model(model)
                objects = model.get_indexed_objects().order_by("pk")
                if any(f.name == "locale" for f in model._meta.get_fields()):
                    languages = [
                        code
                        for code, _name in settings.LANGUAGES
                        if backend_alias_for_language(code) == alias
                    ]
                    objects = objects.filter(
                        locale__language_code__in=languages
                    ).select_related("locale")
                elif alias != "default":
                    continue
                chunk = []
                for obj in objects.iterator(chunk_size=chunk_size):
                    chunk.append(obj)
                    if len(chunk) >= chunk_size:
                        idx.add_items(model, chunk)
                        add_to_vocabulary(chunk)
                        counts[alias] += len(chunk)
                        chunk = []
                if chunk:
                    idx.add_items(model, chunk)
                    add_to_vocabulary(chunk)
                    counts[alias] += len(chunk)
            if rebuilder:
                rebuilder.finish()
        write(f"{alias}: indexed {counts[alias]} objects")
    return counts
