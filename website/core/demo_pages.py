"""Statutory pages of the demo site: accessibility statement (Act on the
Provision of Digital Services 306/2019) and privacy notice, fi and sv."""

from website.core.demo import demo_key
from website.core.translation import translate
from website.home.models import StandardPage

PAGES = [
    {
        "key": "accessibility-statement",
        "fi": {
            "title": "Saavutettavuusseloste",
            "slug": "saavutettavuusseloste",
            "introduction": (
                "Tämä saavutettavuusseloste koskee Keski-Uudenmaan "
                "hyvinvointialueen hyvinvoinnin ja terveyden edistämisen "
                "verkkosivustoa. Sivusto on tehty täyttämään WCAG 2.1 -ohjeiston "
                "AA-tason vaatimukset."
            ),
            "body": [
                ("heading", "Saavutettavuuden tila"),
                (
                    "paragraph",
                    "<p>Sivusto täyttää WCAG 2.1 AA -vaatimukset. Tila näytetään "
                    "aina tekstinä ja symbolina eikä pelkällä värillä, ja "
                    "suodattimet toimivat ilman JavaScriptiä.</p>",
                ),
                ("heading", "Palaute ja yhteystiedot"),
                (
                    "paragraph",
                    "<p>Jos huomaat saavutettavuuspuutteen, kerro siitä meille "
                    "sähköpostilla: saavutettavuus@keusote.example.fi. Vastaamme "
                    "14 päivän kuluessa.</p>",
                ),
                ("heading", "Valvontaviranomainen"),
                (
                    "paragraph",
                    "<p>Jos et ole tyytyväinen saamaasi vastaukseen, voit tehdä "
                    "ilmoituksen Etelä-Suomen aluehallintovirastoon "
                    "(saavutettavuusvaatimukset.fi).</p>",
                ),
            ],
        },
        "sv": {
            "title": "Tillgänglighetsutlåtande",
            "slug": "tillganglighetsutlatande",
            "introduction": (
                "Detta tillgänglighetsutlåtande gäller webbplatsen för främjande "
                "av välfärd och hälsa i välfärdsområdet i Mellersta Nyland. "
                "Webbplatsen har gjorts för att uppfylla kraven på nivå AA i "
                "WCAG 2.1."
            ),
            "body": [
                ("heading", "Tillgänglighetsstatus"),
                (
                    "paragraph",
                    "<p>Webbplatsen uppfyller kraven i WCAG 2.1 AA. Status visas "
                    "alltid med text och symbol, inte enbart med färg, och "
                    "filtren fungerar utan JavaScript.</p>",
                ),
                ("heading", "Respons och kontaktuppgifter"),
                (
                    "paragraph",
                    "<p>Om du märker en brist i tillgängligheten, berätta det för "
                    "oss per e-post: saavutettavuus@keusote.example.fi. Vi svarar "
                    "inom 14 dagar.</p>",
                ),
                ("heading", "Tillsynsmyndighet"),
                (
                    "paragraph",
                    "<p>Om du inte är nöjd med svaret kan du göra en anmälan till "
                    "Regionförvaltningsverket i Södra Finland "
                    "(tillganglighetskrav.fi).</p>",
                ),
            ],
        },
    },
    {
        "key": "privacy-notice",
        "fi": {
            "title": "Tietosuojaseloste",
            "slug": "tietosuojaseloste",
            "introduction": (
                "Kerromme tässä, mitä henkilötietoja sivusto käsittelee, miksi "
                "ja kuinka kauan, sekä miten voit käyttää oikeuksiasi."
            ),
            "body": [
                ("heading", "Rekisterinpitäjä"),
                (
                    "paragraph",
                    "<p>Keski-Uudenmaan hyvinvointialue. Tietosuojavastaava: "
                    "tietosuoja@keusote.example.fi.</p>",
                ),
                ("heading", "Mitä tietoja käsittelemme"),
                (
                    "paragraph",
                    "<p>Sivuston lukeminen ei vaadi henkilötietoja. Henkilöstön "
                    "käyttäjätunnuksista tallennetaan nimi ja sähköpostiosoite "
                    "sisällön muokkaamista ja julkaisemista varten.</p>",
                ),
                ("heading", "Oikeutesi"),
                (
                    "paragraph",
                    "<p>Sinulla on oikeus saada tietää, mitä tietoja sinusta on "
                    "tallennettu, sekä pyytää niiden korjaamista tai "
                    "poistamista.</p>",
                ),
            ],
        },
        "sv": {
            "title": "Dataskyddsbeskrivning",
            "slug": "dataskyddsbeskrivning",
            "introduction": (
                "Här berättar vi vilka personuppgifter webbplatsen behandlar, "
                "varför och hur länge, samt hur du kan utöva dina rättigheter."
            ),
            "body": [
                ("heading", "Personuppgiftsansvarig"),
                (
                    "paragraph",
                    "<p>Välfärdsområdet i Mellersta Nyland. Dataskyddsombud: "
                    "tietosuoja@keusote.example.fi.</p>",
                ),
                ("heading", "Vilka uppgifter vi behandlar"),
                (
                    "paragraph",
                    "<p>Det krävs inga personuppgifter för att läsa webbplatsen. "
                    "För personalens användarkonton sparas namn och e-postadress "
                    "för att redigera och publicera innehåll.</p>",
                ),
                ("heading", "Dina rättigheter"),
                (
                    "paragraph",
                    "<p>Du har rätt att få veta vilka uppgifter som sparats om "
                    "dig och att begära att de rättas eller raderas.</p>",
                ),
            ],
        },
    },
]


def ensure_statutory_pages(home_fi, sv):
    created = 0
    for spec in PAGES:
        key = demo_key(spec["key"])
        page = StandardPage.objects.filter(
            translation_key=key, locale=home_fi.locale
        ).first()
        if page is None:
            fi = spec["fi"]
            page = StandardPage(
                title=fi["title"],
                slug=fi["slug"],
                introduction=fi["introduction"],
                body=fi["body"],
                show_in_menus=True,
                translation_key=key,
                locale=home_fi.locale,
            )
            home_fi.add_child(instance=page)
            page.save_revision().publish()
            created += 1
        if not StandardPage.objects.filter(translation_key=key, locale=sv).exists():
            target = spec["sv"]

            def apply(shadow, target=target):
                shadow.title = target["title"]
                shadow.slug = target["slug"]
                shadow.introduction = target["introduction"]
                for block, (_kind, value) in zip(
                    shadow.body, target["body"], strict=True
                ):
                    block.value = (
                        block.block.to_python(value) if _kind == "paragraph" else value
                    )

            translate(page, sv, apply)
    return created
