"""Demo programs and status cards (Keusote context, demo texts in the spirit
of the Keski-Suomi implementation report). Each text is (Finnish, Swedish);
sections are bullet lists with the same number of items in both languages,
so the Swedish text maps onto the Finnish one segment by segment."""

from .models import StatusLevel

ON_TRACK = StatusLevel.ON_TRACK
AT_RISK = StatusLevel.AT_RISK
CRITICAL = StatusLevel.CRITICAL

PERIODS = [(2024, 1), (2024, 2)]

PROGRAMS = [
    {
        "key": "welfare-plan-2020-2025",
        "sort_order": 10,
        "name": (
            "Alueellinen hyvinvointisuunnitelma 2020–2025",
            "Regional välfärdsplan 2020–2025",
        ),
        "description": (
            "Keusoten ja kuntien yhteinen suunnitelma asukkaiden hyvinvoinnin ja "
            "terveyden edistämiseksi: seitsemän tavoitetta ja niiden toimenpiteet. "
            "Tilannekortit ovat esimerkkiaineistoa.",
            "Keusotes och kommunernas gemensamma plan för att främja invånarnas "
            "välfärd och hälsa: sju mål och åtgärderna för dem. Lägeskorten är "
            "exempeldata.",
        ),
        "owner": (
            "Keusote, ulkoinen integraatio; kuntien hyte-vastaavat",
            "Keusote, extern integration; kommunernas ansvariga för främjande "
            "av välfärd och hälsa",
        ),
        "authors": "Demo: Maija Esimerkki, Olli Malli",
        "cards": {
            (2024, 1): {
                "levels": (ON_TRACK, ON_TRACK, AT_RISK, AT_RISK),
                "past_successes": [
                    (
                        "Hyvinvointikertomuksen 2024 valmistelu käynnistetty yhdessä "
                        "kuntien hyte-vastaavien kanssa.",
                        "Beredningen av välfärdsberättelsen 2024 har inletts "
                        "tillsammans med kommunernas ansvariga för främjande av "
                        "välfärd och hälsa.",
                    ),
                    (
                        "Kuntakohtaiset hyvinvointikortit päivitetty THL:n "
                        "uusimmilla indikaattoritiedoilla.",
                        "De kommunvisa välfärdskorten har uppdaterats med THL:s "
                        "senaste indikatoruppgifter.",
                    ),
                    (
                        "Väkivallan ehkäisyn palveluketju kuvattu yhdessä "
                        "järjestöjen kanssa.",
                        "Vårdkedjan för förebyggande av våld har beskrivits "
                        "tillsammans med organisationerna.",
                    ),
                ],
                "coming_tasks": [
                    (
                        "Alueellisen hyvinvointikertomuksen luonnos kuntien "
                        "kommentoitavaksi syyskuussa.",
                        "Ett utkast till den regionala välfärdsberättelsen skickas "
                        "till kommunerna för kommentarer i september.",
                    ),
                    (
                        "Yksinäisyyttä vähentävien toimenpiteiden arviointi osana "
                        "suunnitelman väliarviointia.",
                        "Åtgärderna mot ensamhet utvärderas som en del av planens "
                        "mellanutvärdering.",
                    ),
                ],
                "achievements": [
                    (
                        "Liikuntaneuvonnan palveluketju otettu käyttöön kaikissa "
                        "kuudessa kunnassa.",
                        "Vårdkedjan för motionsrådgivning har tagits i bruk i alla "
                        "sex kommuner.",
                    ),
                    (
                        "Hyte-yhdyshenkilöiden verkosto kokoontunut kahdesti.",
                        "Nätverket av kontaktpersoner för främjande av välfärd och "
                        "hälsa har samlats två gånger.",
                    ),
                ],
                "attention": [
                    (
                        "Hyvinvoinnin edistämisen henkilöstöresurssit ovat niukat; "
                        "osa toimenpiteistä voi siirtyä.",
                        "Personalresurserna för främjande av välfärd är knappa; en "
                        "del av åtgärderna kan skjutas upp.",
                    ),
                    (
                        "Kuntien ja hyvinvointialueen yhteisen tietopohjan "
                        "päivitysaikataulusta on sovittava.",
                        "Tidtabellen för uppdateringen av kommunernas och "
                        "välfärdsområdets gemensamma kunskapsunderlag måste "
                        "avtalas.",
                    ),
                ],
            },
            (2024, 2): {
                "levels": (ON_TRACK, AT_RISK, AT_RISK, AT_RISK),
                "past_successes": [
                    (
                        "Alueellinen hyvinvointikertomus 2024 hyväksytty "
                        "aluehallituksessa ja julkaistu verkossa suomeksi ja "
                        "ruotsiksi.",
                        "Den regionala välfärdsberättelsen 2024 har godkänts av "
                        "välfärdsområdesstyrelsen och publicerats på webben på "
                        "finska och svenska.",
                    ),
                    (
                        "Kuntakortit liitetty osaksi kertomusta.",
                        "Kommunkorten har fogats till berättelsen.",
                    ),
                    (
                        "Ikääntyneiden kaatumisten ehkäisyn koulutukset pidetty "
                        "kaikissa kunnissa.",
                        "Utbildningar i att förebygga fall bland äldre har hållits "
                        "i alla kommuner.",
                    ),
                ],
                "coming_tasks": [
                    (
                        "Hyvinvointisuunnitelman 2026–2029 valmistelu yhdessä "
                        "kuntien, järjestöjen ja seurakuntien kanssa.",
                        "Beredningen av välfärdsplanen 2026–2029 tillsammans med "
                        "kommunerna, organisationerna och församlingarna.",
                    ),
                    (
                        "Asukaspaneelin kysely suunnitelman painopisteistä.",
                        "En enkät i invånarpanelen om planens prioriteringar.",
                    ),
                ],
                "achievements": [
                    (
                        "Viisi suunnitelman seitsemästä tavoitteesta etenee "
                        "mittareiden perusteella oikeaan suuntaan.",
                        "Fem av planens sju mål utvecklas i rätt riktning enligt "
                        "mätarna.",
                    ),
                ],
                "attention": [
                    (
                        "Uuden suunnitelman aikataulu on tiukka: se on hyväksyttävä "
                        "uuden valtuustokauden alussa.",
                        "Tidtabellen för den nya planen är snäv: den ska godkännas "
                        "i början av den nya fullmäktigeperioden.",
                    ),
                    (
                        "Nuorten mielen hyvinvoinnin indikaattorit ovat "
                        "heikentyneet; toimenpiteitä on tarkennettava.",
                        "Indikatorerna för ungas psykiska välbefinnande har "
                        "försämrats; åtgärderna måste preciseras.",
                    ),
                ],
            },
        },
    },
    {
        "key": "participation-2020-2025",
        "sort_order": 20,
        "name": ("Osallisuusohjelma 2020–2025", "Delaktighetsprogrammet 2020–2025"),
        "description": (
            "Keusoten ohjelma asukkaiden, asiakkaiden, henkilöstön ja "
            "kumppaneiden osallisuuden vahvistamiseksi: asukaspaneelit, "
            "asiakasraadit, työpajat ja palaute. Tilannekortit ovat "
            "esimerkkiaineistoa.",
            "Keusotes program för att stärka invånarnas, klienternas, personalens "
            "och partnernas delaktighet: invånarpaneler, klientråd, workshoppar "
            "och respons. Lägeskorten är exempeldata.",
        ),
        "owner": (
            "Keusote, osallisuus ja asiakaskokemus",
            "Keusote, delaktighet och kundupplevelse",
        ),
        "authors": "Demo: Liisa Esimerkki",
        "cards": {
            (2024, 1): {
                "levels": (ON_TRACK, ON_TRACK, ON_TRACK, AT_RISK),
                "past_successes": [
                    (
                        "Asukaspaneelin ensimmäinen kierros toteutettu; vastauksia "
                        "saatiin kaikista kuudesta kunnasta.",
                        "Invånarpanelens första omgång har genomförts; svar kom "
                        "från alla sex kommuner.",
                    ),
                    (
                        "Asiakasraati käynnistynyt ikääntyneiden palveluissa.",
                        "Ett klientråd har inlett sin verksamhet inom tjänsterna "
                        "för äldre.",
                    ),
                    (
                        "Osallisuusviikon tapahtumat järjestetty yhdessä "
                        "järjestöjen kanssa.",
                        "Delaktighetsveckans evenemang har ordnats tillsammans med "
                        "organisationerna.",
                    ),
                ],
                "coming_tasks": [
                    (
                        "Asiakaspalautteen ja suositteluindeksin (NPS) mittaamisen "
                        "yhtenäistäminen kaikissa palveluissa.",
                        "Mätningen av kundrespons och rekommendationsindex (NPS) "
                        "förenhetligas i alla tjänster.",
                    ),
                    (
                        "Järjestöjen kumppanuustapahtuma ja ilmiötyöpaja "
                        "yksinäisyydestä syksyllä.",
                        "Ett partnerskapsevenemang för organisationerna och en "
                        "fenomenworkshop om ensamhet på hösten.",
                    ),
                ],
                "achievements": [
                    (
                        "Osallisuusohjelman puolivuotisraportti käsitelty "
                        "johtoryhmässä.",
                        "Delaktighetsprogrammets halvårsrapport har behandlats i "
                        "ledningsgruppen.",
                    ),
                ],
                "attention": [
                    (
                        "Osallisuustyön resurssi vähenee syksyllä yhdellä "
                        "henkilötyövuodella.",
                        "Resurserna för delaktighetsarbetet minskar med ett "
                        "årsverke på hösten.",
                    ),
                ],
            },
            (2024, 2): {
                "levels": (AT_RISK, AT_RISK, AT_RISK, CRITICAL),
                "past_successes": [
                    (
                        "Hyvinvointialueen laajuinen asiakasraati käynnistynyt.",
                        "Ett klientråd för hela välfärdsområdet har inlett sin "
                        "verksamhet.",
                    ),
                    (
                        "Osallisuuden indikaattorit lisätty osaksi "
                        "hyvinvointikertomusta.",
                        "Indikatorer för delaktighet har lagts till i "
                        "välfärdsberättelsen.",
                    ),
                ],
                "coming_tasks": [
                    (
                        "Osallisuusohjelman päivittämisen valmistelu.",
                        "Beredningen av uppdateringen av delaktighetsprogrammet.",
                    ),
                    (
                        "Sisäisen osallisuusverkoston käynnistäminen.",
                        "Ett internt nätverk för delaktighet startas.",
                    ),
                    (
                        "Asukaspaneelin toinen kierros uuden suunnitelman "
                        "valmistelun tueksi.",
                        "Invånarpanelens andra omgång som stöd för beredningen av "
                        "den nya planen.",
                    ),
                ],
                "achievements": [
                    (
                        "Henkilöstön ideaboksi otettu käyttöön.",
                        "En idélåda för personalen har tagits i bruk.",
                    ),
                ],
                "attention": [
                    (
                        "Osallisuustyössä on yksi henkilötyövuosi vähemmän; kaikkia "
                        "suunniteltuja työpajoja ei voida järjestää.",
                        "Delaktighetsarbetet har ett årsverke mindre; alla planerade "
                        "workshoppar kan inte ordnas.",
                    ),
                    (
                        "Meneillään olevat muutosneuvottelut ovat hidastaneet "
                        "ohjelman etenemistä.",
                        "De pågående omställningsförhandlingarna har bromsat "
                        "programmets framskridande.",
                    ),
                ],
            },
        },
    },
]
