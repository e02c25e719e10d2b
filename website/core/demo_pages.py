"""Statutory pages of the demo site, fi and sv: the accessibility statement
(Act on the Provision of Digital Services 306/2019), the privacy notices
(one per register of website/core/privacy.py) and the cookie page. They
are website.statutory's page types, shown in the footer (show_in_menus)."""

import datetime

from django.utils import timezone, translation

from website.core import privacy
from website.core.demo import demo_key
from website.core.translation import translate
from website.home.models import StandardPage
from website.statutory.checks import CHECKS
from website.statutory.models import (
    AccessibilityCheck,
    AccessibilityStatementPage,
    CookiePage,
    PrivacyNoticeIndexPage,
    PrivacyNoticePage,
)

# The hand-written StandardPages these types replace (earlier demos).
OLD_KEYS = ("accessibility-statement", "privacy-notice")

PROBLEMS = {
    "fi": [
        {
            "content": "Yhdistyskartan karttanäkymä",
            "problem": "Karttaa ei voi käyttää kaikilta osin näppäimistöllä "
            "eikä ruudunlukijalla.",
            "criteria": "2.1.1, 1.1.1",
            "workaround": "Samat yhdistykset ja suodattimet ovat kartan alla "
            "luettelona, joka toimii näppäimistöllä ja ruudunlukijalla.",
        },
        {
            "content": "Lomakkeiden varmistuskuva",
            "problem": "Varmistuskuvan ääniversio on vain englanniksi.",
            "criteria": "1.1.1, 3.1.2",
            "workaround": "Varmistuskuva näytetään vain, jos samasta "
            "yhteydestä lähetetään lyhyessä ajassa paljon lomakkeita.",
        },
    ],
    "sv": [
        {
            "content": "Kartvyn på föreningskartan",
            "problem": "Kartan kan inte i alla delar användas med tangentbord "
            "eller skärmläsare.",
            "criteria": "2.1.1, 1.1.1",
            "workaround": "Samma föreningar och filter finns under kartan som "
            "en lista som fungerar med tangentbord och skärmläsare.",
        },
        {
            "content": "Formulärens verifieringsbild",
            "problem": "Ljudversionen av verifieringsbilden finns bara på engelska.",
            "criteria": "1.1.1, 3.1.2",
            "workaround": "Bilden visas bara om många formulär skickas från "
            "samma anslutning inom kort tid.",
        },
    ],
}

STATEMENT = {
    "fi": {
        "title": "Saavutettavuusseloste",
        "slug": "saavutettavuusseloste",
        "introduction": "<p>Tämä saavutettavuusseloste koskee Keski-Uudenmaan "
        "hyvinvointialueen hyvinvoinnin ja terveyden edistämisen "
        "verkkosivustoa.</p>",
        "assessment": "<p>Seloste perustuu itsearvioon: sivut on käyty läpi "
        "näppäimistöllä ja ruudunlukijalla (NVDA ja VoiceOver) suomeksi ja "
        "ruotsiksi.</p>",
        "authority_name": "Etelä-Suomen aluehallintovirasto, "
        "saavutettavuuden valvonnan yksikkö",
        "authority_url": "https://www.saavutettavuusvaatimukset.fi",
    },
    "sv": {
        "title": "Tillgänglighetsutlåtande",
        "slug": "tillganglighetsutlatande",
        "introduction": "<p>Detta tillgänglighetsutlåtande gäller webbplatsen "
        "för främjande av välfärd och hälsa i välfärdsområdet i Mellersta "
        "Nyland.</p>",
        "assessment": "<p>Utlåtandet grundar sig på en självbedömning: sidorna "
        "har gåtts igenom med tangentbord och skärmläsare (NVDA och "
        "VoiceOver) på finska och svenska.</p>",
        "authority_name": "Regionförvaltningsverket i Södra Finland, enheten "
        "för tillsyn över tillgängligheten",
        "authority_url": "https://www.tillganglighetskrav.fi",
    },
}

NOTICES = {
    "fi": {
        "title": "Tietosuojaselosteet",
        "slug": "tietosuojaselosteet",
        "introduction": "<p>Kerromme näillä sivuilla rekisteri kerrallaan, mitä "
        "henkilötietoja käsittelemme, miksi ja kuinka kauan, sekä miten voit "
        "käyttää oikeuksiasi. Sivuston lukeminen ei vaadi henkilötietoja.</p>",
        "notice_title": "Tietosuojaseloste: {}",
        "notice_slug": "{}",
        "notice_intro": "<p>Tämä seloste koskee rekisteriä, johon lomakkeella "
        "antamasi tiedot tallentuvat.</p>",
        "controller": "Keski-Uudenmaan hyvinvointialue\nkirjaamo@keusote.example.fi",
        "contact": "<p>Tietosuojavastaava: tietosuoja@keusote.example.fi</p>",
    },
    "sv": {
        "title": "Dataskyddsbeskrivningar",
        "slug": "dataskyddsbeskrivningar",
        "introduction": "<p>På de här sidorna berättar vi register för register "
        "vilka personuppgifter vi behandlar, varför och hur länge, samt hur "
        "du kan utöva dina rättigheter. Det krävs inga personuppgifter för att "
        "läsa webbplatsen.</p>",
        "notice_title": "Dataskyddsbeskrivning: {}",
        "notice_slug": "{}",
        "notice_intro": "<p>Denna beskrivning gäller registret där uppgifterna "
        "du ger i formuläret sparas.</p>",
        "controller": "Välfärdsområdet i Mellersta Nyland\nkirjaamo@keusote.example.fi",
        "contact": "<p>Dataskyddsombud: tietosuoja@keusote.example.fi</p>",
    },
}
NOTICE_SLUGS = {
    "feedback": ("palaute", "respons"),
    "workshops": ("tyopajat", "workshoppar"),
    "panels": ("asukaspaneeli", "invanarpanel"),
    "associations": ("yhdistysrekisteri", "foreningsregister"),
    "accounts": ("kayttajatilit", "anvandarkonton"),
}

COOKIES = {
    "fi": {
        "title": "Evästeet",
        "slug": "evasteet",
        "introduction": "<p>Evästeet ovat pieniä tekstitiedostoja, jotka "
        "sivusto tallentaa selaimeesi.</p>",
    },
    "sv": {
        "title": "Kakor",
        "slug": "kakor",
        "introduction": "<p>Kakor är små textfiler som webbplatsen sparar i din "
        "webbläsare.</p>",
    },
}


def _add(parent, page, key):
    page.translation_key = demo_key(key)
    page.locale = parent.locale
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _existing(model, key, locale):
    return model.objects.filter(translation_key=demo_key(key), locale=locale).first()


def _remove_old_pages():
    keys = [demo_key(key) for key in OLD_KEYS]
    for page in StandardPage.objects.filter(translation_key__in=keys).order_by(
        "-depth"
    ):
        page.delete()


def _statement(home_fi, sv):
    fi_texts, sv_texts = STATEMENT["fi"], STATEMENT["sv"]
    page = _existing(
        AccessibilityStatementPage, "accessibility-statement-page", home_fi.locale
    )
    if page is None:
        page = _add(
            home_fi,
            AccessibilityStatementPage(
                title=fi_texts["title"],
                slug=fi_texts["slug"],
                introduction=fi_texts["introduction"],
                conformance=AccessibilityStatementPage.Conformance.PARTIAL,
                non_conforming=[("problem", p) for p in PROBLEMS["fi"]],
                assessment=fi_texts["assessment"],
                prepared_on=datetime.date(2026, 11, 23),
                feedback_unit="saavutettavuus",
                authority_name=fi_texts["authority_name"],
                authority_url=fi_texts["authority_url"],
                authority_email="saavutettavuus@avi.fi",
                authority_phone="0295 016 000",
                show_in_menus=True,
            ),
            "accessibility-statement-page",
        )
    if not _existing(AccessibilityStatementPage, "accessibility-statement-page", sv):

        def apply(shadow):
            for name in ("title", "slug", "introduction", "assessment"):
                setattr(shadow, name, sv_texts[name])
            shadow.authority_name = sv_texts["authority_name"]
            shadow.authority_url = sv_texts["authority_url"]
            for block, values in zip(
                shadow.non_conforming, PROBLEMS["sv"], strict=True
            ):
                for name, value in values.items():
                    block.value[name] = value

        translate(page, sv, apply)


def _notices(home_fi, sv):
    fi_texts, sv_texts = NOTICES["fi"], NOTICES["sv"]
    index = _existing(PrivacyNoticeIndexPage, "privacy-notices", home_fi.locale)
    if index is None:
        index = _add(
            home_fi,
            PrivacyNoticeIndexPage(
                title=fi_texts["title"],
                slug=fi_texts["slug"],
                introduction=fi_texts["introduction"],
                show_in_menus=True,
            ),
            "privacy-notices",
        )
    if not _existing(PrivacyNoticeIndexPage, "privacy-notices", sv):

        def apply_index(shadow):
            for name in ("title", "slug", "introduction"):
                setattr(shadow, name, sv_texts[name])

        translate(index, sv, apply_index)
    for notice in privacy.notices():
        key = f"privacy-notice-{notice.key}"
        slug_fi, slug_sv = NOTICE_SLUGS[notice.key]
        page = _existing(PrivacyNoticePage, key, home_fi.locale)
        if page is None:
            with translation.override("fi"):
                title = fi_texts["notice_title"].format(str(notice.title).lower())
            page = _add(
                index,
                PrivacyNoticePage(
                    title=title,
                    slug=slug_fi,
                    register=notice.key,
                    introduction=fi_texts["notice_intro"],
                    controller=fi_texts["controller"],
                    contact=fi_texts["contact"],
                ),
                key,
            )
        if not _existing(PrivacyNoticePage, key, sv):
            with translation.override("sv"):
                title_sv = sv_texts["notice_title"].format(str(notice.title).lower())

            def apply(shadow, title_sv=title_sv, slug_sv=slug_sv):
                shadow.title = title_sv
                shadow.slug = slug_sv
                shadow.introduction = sv_texts["notice_intro"]
                shadow.controller = sv_texts["controller"]
                shadow.contact = sv_texts["contact"]

            translate(page, sv, apply)


def _cookies(home_fi, sv):
    page = _existing(CookiePage, "cookies", home_fi.locale)
    if page is None:
        texts = COOKIES["fi"]
        page = _add(
            home_fi,
            CookiePage(
                title=texts["title"],
                slug=texts["slug"],
                introduction=texts["introduction"],
                show_in_menus=True,
            ),
            "cookies",
        )
    if not _existing(CookiePage, "cookies", sv):

        def apply(shadow):
            for name in ("title", "slug", "introduction"):
                setattr(shadow, name, COOKIES["sv"][name])

        translate(page, sv, apply)


def ensure_accessibility_checks():
    """The demo has no CI run: it records the checks as run when it loads
    (production: `manage.py record_accessibility_checks --junit report.xml`)."""
    now = timezone.now()
    for check in CHECKS:
        AccessibilityCheck.objects.get_or_create(
            key=check.key, defaults={"checked_at": now, "passed": True}
        )


def ensure_statutory_pages(home_fi, sv):
    _remove_old_pages()
    home_fi.refresh_from_db()
    _statement(home_fi, sv)
    _notices(home_fi, sv)
    _cookies(home_fi, sv)
    ensure_accessibility_checks()
