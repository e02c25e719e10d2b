"""The main menu: live pages marked "show in menus" directly under the
current language's home page (statutory standard pages stay in the footer),
each with its own "show in menus" children.

Built in three queries (the home page of the language, the top pages, their
children) and kept in the default cache per site and language under a menu
generation that publishing, unpublishing, moving or deleting a page bumps
(`connect`); other content changes (a measure, feedback) keep it.
"""

from django.core.cache import caches
from wagtail.models import Page, Site

CACHE_SECONDS = 24 * 3600
GENERATION_KEY = "main-menu-generation"


def invalidate(**kwargs):
    cache = caches["default"]
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate()


def connect():
    from django.db.models.signals import post_delete
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"main-menu-{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="main-menu-page-deleted")


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
    cache = caches["default"]
    generation = cache.get(GENERATION_KEY, 0)
    key = f"main-menu:{generation}:{site.pk}:{language}"
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
