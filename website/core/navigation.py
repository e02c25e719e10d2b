"""The main menu: live pages marked "show in menus" directly under the
current language's home page (statutory standard pages stay in the footer),
each with its own "show in menus" children.

Built in three queries (the home page of the language, the top pages, their
children) and kept in the "pages" cache per site and language: that cache's
keys carry the page cache generation, so publishing, moving or unpublishing
a page (which bumps it) rebuilds the menu too.
"""

from django.conf import settings
from django.core.cache import caches
from wagtail.models import Page, Site

CACHE_SECONDS = 24 * 3600


def _build(site, language, request):
    from website.home.models import StandardPage

    home = (
        Page.objects.filter(
            translation_key=site.root_page.translation_key,
            locale__language_code=language,
        )
        .live()
        .first()
    )
    if home is None:
        return []
    top = list(
        home.get_children()
        .live()
        .public()
        .filter(show_in_menus=True)
        .not_type(StandardPage)
        .order_by("path")
    )
    children = {}
    if top:
        for child in (
            Page.objects.live()
            .public()
            .filter(
                show_in_menus=True,
                depth=home.depth + 2,
                path__startswith=home.path,
            )
            .order_by("path")
        ):
            children.setdefault(child.path[: -Page.steplen], []).append(child)
    return [
        {
            "title": page.title,
            "url": page.get_url(request),
            "children": [
                {"title": child.title, "url": child.get_url(request)}
                for child in children.get(page.path, [])
            ],
        }
        for page in top
    ]


def _mark(entry, path):
    url = entry["url"] or ""
    if url == path:
        return "page"
    if url and path.startswith(url):
        return "true"
    return ""


def main_menu(request, language):
    """[{title, url, current, children: [{title, url, current}]}]; `current`
    is "page" for the page itself, "true" for its section, else ""."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    cache = caches[settings.CACHE_MIDDLEWARE_ALIAS]
    key = f"main-menu:{site.pk}:{language}"
    items = cache.get(key)
    if items is None:
        items = _build(site, language, request)
        cache.set(key, items, CACHE_SECONDS)
    path = request.path
    return [
        {
            **item,
            "current": _mark(item, path),
            "children": [
                {**child, "current": _mark(child, path)} for child in item["children"]
            ],
        }
        for item in items
    ]
