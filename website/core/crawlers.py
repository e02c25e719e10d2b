"""What crawlers and link previews read: `/sitemap.xml` (every public page
in both languages with its `hreflang` alternates), `/robots.txt` and
`/favicon.ico`. The Open Graph and canonical tags are in templates/base.html.
"""

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.models import Locale, Page


class PageSitemap(Sitemap):
    """Wagtail's page sitemap over the site's home page *and its
    translations* (each language is its own tree), each URL with its live
    translations as alternates: a bounded number of queries (the pages, their
    translations, the site roots), whatever the number of pages."""

    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for home in homes.only("path", "depth"):
            pages |= Page.objects.descendant_of(home, inclusive=True)
        return (
            pages.live()
            .public()
            .select_related("locale")
            .order_by("locale__language_code", "path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        object_list = list(self.paginator.page(page).object_list)
        translations = {}
        for translation_ in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={p.translation_key for p in object_list})
            .select_related("locale")
            .order_by("locale__language_code")
        ):
            translations.setdefault(translation_.translation_key, []).append(
                {
                    "lang_code": translation_.locale.language_code,
                    "location": translation_.get_full_url(self.request),
                }
            )
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        urls = []
        routes = {}  # (page translation key, route key) -> [url info]
        for item in object_list:
            alternates = translations.get(item.translation_key, [])
            for url_info in item.get_sitemap_urls(self.request):
                if len(alternates) > 1:
                    url_info["alternates"] = alternates
                urls.append(url_info)
            for route_key, path in _routes(item):
                url_info = {
                    "item": item,
                    "location": _origin(item, self.request) + path,
                    "lastmod": item.last_published_at,
                    "lang_code": codes[item.locale_id],
                }
                routes.setdefault((item.translation_key, route_key), []).append(
                    url_info
                )
                urls.append(url_info)
        for infos in routes.values():
            if len(infos) > 1:
                alternates = [
                    {"lang_code": info["lang_code"], "location": info["location"]}
                    for info in infos
                ]
                for info in infos:
                    info["alternates"] = alternates
        return urls


def _origin(page, request):
    return page.get_full_url(request)[: -len(page.get_url(request))]


def _routes(page):
    """A page's public sub-pages (routes): [(key the same in every language,
    path)]: the plan's measures, the report's municipality cards, the
    map's associations. One query per such page."""
    from website.associations.models import Association, AssociationMapPage
    from website.indicators.models import Area
    from website.plan.models import Measure, PlanPage
    from website.report.models import ReportPage

    if isinstance(page, PlanPage):
        for measure in Measure.objects.published().filter(locale=page.locale_id):
            yield measure.translation_key, measure.get_url(plan=page)
    elif isinstance(page, ReportPage):
        for area in Area.objects.filter(kind=Area.Kind.MUNICIPALITY):
            yield area.slug, page.municipality_url(area)
    elif isinstance(page, AssociationMapPage):
        for association in Association.objects.published():
            yield association.slug, page.association_url(association)


class ViewSitemap(DjangoSitemap):
    """Public pages that are views, not pages, in every language."""

    i18n = True
    alternates = True
    url_names = ["api_docs"]

    def items(self):
        return self.url_names

    def location(self, item):
        return reverse(item)


@require_safe
def sitemap(request):
    sections = {"pages": PageSitemap(request)}
    if ViewSitemap.url_names:
        sections["views"] = ViewSitemap()
    return sitemap_views.sitemap(request, sections)


# Personal links and signed-in pages: (URL name, arguments, what to keep
# out); the path up to the argument, or the section, in every language.
PRIVATE_URLS = [
    ("account_login", [], "section"),  # /fi/tilit/kirjaudu/ -> /fi/tilit/
    ("association_selfservice:dashboard", [], "path"),
    ("workshops:signup", ["TOKEN"], "path"),
    ("workshops:cancel", ["TOKEN"], "path"),
    ("panels:confirm", ["TOKEN"], "path"),
    ("panels:answer", ["TOKEN"], "path"),
    ("panels:self_service", ["TOKEN"], "path"),
]


def _private_prefixes():
    for url_name, args, keep_out in PRIVATE_URLS:
        for code in ("fi", "sv"):
            with translation.override(code):
                url = reverse(url_name, args=args)
            if args:
                yield url.rsplit(args[0], 1)[0]
            elif keep_out == "section":
                yield url.rstrip("/").rsplit("/", 1)[0] + "/"
            else:
                yield url


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """Crawl everything public; not the admin, accounts or personal links."""
    disallowed = ["/admin/", "/documents/", "/captcha/", *_private_prefixes()]
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in dict.fromkeys(disallowed)]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request):
    path = finders.find("icons/favicon.ico")
    if path is None:
        raise Http404
    return FileResponse(open(path, "rb"), content_type="image/x-icon")  # noqa: SIM115
