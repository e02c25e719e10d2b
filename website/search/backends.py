"""Search backends, one per content language.

Wagtail's database backend keeps one index table and one SEARCH_CONFIG per
backend, so two backends with ``finnish`` and ``swedish`` overwrite each
other's rows when both index the same object (wagtail/wagtail#9253). We
avoid the clash by indexing every translatable object only in the backend of
its own locale (see ``website.search.indexing``): the Finnish rows are built
with the ``finnish`` configuration, the Swedish rows with ``swedish``, and a
query on /fi/ or /sv/ goes to its own backend and filters on its own locale.

* PostgreSQL: native full-text search with Snowball ``finnish``/``swedish``.
* SQLite (the embedded demo default): FTS5 has no Finnish or Swedish
  tokenizer, so :class:`StemmingSQLiteSearchBackend` stems index text and
  query terms with the same Snowball algorithms in Python.
* Elasticsearch 8 when ``ELASTICSEARCH_URL`` is set: one index per language
  with the built-in ``finnish`` / ``swedish`` analyzers.
"""

import re

import snowballstemmer
from django.db import connection
from django.db.models import FloatField, Func
from modelsearch.query import PlainText

# Languages as Snowball, PostgreSQL and Elasticsearch name them.
LANGUAGE_NAMES = {"fi": "finnish", "sv": "swedish"}
WORD_RE = re.compile(r"\w+", re.UNICODE)
# FTS5 bm25() weights of the SQLite index's columns: autocomplete, body, title.
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 4.0)


def build_search_backends(elasticsearch_url=""):
    """Return WAGTAILSEARCH_BACKENDS: 'default' serves Finnish (and models
    without a locale), 'sv' serves Swedish."""
    backends = {}
    for alias, language in (("default", "fi"), ("sv", "sv")):
        name = LANGUAGE_NAMES[language]
        if elasticsearch_url:
            backends[alias] = {
                "BACKEND": "modelsearch.backends.elasticsearch8",
                "URLS": [elasticsearch_url],
                "INDEX_PREFIX": f"yhdessa_{language}_",
                "TIMEOUT": 5,
                "AUTO_UPDATE": False,
                # Text fields without an explicit analyzer use the index's
                # default analyzer: make it the language's own.
                "INDEX_SETTINGS": {
                    "settings": {"analysis": {"analyzer": {"default": {"type": name}}}}
                },
            }
        else:
            backends[alias] = {
                "BACKEND": "website.search.backends",
                "SEARCH_CONFIG": name,
                "LANGUAGE": language,
                # Indexing is routed by locale in website.search.indexing.
                "AUTO_UPDATE": False,
            }
    return backends


def stem_text(text, language):
    """Lower-case, tokenise and Snowball-stem text in the given language."""
    stemmer = snowballstemmer.stemmer(LANGUAGE_NAMES[language])
    return " ".join(stemmer.stemWords(WORD_RE.findall((text or "").lower())))


def _sqlite_backend_class():
    from modelsearch.backends.database.sqlite.query import SQLiteFTSIndexEntry
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteIndex,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.utils import get_content_type_pk

    class WeightedBM25(Func):
        """bm25() with column weights: the FTS5 table's columns are
        (autocomplete, body, title)."""

        output_field = FloatField()

        def as_sql(self, compiler, connection, **extra):
            table = SQLiteFTSIndexEntry._meta.db_table
            weights = ", ".join(str(w) for w in SQLITE_COLUMN_WEIGHTS)
            return f"bm25({table}, {weights})", []

    class StemmingSQLiteIndex(SQLiteIndex):
        def add_items(self, model, objs):
            super().add_items(model, objs)
            language = self.backend.language
            entries = self.entries.filter(
                content_type_id=get_content_type_pk(model),
                object_id__in=[str(obj.pk) for obj in objs],
            )
            for entry in entries.only("pk", "title", "body"):
                entry.title = stem_text(entry.title, language)
                entry.body = stem_text(entry.body, language)
                entry.save(update_fields=["title", "body"])

    class StemmingSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
        def build_tsrank(self, vector, query, config=None, boost=1.0):
            # FTS5's bm25() already scores the row against the whole MATCH
            # expression (lower is better); modelsearch's products and means
            # of it over And/Or flip its sign with the number of words. A
            # match in the title counts more, as PostgreSQL's weights do.
            return WeightedBM25() * boost

        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                language = self.queryset_language
                query = PlainText(
                    stem_text(query.query_string, language),
                    operator=query.operator,
                    boost=query.boost,
                )
            return super().build_search_query_content(query, config=config)

    class StemmingSQLiteSearchBackend(SQLiteSearchBackend):
        index_class = StemmingSQLiteIndex
        # bm25(): the best match has the lowest score.
        score_lower_is_better = True

        def __init__(self, params):
            super().__init__(params)
            self.language = params.get("LANGUAGE", "fi")

            language = self.language

            class Compiler(StemmingSQLiteQueryCompiler):
                queryset_language = language

            self.query_compiler_class = Compiler

    return StemmingSQLiteSearchBackend


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up
    """Pick the database backend for the database in use."""
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available

        if fts5_available():
            return _sqlite_backend_class()(params)
    from modelsearch.backends.database import SearchBackend as DatabaseBackend

    return DatabaseBackend(params)
