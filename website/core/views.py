import json
import logging
from urllib.parse import urlsplit

from allauth.core import ratelimit
from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

csp_logger = logging.getLogger("website.csp")


def untranslated_notice(request):
    """Explain, in the reader's language, that a page exists only in the
    other language, and link to it (the switcher leads here instead of to a
    404 or a silent language change)."""
    try:
        page_id = int(request.GET.get("page", ""))
    except ValueError:
        raise Http404 from None
    source = (
        Page.objects.live().public().select_related("locale").filter(pk=page_id).first()
    )
    if source is None:
        raise Http404
    language = get_language()
    translation = (
        source.get_translations().live().filter(locale__language_code=language).first()
    )
    names = dict(settings.LANGUAGES)
    return render(
        request,
        "core/untranslated_notice.html",
        {
            "source": source.specific,
            "source_language": source.locale.language_code,
            "source_language_name": names.get(source.locale.language_code, ""),
            "translation": translation,
            "translations_override": {source.locale.language_code: source.url},
        },
    )


def _find_in_other_language(request, language, components):
    """The live page at these path components in another language's tree."""
    from website.home.models import HomePage

    for code, _name in settings.LANGUAGES:
        if code == language:
            continue
        home = HomePage.objects.live().filter(locale__language_code=code).first()
        if home is None:
            continue
        try:
            result = home.route(request, components)
        except Http404:
            continue
        page = result[0] if isinstance(result, tuple) else result.page
        if page.live:
            return page
    return None


def page_not_found(request, exception=None):
    """404 handler. A /sv/ URL whose path exists in the Finnish tree (someone
    swapped the language prefix) leads to the Swedish translation, or to the
    notice that the page exists only in Finnish; and vice versa."""
    from django.shortcuts import redirect

    language = get_language()
    prefix = f"/{language}/"
    if request.path.startswith(prefix):
        components = [c for c in request.path[len(prefix) :].split("/") if c]
        page = _find_in_other_language(request, language, components)
        if page is not None:
            translation = (
                page.get_translations()
                .live()
                .filter(locale__language_code=language)
                .first()
            )
            if translation is not None:
                return redirect(translation.url)
            names = dict(settings.LANGUAGES)
            return render(
                request,
                "core/untranslated_notice.html",
                {
                    "source": page.specific,
                    "source_language": page.locale.language_code,
                    "source_language_name": names.get(page.locale.language_code),
                    "translations_override": {page.locale.language_code: page.url},
                },
                status=404,
            )
    return render_error(request, "404.html", 404)


def error_language(request):
    """fi or sv for an error page: the URL's prefix, else the browser's
    Accept-Language, else Finnish (the default language)."""
    return translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request, check_path=False)


def render_error(request, template, status, *, database=True):
    """An error page in the request's language and in the site's layout.

    Rendered without context processors, so that nothing on the way reads the
    session, the user or Wagtail's site settings: the 500 page (database=False)
    makes no query at all, so it still renders when PostgreSQL is down. The
    other pages list the footer's pages if the database answers. The language
    links lead to the home pages: the failed URL has no translation.
    """
    from .templatetags.site_tags import footer_pages

    language = error_language(request)
    with translation.override(language):
        context = {
            "request": request,
            "error_page": True,
            "hide_feedback_widget": True,
            "footer_links": [],
            "translations_override": {
                code: f"/{code}/" for code, _name in settings.LANGUAGES
            },
        }
        if database:
            try:
                context["footer_links"] = footer_pages({"LANGUAGE_CODE": language})
            except DatabaseError:
                pass
        content = loader.render_to_string(template, context)
    response = HttpResponse(content, status=status)
    response.headers["Content-Language"] = language
    return response


def bad_request(request, exception=None):
    return render_error(request, "400.html", 400)


def permission_denied(request, exception=None):
    return render_error(request, "403.html", 403)


def server_error(request):
    return render_error(request, "500.html", 500, database=False)


def csrf_failure(request, reason=""):
    """A refused post (CSRF check failed) explained in the page's language and
    layout; nothing was stored (settings.CSRF_FAILURE_VIEW)."""
    return render_error(request, "403_csrf.html", 403)


def _origin(url):
    """scheme://host of a reported URL, or the keyword ('inline', 'eval')."""
    parts = urlsplit(str(url or ""))
    if parts.netloc:
        return f"{parts.scheme}://{parts.hostname or ''}"
    return (parts.scheme or parts.path)[:20]


def _page(url):
    """Which page reported: its path for public pages of the page tree, only
    the view's name for everything else (personal links carry tokens)."""
    path = urlsplit(str(url or "")).path
    try:
        match = resolve(path)
    except Resolver404:
        return "?"
    return path if match.url_name == "wagtail_serve" else match.view_name


@csrf_exempt  # Browsers send reports without cookies or tokens; see below.
@require_POST
def csp_report(request):
    """Content-Security-Policy violation reports (report-to and report-uri).

    CSRF-exempt by design: a report changes nothing but one log line, so a
    forged one can at most add noise, which the size limit and the per-client
    rate limit bound. Logged without personal data: the directive, the
    blocked origin and the reporting page (path of a public page, else only
    the view's name), never query strings, IPs or sample code.
    """
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > settings.CSP_REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    if not ratelimit.consume(request, action="csp_report"):
        return HttpResponse(status=429)
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return HttpResponse(status=400)
    if isinstance(payload, dict) and isinstance(payload.get("csp-report"), dict):
        reports = [payload["csp-report"]]  # report-uri
    elif isinstance(payload, list):  # report-to: a list of reports
        reports = [
            item.get("body")
            for item in payload[:20]
            if isinstance(item, dict) and item.get("type") == "csp-violation"
        ]
    else:
        return HttpResponse(status=400)
    for report in reports:
        if not isinstance(report, dict):
            continue
        csp_logger.warning(
            "CSP violation: %s blocked %s on %s",
            str(
                report.get("effectiveDirective")
                or report.get("effective-directive")
                or report.get("violated-directive")
                or "?"
            )[:60],
            _origin(report.get("blockedURL") or report.get("blocked-uri")),
            _page(report.get("documentURL") or report.get("document-uri")),
        )
    return HttpResponse(status=204)
