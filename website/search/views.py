from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale, Page

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
        results = [
            {"title": page.title, "url": page.url, "kind": page._meta.verbose_name}
            for page in pages
            if page.depth > 1
        ] + [
            {
                "title": measure.title,
                "url": measure.get_url(),
                "kind": Measure._meta.verbose_name,
            }
            for measure in measures
        ]
    page_obj = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {"query": query, "results": page_obj, "result_count": len(results)},
    )
