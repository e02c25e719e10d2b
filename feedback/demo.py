"""Demo content for feedback and NPS: the Keusote service-unit tree, a
handler role, the feedback form page (fi + sv) and a few thousand generated
responses over two years.

All of it is demo data: units and feedback carry is_demo=True, contact
addresses are @example.invalid. Generation is seeded (same data on every
run) and idempotent (nothing is added if demo feedback exists).
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from website.core.demo import (
    DEMO_PASSWORD,
    ensure_translated_page,
    participation_hub,
    place_under,
)

from .alerts import alert_reasons
from .models import Channel, Feedback, FeedbackFormPage, ServiceUnit

HANDLER_GROUP = "Palautteen käsittelijät – Feedbackhandläggare"
HANDLER_USERNAME = "kasittelija"
HANDLER_EMAIL = "kasittelija@example.com"
RESPONSES = 3000
SEED = 2025

MUNICIPALITIES = [
    ("hyvinkaa", "Hyvinkää", "Hyvinge", "Hyvinkään", "Hyvinge"),
    ("jarvenpaa", "Järvenpää", "Träskända", "Järvenpään", "Träskända"),
    ("mantsala", "Mäntsälä", "Mäntsälä", "Mäntsälän", "Mäntsälä"),
    ("nurmijarvi", "Nurmijärvi", "Nurmijärvi", "Nurmijärven", "Nurmijärvi"),
    ("pornainen", "Pornainen", "Borgnäs", "Pornaisten", "Borgnäs"),
    ("tuusula", "Tuusula", "Tusby", "Tuusulan", "Tusby"),
]
# service key, (fi, sv) service name, (fi, sv) unit name with {gen}/{sv}
SERVICES = [
    (
        "terveysasema",
        ("Terveysasemapalvelut", "Hälsostationstjänster"),
        ("{gen} terveysasema", "{sv} hälsostation"),
    ),
    (
        "suunterveys",
        ("Suun terveydenhuolto", "Munhälsovård"),
        ("{gen} hammashoitola", "{sv} tandklinik"),
    ),
    (
        "neuvola",
        ("Neuvolapalvelut", "Rådgivningstjänster"),
        ("{gen} perhekeskus ja neuvola", "{sv} familjecenter och rådgivning"),
    ),
    (
        "sosiaalipalvelut",
        ("Aikuisten sosiaalipalvelut", "Socialservice för vuxna"),
        ("{gen} sosiaalitoimisto", "{sv} socialbyrå"),
    ),
    (
        "ikaantyneet",
        ("Ikääntyneiden palvelut", "Äldreomsorg"),
        ("{gen} palvelutalo", "{sv} servicehus"),
    ),
]
HOSPITAL = (
    "hyvinkaa-sairaala",
    ("Sairaalapalvelut", "Sjukhustjänster"),
    [
        (
            "hyvinkaa-paivystys",
            "Hyvinkään sairaalan päivystys",
            "Jouren vid Hyvinge sjukhus",
        ),
        (
            "hyvinkaa-osasto",
            "Hyvinkään sairaalan vuodeosastot",
            "Vårdavdelningarna vid Hyvinge sjukhus",
        ),
    ],
)
WEB_UNIT = "verkkosivut"

TEXTS = {
    "fi": {
        "promoter": [
            "Ystävällinen ja ammattitaitoinen vastaanotto, kiitos!",
            "Pääsin lääkärille jo samana päivänä. Todella hyvä palvelu.",
            "Hoitaja kuunteli ja selitti asiat selkeästi. Tuli turvallinen olo.",
            "Neuvolan terveydenhoitaja on ihana, saamme aina apua kysymyksiin.",
            "Hammashoitaja oli lempeä, eikä toimenpide sattunut yhtään.",
            "Ajanvaraus netissä toimi helposti ja muistutusviesti tuli ajallaan.",
            "Kiitos sosiaaliohjaajalle, joka auttoi hakemusten kanssa kärsivällisesti.",
            "Palvelutalon henkilökunta on lämmintä ja äiti viihtyy hyvin.",
            "Kaikki sujui nopeasti ja jonotusaika oli lyhyt.",
            "Sain palvelua ruotsiksi ilman ongelmia, kiitos siitä.",
        ],
        "passive": [
            "Palvelu oli ihan hyvää, mutta odotin aulassa puoli tuntia yli ajan.",
            "Asiat hoituivat, vaikka puhelimessa jonotin pitkään.",
            "Lääkäri oli asiallinen, mutta vastaanotto tuntui kiireiseltä.",
            "Pysäköintipaikkoja on liian vähän, muuten kaikki hyvin.",
            "Opasteet talossa ovat sekavat, eksyin matkalla vastaanotolle.",
            "Hyvä palvelu, mutta takaisinsoittoa piti odottaa kaksi päivää.",
            "Ihan ok. Toivoisin iltavastaanottoja työssäkäyville.",
            "Tiedot eivät olleet siirtyneet edelliseltä käynniltä, jouduin "
            "kertomaan kaiken uudelleen.",
        ],
        "detractor": [
            "Puhelimessa jonotin yli tunnin eikä kukaan vastannut.",
            "Aikaa ei saanut kolmeen viikkoon, vaikka vaiva on kivulias.",
            "Koin, ettei minua kuunneltu lainkaan. Lääkäri katsoi vain tietokonetta.",
            "Takaisinsoittoa luvattiin, mutta sitä ei koskaan tullut.",
            "Päivystyksessä odotin seitsemän tuntia ilman mitään tietoa.",
            "Palvelua ei saanut ruotsiksi, vaikka pyysin.",
            "Henkilökunta oli tylyä ja asenne välinpitämätön.",
            "Laskussa oli virhe, eikä kukaan osannut neuvoa, kenelle soittaa.",
            "Sivuilla olevat aukioloajat olivat väärin, ovi oli kiinni.",
            "Sosiaalitoimistoon ei saa yhteyttä, viestiin ei ole vastattu "
            "kahteen viikkoon.",
        ],
        "widget_yes": [
            "Löysin aukioloajat helposti.",
            "Selkeä sivu, kiitos.",
        ],
        "widget_no": [
            "Sivulta puuttuu puhelinnumero.",
            "Teksti on liian virkakielistä, vaikea ymmärtää.",
            "En löytänyt tietoa ajanvarauksesta.",
        ],
    },
    "sv": {
        "promoter": [
            "Vänligt och kunnigt bemötande, tack!",
            "Jag fick läkartid redan samma dag. Mycket bra service.",
            "Skötaren lyssnade och förklarade tydligt. Jag kände mig trygg.",
            "Hälsovårdaren på rådgivningen är underbar, vi får alltid hjälp.",
            "Det var fint att få service på svenska utan problem.",
            "Tidsbokningen på nätet fungerade smidigt.",
            "Personalen på servicehuset är varm och pappa trivs bra.",
            "Allt gick snabbt och väntetiden var kort.",
        ],
        "passive": [
            "Servicen var bra, men jag väntade en halvtimme i väntrummet.",
            "Ärendet sköttes, men telefonkön var lång.",
            "Läkaren var saklig men mottagningen kändes stressad.",
            "Det finns för få parkeringsplatser, annars bra.",
            "Skyltningen i huset är förvirrande.",
            "Jag önskar kvällsmottagningar för oss som arbetar.",
        ],
        "detractor": [
            "Jag köade i telefon över en timme och ingen svarade.",
            "Jag fick ingen tid på tre veckor trots att det gör ont.",
            "Jag fick inte service på svenska fast jag bad om det.",
            "Återuppringningen som utlovades kom aldrig.",
            "På jouren väntade jag sju timmar utan information.",
            "Personalen var otrevlig och likgiltig.",
            "Öppettiderna på webbplatsen var fel, dörren var stängd.",
        ],
        "widget_yes": ["Bra och tydlig sida.", "Jag hittade öppettiderna lätt."],
        "widget_no": [
            "Telefonnumret saknas på sidan.",
            "Svenska texten är maskinöversatt och svår att förstå.",
        ],
    },
}

PAGE = {
    "title": ("Anna palautetta", "Ge respons"),
    "slug": ("anna-palautetta", "ge-respons"),
    "introduction": (
        "<p>Kerro, miten onnistuimme. Palaute ohjautuu valitsemasi yksikön "
        "käsittelijöille. Vastaamme, jos jätät yhteystietosi. Tämän "
        "demosivuston palautteet ovat keksittyä demoaineistoa.</p>",
        "<p>Berätta hur vi lyckades. Responsen går till handläggarna vid den "
        "enhet du väljer. Vi svarar om du lämnar dina kontaktuppgifter. "
        "Responsen på den här demowebbplatsen är påhittat demomaterial.</p>",
    ),
    "thank_you": (
        "Palautteesi on lähetetty. Kiitos, että autat meitä kehittämään palveluja!",
        "Din respons har skickats. Tack för att du hjälper oss att utveckla "
        "tjänsterna!",
    ),
}


def _unit(parent, slug, name_fi, name_sv, order):
    unit = ServiceUnit.objects.filter(slug=slug).first()
    if unit is None:
        unit = ServiceUnit.objects.create(
            parent=parent,
            slug=slug,
            name_fi=name_fi,
            name_sv=name_sv,
            sort_order=order,
            is_demo=True,
        )
    return unit


def ensure_units():
    """{slug: unit} for the leaf units."""
    leaves = {}
    for m, (slug, fi, sv, gen, sv_gen) in enumerate(MUNICIPALITIES):
        area = _unit(None, slug, fi, sv, m)
        for s, (key, service_names, unit_names) in enumerate(SERVICES):
            service = _unit(
                area, f"{slug}-{key}-palvelu", service_names[0], service_names[1], s
            )
            leaf = _unit(
                service,
                f"{slug}-{key}",
                unit_names[0].format(gen=gen),
                unit_names[1].format(sv=sv_gen),
                0,
            )
            leaves[leaf.slug] = leaf
        if slug == "hyvinkaa":
            key, names, units = HOSPITAL
            service = _unit(area, key, names[0], names[1], len(SERVICES))
            for u, (unit_slug, name_fi, name_sv) in enumerate(units):
                leaves[unit_slug] = _unit(service, unit_slug, name_fi, name_sv, u)
    common = _unit(
        None,
        "keusote-yhteiset",
        "Keusote – yhteiset palvelut",
        "Keusote – gemensamma tjänster",
        99,
    )
    comms = _unit(common, "viestinta", "Viestintä", "Kommunikation", 0)
    web = _unit(comms, WEB_UNIT, "Verkkosivut", "Webbplatsen", 0)
    return leaves, web


def ensure_handlers(web_unit):
    group, _ = Group.objects.get_or_create(name=HANDLER_GROUP)
    perms = list(
        Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    ) + list(
        Permission.objects.filter(
            content_type__app_label="feedback", codename="handle_feedback"
        )
    )
    group.permissions.add(*perms)
    User = get_user_model()
    handler = User.objects.filter(username=HANDLER_USERNAME).first()
    if handler is None:
        handler = User(
            username=HANDLER_USERNAME,
            email=HANDLER_EMAIL,
            first_name="Demo",
            last_name="Käsittelijä",
            is_staff=True,
        )
        handler.set_password(DEMO_PASSWORD)
        handler.save()
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(
            user=handler,
            email=HANDLER_EMAIL,
            defaults={"verified": True, "primary": True},
        )
    handler.groups.add(group)
    hyvinkaa = ServiceUnit.objects.get(slug="hyvinkaa")
    hyvinkaa.handlers.add(handler)
    staff = User.objects.filter(username="viestinta").first()
    if staff is not None:
        staff.groups.add(group)
        web_unit.handlers.add(staff)
    return handler


def ensure_accessibility_unit(web_unit):
    """Where the accessibility statement's feedback goes (its feedback_unit):
    not choosable in the other forms, handled by the web unit's handlers."""
    unit = _unit(None, "saavutettavuus", "Saavutettavuus", "Tillgänglighet", 99)
    if unit.active:
        unit.active = False
        unit.save(update_fields=["active"])
    unit.handlers.add(*web_unit.handlers.all())
    return unit


def ensure_page(home_fi, fi, sv):
    hub = participation_hub(home_fi, fi, sv)
    page = ensure_translated_page(FeedbackFormPage, "feedback-form", hub, fi, sv, PAGE)
    place_under(page, hub, sv)
    return page


def _score(rng, bias):
    # A realistic NPS distribution (many 8–10, a tail of low scores),
    # shifted per unit so that units and trends differ.
    base = rng.choices(range(11), weights=[3, 1, 2, 2, 2, 5, 6, 10, 18, 22, 29], k=1)[0]
    return max(0, min(10, base + bias))


def _category(score):
    return "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"


def generate(leaves, web_unit, now=None, count=RESPONSES):
    rng = random.Random(SEED)
    now = now or timezone.now()
    start = now - datetime.timedelta(days=730)
    units = sorted(leaves.values(), key=lambda u: u.slug)
    biases = {u.pk: rng.choice([-2, -1, -1, 0, 0, 0, 1]) for u in units}
    channels = [
        Channel.WEB,
        Channel.QR,
        Channel.WIDGET,
        Channel.PAPER,
        Channel.PHONE,
        Channel.EMBED,
    ]
    channel_weights = [32, 30, 10, 12, 6, 10]
    rows = []
    for i in range(count):
        offset = rng.random() * 730
        created = start + datetime.timedelta(days=offset)
        created = created.replace(hour=rng.randint(7, 20), minute=rng.randint(0, 59))
        if created > now:
            created = now - datetime.timedelta(minutes=i + 1)
        language = "sv" if rng.random() < 0.12 else "fi"
        channel = rng.choices(channels, weights=channel_weights, k=1)[0]
        texts = TEXTS[language]
        fields = {}
        if channel == Channel.WIDGET:
            helpful = rng.random() < 0.7
            pool = texts["widget_yes" if helpful else "widget_no"]
            text = rng.choice(pool) if rng.random() < 0.4 else ""
            fields.update(unit=web_unit, helpful=helpful, nps=None, text=text)
        else:
            unit = rng.choice(units)
            # Scores rise a little over the two years (the work shows).
            trend = 1 if offset > 500 and rng.random() < 0.3 else 0
            score = _score(rng, biases[unit.pk] + trend)
            text = rng.choice(texts[_category(score)]) if rng.random() < 0.45 else ""
            fields.update(unit=unit, nps=score, text=text)
        age_days = (now - created).days
        if age_days > 30:
            status = (
                Feedback.Status.CLOSED
                if rng.random() < 0.9
                else Feedback.Status.ANSWERED
            )
        elif age_days > 7:
            status = rng.choice([Feedback.Status.IN_PROGRESS, Feedback.Status.CLOSED])
        else:
            status = Feedback.Status.NEW
        wants_reply = bool(fields["text"]) and rng.random() < 0.15
        rows.append(
            Feedback(
                channel=channel,
                language=language,
                created_at=created,
                status=status,
                closed_at=created + datetime.timedelta(days=3)
                if status == Feedback.Status.CLOSED
                else None,
                wants_reply=wants_reply,
                contact_email=f"demo{i}@example.invalid" if wants_reply else "",
                alert_reason=",".join(alert_reasons(fields.get("nps"), fields["text"])),
                is_demo=True,
                **fields,
            )
        )
    Feedback.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


@transaction.atomic
def load(home_fi, fi, sv):
    leaves, web_unit = ensure_units()
    ensure_handlers(web_unit)
    ensure_accessibility_unit(web_unit)
    ensure_page(home_fi, fi, sv)
    if not Feedback.objects.filter(is_demo=True).exists():
        generate(leaves, web_unit)
    return {
        "service units": ServiceUnit.objects.count(),
        "feedback": Feedback.objects.count(),
    }
