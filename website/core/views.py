from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Page


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
    return render(request, "404.html", status=404)


def csrf_failure(request, reason=""):
    """A refused post (CSRF check failed) explained in the page's language and
    layout; nothing was stored (settings.CSRF_FAILURE_VIEW)."""
    return render(request, "403_csrf.html", status=403)
