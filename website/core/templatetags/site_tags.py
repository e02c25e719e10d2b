from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import translation as translation_utils
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.blocks import StreamValue
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this content in every language, for the switcher and hreflang.

    A page links to its own live translation; a measure (a routable sub-page)
    passes ``translations_override``; other views translate their URL. When a
    page's translation is missing the link goes to a notice in that language
    that explains it and links back; ``exists`` is False so hreflang leaves it
    out. A view may pass ``translations_missing`` ({language_code: url}) to
    lead such links to its own notice instead.
    """
    request = context.get("request")
    current = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    page = context.get("page")
    override = context.get("translations_override")
    missing = context.get("translations_missing") or {}
    urls = {}
    if override is not None:
        urls = dict(override)
    elif isinstance(page, Page):
        for translation in (
            page.get_translations(inclusive=True).live().select_related("locale")
        ):
            urls[translation.locale.language_code] = translation.get_url(request)
    elif request is not None:
        for code, _name in settings.LANGUAGES:
            urls[code] = translate_url(request.get_full_path(), code)

    links = []
    for code, name in settings.LANGUAGES:
        url = urls.get(code)
        fallback = missing.get(code, f"/{code}/")
        if not url and isinstance(page, Page) and override is None:
            # Explain in that language that the page is not translated.
            with translation_utils.override(code):
                fallback = f"{reverse('untranslated_notice')}?page={page.pk}"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url or fallback,
                "exists": bool(url),
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def absolute(context, url):
    request = context.get("request")
    if request is None or url.startswith("http"):
        return url
    return request.build_absolute_uri(url)


@register.inclusion_tag("includes/status.html")
def measure_status(status, label, symbol):
    return {"status": status, "label": label, "symbol": symbol}


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """Live pages marked "show in menus" directly under this language's home
    page that are standard or statutory pages (accessibility statement,
    privacy notices, cookies)."""
    from website.home.models import StandardPage
    from website.statutory.models import (
        AccessibilityStatementPage,
        CookiePage,
        PrivacyNoticeIndexPage,
    )

    language = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return list(
        Page.objects.live()
        .type(
            StandardPage, AccessibilityStatementPage, PrivacyNoticeIndexPage, CookiePage
        )
        .filter(locale__language_code=language, show_in_menus=True, depth=3)
        .order_by("path")
        .only("id", "title", "url_path", "path", "depth", "locale_id")
    )


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu of this language (website.core.navigation)."""
    from website.core.navigation import main_menu as build

    language = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return build(context.get("request"), language)


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    return absolute(context, static(path))


@register.simple_tag(takes_context=True)
def share_description(context):
    """A page's description for link previews: its search description, else
    the start of its introduction or summary (or of its hero block's text)."""
    page = context.get("page")
    text = next(
        (
            getattr(page, name, "")
            for name in ("search_description", "introduction", "summary")
            if getattr(page, name, "")
        ),
        "",
    )
    if not text and page is not None:  # a composed page: its hero's text
        body = getattr(page, "body", None)
        for block in body if isinstance(body, StreamValue) else []:
            if block.block_type == "hero":
                text = block.value["text"]
                break
    return Truncator(strip_tags(str(text or "")).strip()).words(40)
