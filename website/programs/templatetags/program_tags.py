"""`{% program_url "program" card.program_id %}`: a route of the program page
(models.ProgramIndexPage) of the active language, from any template (the
report's program overview block too). The page is looked up once a request."""

from django import template

from website.core.i18n import active_language
from website.core.routes import route_url

from ..models import index_page

register = template.Library()


@register.simple_tag(takes_context=True)
def program_url(context, name, *args):
    request = context.get("request")
    language = active_language()
    cache = getattr(request, "_program_pages", None) if request else None
    if cache is None:
        cache = {}
        if request is not None:
            request._program_pages = cache
    if language not in cache:
        cache[language] = index_page(language)
    page = cache[language]
    if page is None:
        return ""
    return route_url(page, name, args=args, request=request)
