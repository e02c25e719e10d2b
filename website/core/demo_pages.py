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
                    "<p>Sivusto täyttää WCAG 2.1 AA -vaatimukset osittain. Tila "
                    "näytetään aina tekstinä ja symbolina eikä pelkällä värillä, "
                    "ja suodattimet toimivat ilman JavaScriptiä.</p>",
                ),
                ("heading", "Sisältö, joka ei ole saavutettavaa"),
                (
                    "paragraph",
                    "<p>Yhdistyskartan karttanäkymä ei ole kaikilta osin "
                    "saavutettava. Samat yhdistykset ja suodattimet ovat kartan "
                    "alla luettelona, joka toimii näppäimistöllä ja "
                    "ruudunlukijalla. Lomakkeiden varmistuskuvan ääniversio on "
                    "vain englanniksi; varmistuskuva näytetään vain, jos samasta "
                    "yhteydestä lähetetään lyhyessä ajassa paljon lomakkeita.</p>",
                ),
                ("heading", "Miten seloste on laadittu"),
                (
                    "paragraph",
                    "<p>Seloste on laadittu 23.11.2026 itsearviona. Jokainen "
                    "julkinen sivutyyppi tarkistetaan suomeksi ja ruotsiksi "
                    "jokaisen muutoksen yhteydessä automaattisesti (axe-core ja "
                    "W3C:n HTML-tarkistin) sekä käsin näppäimistöllä.</p>",
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
                    "<p>Webbplatsen uppfyller delvis kraven i WCAG 2.1 AA. Status "
                    "visas alltid med text och symbol, inte enbart med färg, och "
                    "filtren fungerar utan JavaScript.</p>",
                ),
                ("heading", "Innehåll som inte är tillgängligt"),
                (
                    "paragraph",
                    "<p>Kartvyn på föreningskartan är inte tillgänglig i alla "
                    "delar. Samma föreningar och filter finns under kartan som "
                    "en lista som fungerar med tangentbord och skärmläsare. "
                    "Ljudversionen av formulärens verifieringsbild finns bara på "
                    "engelska; bilden visas bara om många formulär skickas från "
                    "samma anslutning inom kort tid.</p>",
                ),
                ("heading", "Hur utlåtandet har utarbetats"),
                (
                    "paragraph",
                    "<p>Utlåtandet har utarbetats 23.11.2026 som en "
                    "självbedömning. Varje typ av offentlig sida kontrolleras på "
                    "finska och svenska vid varje ändring, automatiskt (axe-core "
                    "och W3C:s HTML-validerare) och manuellt med tangentbord.</p>",
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
                    "sisällön muokkaamista ja julkaisemista varten. Jos annat "
                    "palautetta, ilmoittaudut työpajaan tai liityt "
                    "asukaspaneeliin, käsittelemme lomakkeella antamiasi tietoja "
                    "(esimerkiksi nimi ja sähköpostiosoite) vain tähän "
                    "tarkoitukseen.</p>",
                ),
                ("heading", "Käsittelyn peruste ja säilytysajat"),
                (
                    "paragraph",
                    "<p>Käsittely perustuu hyvinvointialueen lakisääteiseen "
                    "tehtävään edistää asukkaiden hyvinvointia ja terveyttä "
                    "sekä osallisuutta (EU:n tietosuoja-asetuksen 6 artiklan 1 "
                    "kohdan e alakohta). Tiedot poistetaan tai anonymisoidaan, "
                    "kun säilytysaika päättyy. Tietoja ei luovuteta "
                    "ulkopuolisille eikä siirretä EU:n ja ETA:n ulkopuolelle.</p>",
                ),
                ("heading", "Oikeutesi"),
                (
                    "paragraph",
                    "<p>Sinulla on oikeus saada tietää, mitä tietoja sinusta on "
                    "tallennettu, sekä pyytää niiden korjaamista tai "
                    "poistamista. Voit tehdä valituksen "
                    "tietosuojavaltuutetun toimistolle (tietosuoja.fi).</p>",
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
                    "för att redigera och publicera innehåll. Om du ger respons, "
                    "anmäler dig till en workshop eller går med i en "
                    "invånarpanel behandlar vi de uppgifter du ger i formuläret "
                    "(till exempel namn och e-postadress) endast för det "
                    "ändamålet.</p>",
                ),
                ("heading", "Grund för behandlingen och lagringstider"),
                (
                    "paragraph",
                    "<p>Behandlingen grundar sig på välfärdsområdets lagstadgade "
                    "uppgift att främja invånarnas välfärd, hälsa och delaktighet "
                    "(artikel 6.1 e i EU:s dataskyddsförordning). Uppgifterna "
                    "raderas eller anonymiseras när lagringstiden har gått ut. "
                    "Uppgifterna lämnas inte ut till utomstående och överförs "
                    "inte utanför EU och EES.</p>",
                ),
                ("heading", "Dina rättigheter"),
                (
                    "paragraph",
                    "<p>Du har rätt att få veta vilka uppgifter som sparats om "
                    "dig och att begära att de rättas eller raderas. Du kan "
                    "lämna in ett klagomål till dataombudsmannens byrå "
                    "(tietosuoja.fi).</p>",
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
