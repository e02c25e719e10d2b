"""Routes of routable pages (RoutablePageMixin) across languages: the URL
of one route in the page's every live translation, for the language
switcher (`translations_override` of site_tags.language_links)."""


def route_url(page, name, args=(), kwargs=None, request=None):
    """The URL of the route `name` of `page`."""
    return page.get_url(request) + page.reverse_subpage(
        name, args=args, kwargs=kwargs
    )


def route_translations(page, name, args=(), kwargs=None, request=None):
    """{language code: URL of the same route in that language's page}, in
    one query (a translation is a page of the same type, with the same
    routes)."""
    route = page.reverse_subpage(name, args=args, kwargs=kwargs)
    return {
        translation.locale.language_code: translation.get_url(request) + route
        for translation in page.get_translations(inclusive=True)
        .live()
        .select_related("locale")
    }
