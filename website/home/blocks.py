"""The blocks editors compose the home page from (issue 19): a hero, entry
points to the services, upcoming workshops, the latest plan and report news,
the feedback call to action and the panel invitation.

Chosen pages are shown in the page's own language: a Swedish home page that
wagtail-localize copied with Finnish choices still links to the Swedish
pages (`localized_pages`, one query per block).
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        form_classname="title",
        icon="title",
        label=_("heading"),
        template="blocks/heading.html",
    )
    paragraph = blocks.RichTextBlock(
        icon="pilcrow", label=_("paragraph"), template="blocks/paragraph.html"
    )


def localized_pages(pages):
    """The live, public translations of `pages` in the active language (the
    page itself when it has none), in the given order: one query."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    language = translation.get_language()
    found = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__language_code=language,
        )
    }
    result = []
    for page in pages:
        page = found.get(page.translation_key, page)
        if page.live and page not in result:
            result.append(page)
    return result


def localized_url(url):
    """An internal link typed in one language (/fi/…), in the active one."""
    language = translation.get_language()
    if not url or not url.startswith("/"):
        return url
    prefix = url.split("/")[1]
    if prefix not in dict(settings.LANGUAGES):
        return url
    with translation.override(prefix):  # its URL resolves in its own language
        return translate_url(url, language)


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.RichTextBlock(
        label=_("text"), features=["bold", "italic", "link"], required=False
    )
    image = ImageChooserBlock(label=_("image"), required=False)
    link_page = blocks.PageChooserBlock(label=_("call to action page"), required=False)
    link_text = blocks.CharBlock(
        label=_("call to action text"), max_length=80, required=False
    )

    class Meta:
        icon = "pick"
        label = _("hero")
        template = "home/blocks/hero.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        pages = localized_pages([value["link_page"]])
        context["link_page"] = pages[0] if pages else None
        return context


class ServiceCardBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"))
    text = blocks.TextBlock(label=_("short description"), required=False)


class ServicesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    cards = blocks.ListBlock(ServiceCardBlock(), label=_("services"))

    class Meta:
        icon = "list-ul"
        label = _("services")
        template = "home/blocks/services.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        cards = list(value["cards"])
        pages = {
            page.translation_key: page
            for page in localized_pages([card["page"] for card in cards])
        }
        context["cards"] = [
            {"page": pages[card["page"].translation_key], "text": card["text"]}
            for card in cards
            if card["page"] is not None and card["page"].translation_key in pages
        ]
        return context


class UpcomingWorkshopsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    count = blocks.IntegerBlock(
        label=_("number of workshops"), default=3, min_value=1, max_value=12
    )
    all_page = blocks.PageChooserBlock(label=_("page of all workshops"), required=False)

    class Meta:
        icon = "date"
        label = _("upcoming workshops")
        template = "home/blocks/upcoming_workshops.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        pages = localized_pages([value["all_page"]])
        context["all_page"] = pages[0] if pages else None
        return context


class LatestNewsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    parents = blocks.ListBlock(
        blocks.PageChooserBlock(),
        label=_("latest pages under"),
        help_text=_("The newest live pages under these pages are shown."),
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(),
        label=_("or these pages"),
        help_text=_("Chosen pages are shown instead of the newest ones."),
        required=False,
    )
    count = blocks.IntegerBlock(
        label=_("number of pages"), default=4, min_value=1, max_value=12
    )

    class Meta:
        icon = "doc-full"
        label = _("latest news")
        template = "home/blocks/latest_news.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["news"] = self.latest(value)
        return context

    @staticmethod
    def latest(value):
        chosen = localized_pages(list(value["pages"]))
        if chosen:
            return chosen[: value["count"]]
        parents = localized_pages(list(value["parents"]))
        if not parents:
            return []
        pages = Page.objects.none()
        for parent in parents:
            pages |= Page.objects.descendant_of(parent)
        return list(
            pages.live()
            .public()
            .order_by("-first_published_at", "path")
            .defer_streamfields()[: value["count"]]
        )


class CallToActionBlock(blocks.StructBlock):
    """A heading, a text and one link: to a page, or to an address on this
    site (shown in the reader's language) or elsewhere."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    text = blocks.RichTextBlock(
        label=_("text"), features=["bold", "italic", "link"], required=False
    )
    link_page = blocks.PageChooserBlock(label=_("link to a page"), required=False)
    link_url = blocks.CharBlock(
        label=_("or a link address"),
        max_length=255,
        required=False,
        help_text=_("A path on this site (/fi/…) is shown in the reader's language."),
    )
    link_text = blocks.CharBlock(label=_("link text"), max_length=80)

    class Meta:
        icon = "link"
        template = "home/blocks/call_to_action.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        pages = localized_pages([value["link_page"]])
        context["href"] = (
            pages[0].url if pages else localized_url(value["link_url"]) or ""
        )
        return context


class HomeBlock(BodyBlock):
    hero = HeroBlock()
    services = ServicesBlock()
    upcoming_workshops = UpcomingWorkshopsBlock()
    latest_news = LatestNewsBlock()
    feedback = CallToActionBlock(label=_("feedback call to action"), icon="comment")
    panel_invitation = CallToActionBlock(label=_("panel invitation"), icon="group")
