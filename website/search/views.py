from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from website.associations.models import AssociationMapPage, SearchDocument
from website.plan.models import Measure

from .analysis import build_query
from .indexing import backend_alias_for_language

MAX_QUERY_LENGTH = 200


def search(request):
    """Site search in the active language, with that language's stemming."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    language = get_language()
    locale = Locale.objects.get(language_code=language)
    backend = backend_alias_for_language(language)
    results = []
    search_query = build_query(query, language)
    if search_query is not None:
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=locale)
            .specific()
            .search(search_query, backend=backend)
        )
        measures = (
            Measure.objects.published()
            .filter(locale=locale)
            .search(search_query, backend=backend)
        )
        results = (
            [
                {"title": page.title, "url": page.url, "kind": page._meta.verbose_name}
                for page in pages
                if page.depth > 1
            ]
            + [
                {
                    "title": measure.title,
                    "url": measure.get_url(),
                    "kind": Measure._meta.verbose_name,
                }
                for measure in measures
            ]
            + _association_results(search_query, locale, backend)
        )
    page_obj = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {"query": query, "results": page_obj, "result_count": len(results)},
    )


def _association_results(search_query, locale, backend):
    """Published associations and their activities, in this language."""
    map_page = AssociationMapPage.objects.live().filter(locale=locale).first()
    if map_page is None:
        return []
    base = map_page.get_url()
    documents = SearchDocument.objects.filter(locale=locale).search(
        search_query, backend=backend
    )
    ids = {(d.association_id, d.activity_id): d for d in documents}
    slugs = dict(
        SearchDocument.objects.filter(pk__in=[d.pk for d in ids.values()]).values_list(
            "pk", "association__slug"
        )
    )
    return [
        {
            "title": document.title,
            "url": f"{base}{slugs[document.pk]}/"
            + (f"{document.activity_id}/" if document.activity_id else ""),
            "kind": _("activity") if document.activity_id else _("association"),
        }
        for document in ids.values()
        if document.pk in slugs
    ]
