from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale, Site

from . import results as search_results

MAX_QUERY_LENGTH = 200
PER_PAGE = 20


def search(request):
    """Site search in the active language, with that language's analysis,
    typo tolerance and, when nothing is found, the main sections."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    language = get_language()
    locale = Locale.objects.get(language_code=language)
    results, searched = search_results.find(query, language, locale)
    page_obj = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    search_results.describe(page_obj.object_list, searched, language)
    sections = []
    if query and not results:
        sections = search_results.main_sections(Site.find_for_request(request), locale)
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "searched": searched,
            "results": page_obj,
            "result_count": len(results),
            "sections": sections,
        },
    )
