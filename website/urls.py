from allauth import urls as allauth_urls
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from website.api import docs as api_docs
from website.core import crawlers
from website.core import views as core_views
from website.core.page_cache import personal_page
from website.search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("captcha/", include("captcha.urls")),
    # Browsers' CSP violation reports (no language: nobody reads the page).
    path("csp-report/", core_views.csp_report, name="csp_report"),
    # The open read API, language by ?lang= or Accept-Language (docs/api.md).
    path("api/v1/", include("website.api.urls")),
    # Crawlers and browsers: both languages in one sitemap (hreflang).
    path("sitemap.xml", crawlers.sitemap, name="sitemap"),
    path("robots.txt", crawlers.robots_txt, name="robots_txt"),
    path("favicon.ico", crawlers.favicon, name="favicon"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# /fi/… and /sv/…: Finnish and Swedish on equal terms, no unprefixed default.
urlpatterns += i18n_patterns(
    path(_("search/"), search_views.search, name="search"),
    path(
        _("not-translated/"),
        core_views.untranslated_notice,
        name="untranslated_notice",
    ),
    # Account pages carry personal data and one-time keys: never cached.
    path(
        _("accounts/"),
        include(decorate_urlpatterns(allauth_urls.urlpatterns, personal_page)),
    ),
    path(_("open-data/"), api_docs.docs, name="api_docs"),
    path(_("my-associations/"), include("website.associations.urls")),
    path(_("workshops/"), include("participation.workshops.urls")),
    path(_("panels/"), include("participation.panels.urls")),
    path(_("feedback/"), include("feedback.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Error pages in the request's language and the site's layout (the 500 page
# without database queries): website.core.views.render_error.
handler400 = "website.core.views.bad_request"
handler403 = "website.core.views.permission_denied"
handler404 = "website.core.views.page_not_found"
handler500 = "website.core.views.server_error"
