"""Demo workshops, marked as demo data.

- A past phenomenon workshop (Järvenpää, 30 Jan 2020) with 130 participants:
  associations 60 %, municipalities 25 %, the welfare area 15 %, as in the
  Keusote plan. Its sign-ups are already anonymised, as the retention rule
  would have done; only the counts and attendance remain.
- An upcoming workshop 30 days ahead with 30 seats: 27 taken, 3 free and an
  association's party of five on the waiting list (a party is never split).
- Five more on the plan's themes, three upcoming and two past, in several
  municipalities and without sign-ups, so that the listing page
  (Työpajat ja tapahtumat, under Osallistu) and its filters show something.

Idempotent: pages are found by translation key, sign-ups only created when
the page has none. Sign-ups are inserted directly (no e-mails).
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from website.associations.models import Theme
from website.core.demo import (
    demo_key,
    ensure_translated_page,
    participation_hub,
    place_under,
)
from website.core.organisations import organisation_key
from website.core.translation import translate
from website.indicators.models import Area
from website.plan.models import GoalPage

from .models import Attendee, OrganisationType, SignUp, WorkshopIndexPage, WorkshopPage

HELSINKI = ZoneInfo("Europe/Helsinki")
MUNICIPALITIES = ["106", "186", "505", "543", "611", "858"]

PAST = {
    "key": "workshop-phenomenon-1",
    "title": (
        "Ilmiötyöpaja I: liikunta, yksinäisyys ja päihteiden ehkäisy",
        "Fenomenworkshop I: motion, ensamhet och förebyggande av rusmedelsbruk",
    ),
    "slug": ("ilmiotyopaja-1", "fenomenworkshop-1"),
    "introduction": (
        "<p>Ensimmäinen ilmiötyöpaja kokosi yhdistykset, kunnat ja "
        "hyvinvointialueen yhteen. Demoaineistoa.</p>",
        "<p>Den första fenomenworkshoppen samlade föreningar, kommuner och "
        "välfärdsområdet. Demodata.</p>",
    ),
    "address": "Järvenpää-talo, Hallintokatu 4, Järvenpää",
    "municipalities": ["186"],
    "audience": (
        "Yhdistykset, kunnat ja hyvinvointialue",
        "Föreningar, kommuner och välfärdsområdet",
    ),
}
UPCOMING = {
    "key": "workshop-partnership-evening",
    "title": (
        "Kumppanuusilta: yhdessä liikkeelle",
        "Partnerskapskväll: i rörelse tillsammans",
    ),
    "slug": ("kumppanuusilta", "partnerskapskvall"),
    "introduction": (
        "<p>Kumppanuusillassa yhdistykset, kunnat ja hyvinvointialue "
        "suunnittelevat yhdessä liikuntaa vähän liikkuville. Demoaineistoa.</p>",
        "<p>På partnerskapskvällen planerar föreningar, kommuner och "
        "välfärdsområdet tillsammans motion för dem som rör sig lite. "
        "Demodata.</p>",
    ),
    "address": "Tuusulan kunnantalo, Hyrylänkatu 2, Tuusula",
    "municipalities": ["858"],
    "consent": (
        "Hyväksyn, että tietojani käytetään työpajan järjestämiseen.",
        "Jag samtycker till att mina uppgifter används för att ordna workshoppen.",
    ),
    "audience": (
        "Yhdistysten edustajat ja asukkaat",
        "Föreningsrepresentanter och invånare",
    ),
}


# The listing page; its slugs are the URL prefix of the personal sign-up
# links, which only match with a token after them (models.WorkshopIndexPage).
INDEX = {
    "title": ("Työpajat ja tapahtumat", "Workshoppar och evenemang"),
    "slug": ("tyopajat", "workshoppar"),
    "introduction": (
        "<p>Hyvinvointialueen, kuntien ja yhdistysten työpajat ja tapahtumat, "
        "joissa asukkaat ja järjestöt suunnittelevat hyvinvoinnin edistämistä "
        "yhdessä. Ilmoittaudu mukaan tapahtuman sivulla.</p>",
        "<p>Workshoppar och evenemang där invånare, föreningar, kommunerna och "
        "välfärdsområdet planerar främjandet av välfärd tillsammans. Anmäl dig "
        "på evenemangets sida.</p>",
    ),
}

# More workshops from the welfare plan's themes (seed documents), so that
# the listing and its filters show something real; all demo data.
MORE = [
    {
        "key": "workshop-youth-mental-wellbeing",
        "title": (
            "Nuorten mielen hyvinvointi: mitä koulun jälkeen?",
            "Ungas psykiska välbefinnande: vad händer efter skolan?",
        ),
        "slug": ("nuorten-mielen-hyvinvointi", "ungas-psykiska-valbefinnande"),
        "introduction": (
            "<p>Nuoret, koulut, nuorisotyö ja yhdistykset etsivät yhdessä "
            "keinoja mielen hyvinvoinnin tukemiseen vapaa-ajalla. "
            "Demoaineistoa.</p>",
            "<p>Unga, skolor, ungdomsarbetet och föreningar söker tillsammans "
            "sätt att stödja det psykiska välbefinnandet på fritiden. "
            "Demodata.</p>",
        ),
        "address": "Hyvinkään nuorisotalo, Hämeenkatu 12, Hyvinkää",
        "audience": (
            "Nuoret ja nuorten kanssa toimivat",
            "Unga och de som arbetar med unga",
        ),
        "themes": ["mielen-hyvinvointi"],
        "municipalities": ["106"],
        "days": 14,
        "hours": 2,
        "capacity": 25,
        "goals": [],
    },
    {
        "key": "workshop-loneliness-older-people",
        "title": (
            "Ikääntyneiden yksinäisyys: kumppanuusfoorumi",
            "Ensamhet bland äldre: partnerskapsforum",
        ),
        "slug": ("ikaantyneiden-yksinaisyys", "ensamhet-bland-aldre"),
        "introduction": (
            "<p>Eläkeläisjärjestöt, seurakunnat ja kunnat sopivat, miten "
            "yksinäisyyttä tunnistetaan ja vähennetään yhdessä. "
            "Demoaineistoa.</p>",
            "<p>Pensionärsorganisationer, församlingar och kommuner kommer "
            "överens om hur ensamhet upptäcks och minskas tillsammans. "
            "Demodata.</p>",
        ),
        "address": "Nurmijärven kirjasto, Kauppatie 2, Nurmijärvi",
        "audience": (
            "Yhdistykset, seurakunnat ja kunnat",
            "Föreningar, församlingar och kommuner",
        ),
        "themes": ["ikaantyneet", "yksinaisyys"],
        "municipalities": ["543"],
        "days": 45,
        "hours": 3,
        "capacity": 40,
        "goals": [],
        "venue": "hybrid",
    },
    {
        "key": "workshop-families-evening",
        "title": (
            "Lapsiperheiden arki: vanhempien ilta",
            "Barnfamiljernas vardag: föräldrakväll",
        ),
        "slug": ("lapsiperheiden-arki", "barnfamiljernas-vardag"),
        "introduction": (
            "<p>Vanhemmat kertovat, mikä helpottaisi perheiden arkea, ja "
            "perhekeskus esittelee palvelujaan. Demoaineistoa.</p>",
            "<p>Föräldrar berättar vad som skulle underlätta familjernas "
            "vardag, och familjecentret presenterar sina tjänster. "
            "Demodata.</p>",
        ),
        "address": "Mäntsälän perhekeskus, Heikinkuja 2, Mäntsälä",
        "audience": ("Lapsiperheiden vanhemmat", "Föräldrar i barnfamiljer"),
        "themes": ["lapset-ja-perheet"],
        "municipalities": ["505", "611"],
        "days": 60,
        "hours": 2,
        "capacity": 30,
        "goals": [],
    },
    {
        "key": "workshop-phenomenon-2",
        "title": (
            "Ilmiötyöpaja II: mielen hyvinvointi ja osallisuus",
            "Fenomenworkshop II: psykiskt välbefinnande och delaktighet",
        ),
        "slug": ("ilmiotyopaja-2", "fenomenworkshop-2"),
        "introduction": (
            "<p>Toinen ilmiötyöpaja jatkoi hyvinvointisuunnitelman "
            "tavoitteiden työstämistä. Demoaineistoa.</p>",
            "<p>Den andra fenomenworkshoppen fortsatte arbetet med "
            "välfärdsplanens mål. Demodata.</p>",
        ),
        "address": "Tuusulan kunnantalo, Hyrylänkatu 2, Tuusula",
        "audience": (
            "Yhdistykset, kunnat ja hyvinvointialue",
            "Föreningar, kommuner och välfärdsområdet",
        ),
        "themes": ["mielen-hyvinvointi"],
        "municipalities": ["858"],
        "date": datetime(2023, 3, 15, 9, 0, tzinfo=HELSINKI),
        "hours": 5,
        "capacity": 100,
        "goals": [],
    },
    {
        "key": "workshop-barriers-to-exercise",
        "title": ("Asukasilta: liikkumisen esteet", "Invånarkväll: hinder för motion"),
        "slug": ("liikkumisen-esteet", "hinder-for-motion"),
        "introduction": (
            "<p>Asukkaat kertoivat, mikä estää liikkumasta ja mitä siihen "
            "voisi tehdä. Demoaineistoa.</p>",
            "<p>Invånarna berättade vad som hindrar dem från att röra på sig "
            "och vad man kunde göra åt det. Demodata.</p>",
        ),
        "address": "Pornaisten kunnantalo, Pornaistentie 1, Pornainen",
        "audience": ("Kaikki asukkaat", "Alla invånare"),
        "themes": ["liikunta"],
        "municipalities": ["611"],
        "date": datetime(2024, 10, 8, 17, 0, tzinfo=HELSINKI),
        "hours": 2,
        "capacity": 40,
        "goals": [],
    },
]


def _index(home_fi, fi, sv):
    hub = participation_hub(home_fi, fi, sv)
    index = ensure_translated_page(
        WorkshopIndexPage,
        "workshop-index",
        hub,
        fi,
        sv,
        INDEX,
    )
    place_under(index, hub, sv)
    return index


def _page(parent, fi, sv, spec, starts_at, hours, **fields):
    key = demo_key(spec["key"])
    page = WorkshopPage.objects.filter(translation_key=key, locale=fi).first()
    created = page is None
    if created:
        page = WorkshopPage(
            title=spec["title"][0],
            slug=spec["slug"][0],
            introduction=spec["introduction"][0],
            audience=spec["audience"][0],
            address=spec["address"],
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=hours),
            locale=fi,
            translation_key=key,
            **fields,
        )
        parent.add_child(instance=page)
        page.themes.set(
            Theme.objects.filter(
                slug__in=spec.get(
                    "themes", ["liikunta", "yksinaisyys", "paihteiden-ehkaisy"]
                )
            )
        )
        page.municipalities.set(
            Area.objects.filter(code__in=spec.get("municipalities", []))
        )
        page.goals.set(
            GoalPage.objects.filter(locale=fi, number__in=spec.get("goals", [2, 5]))
        )
        page.save_revision().publish()
    if not WorkshopPage.objects.filter(translation_key=key, locale=sv).exists():

        def apply(shadow):
            shadow.title = spec["title"][1]
            shadow.slug = spec["slug"][1]
            shadow.introduction = spec["introduction"][1]
            shadow.audience = spec["audience"][1]
            if shadow.consent_text and "consent" in spec:
                shadow.consent_text = spec["consent"][1]

        translate(page, sv, apply)
    return page, created


def _past_signups(page, areas):
    """130 attendees: 78 association, 33 municipality, 19 welfare area."""
    plan = (
        [(OrganisationType.ASSOCIATION, 3)] * 26
        + [(OrganisationType.MUNICIPALITY, 3)] * 11
        + [(OrganisationType.WELFARE_AREA, 3)] * 6
        + [(OrganisationType.WELFARE_AREA, 1)]
    )
    now = timezone.now()
    signups = []
    for i, (kind, size) in enumerate(plan):
        at = page.starts_at - timedelta(days=20, minutes=-i * 37)
        signups.append(
            SignUp(
                workshop=page,
                status=SignUp.Status.CONFIRMED,
                party_size=size,
                language="sv" if i % 7 == 3 else "fi",
                organisation_type=kind,
                municipality=areas[MUNICIPALITIES[i % len(MUNICIPALITIES)]]
                if kind != OrganisationType.WELFARE_AREA
                else None,
                created_at=at,
                queued_at=at,
                anonymised_at=now,
                is_demo=True,
            )
        )
    SignUp.objects.bulk_create(signups)
    attendees = []
    n = 0
    for signup in SignUp.objects.filter(workshop=page).order_by("pk"):
        for _ in range(signup.party_size):
            n += 1
            attendees.append(Attendee(signup=signup, attended=n % 13 != 0))
    Attendee.objects.bulk_create(attendees)


UPCOMING_SIGNUPS = [
    # (name, organisation type, organisation, municipality, attendee names)
    (
        "Maija Demo",
        OrganisationType.ASSOCIATION,
        "Järvenpään Liikuntaseura ry",
        "186",
        ["Maija Demo", "Pekka Demo", "Liisa Demo", "Ari Demo", "Sari Demo"],
    ),
    (
        "Anna Demo",
        OrganisationType.MUNICIPALITY,
        "Tuusulan kunta",
        "858",
        ["Anna Demo", "Jussi Demo", "Outi Demo", "Timo Demo"],
    ),
    (
        "Elin Demo",
        OrganisationType.ASSOCIATION,
        "Idrottsföreningen i Tusby rf",
        "858",
        ["Elin Demo", "Johan Demo", "Stina Demo"],
    ),
    (
        "Keusote Demo",
        OrganisationType.WELFARE_AREA,
        "Keusote",
        None,
        ["Keusote Demo", "Hanna Demo", "Mikko Demo", "Riitta Demo"],
    ),
    ("Oskari Demo", OrganisationType.RESIDENT, "", "106", ["Oskari Demo"]),
    ("Sofia Demo", OrganisationType.RESIDENT, "", "543", ["Sofia Demo"]),
    (
        "Hyvinkään Eläkeläiset Demo",
        OrganisationType.ASSOCIATION,
        "Hyvinkään Eläkeläiset ry",
        "106",
        ["Aino Demo", "Eino Demo", "Toini Demo", "Veikko Demo", "Kerttu Demo"],
    ),
    (
        "Mäntsälän kunta Demo",
        OrganisationType.MUNICIPALITY,
        "Mäntsälän kunta",
        "505",
        ["Ville Demo", "Kaisa Demo"],
    ),
    ("Tiina Demo", OrganisationType.RESIDENT, "", "611", ["Tiina Demo"]),
    ("Lars Demo", OrganisationType.RESIDENT, "", "858", ["Lars Demo"]),
]
WAITING = (
    "Nurmijärven Nuorisoseura Demo",
    OrganisationType.ASSOCIATION,
    "Nurmijärven Nuorisoseura ry",
    "543",
    ["Emma Demo", "Leo Demo", "Aada Demo", "Onni Demo", "Ella Demo"],
)


def _upcoming_signups(page, areas):
    start = timezone.now() - timedelta(days=3)
    rows = [(row, SignUp.Status.CONFIRMED) for row in UPCOMING_SIGNUPS]
    rows.append((WAITING, SignUp.Status.WAITING))
    signups = []
    for i, ((name, kind, org, code, names), status) in enumerate(rows):
        at = start + timedelta(hours=i * 5)
        slug = name.split()[0].lower()
        signups.append(
            SignUp(
                workshop=page,
                status=status,
                party_size=len(names),
                language="sv" if name in ("Elin Demo", "Lars Demo") else "fi",
                name=name,
                email=f"{slug}.demo{i}@example.com",
                organisation_type=kind,
                organisation_name=org,
                organisation_key=organisation_key(org),
                municipality=areas.get(code),
                created_at=at,
                queued_at=at,
                consent=True,
                is_demo=True,
            )
        )
    SignUp.objects.bulk_create(signups)
    by_name = {s.name: s for s in SignUp.objects.filter(workshop=page)}
    Attendee.objects.bulk_create(
        [
            Attendee(signup=by_name[row[0]], name=person)
            for row, _status in rows
            for person in row[4]
        ]
    )


@transaction.atomic
def load(home_fi, fi, sv):
    areas = {a.code: a for a in Area.objects.filter(code__in=MUNICIPALITIES)}
    index = _index(home_fi, fi, sv)
    past, _ = _page(
        index,
        fi,
        sv,
        PAST,
        datetime(2020, 1, 30, 9, 0, tzinfo=HELSINKI),
        6,
        capacity=150,
        language_fi=True,
        language_sv=True,
        reminder_days=0,
    )
    if not SignUp.objects.filter(workshop=past).exists():
        _past_signups(past, areas)
    soon = (timezone.now() + timedelta(days=30)).astimezone(HELSINKI)
    upcoming, _ = _page(
        index,
        fi,
        sv,
        UPCOMING,
        soon.replace(hour=17, minute=0, second=0, microsecond=0),
        3,
        capacity=30,
        waitlist_limit=20,
        max_per_organisation=6,
        language_fi=True,
        language_sv=True,
        consent_text=UPCOMING["consent"][0],
        staff_email="tyopajat@example.com",
    )
    if not SignUp.objects.filter(workshop=upcoming).exists():
        _upcoming_signups(upcoming, areas)
    for page in (past, upcoming):
        place_under(page, index, sv)
    now = timezone.now().astimezone(HELSINKI)
    for spec in MORE:
        starts_at = spec.get("date") or (now + timedelta(days=spec["days"])).replace(
            hour=17, minute=0, second=0, microsecond=0
        )
        _page(
            index,
            fi,
            sv,
            spec,
            starts_at,
            spec["hours"],
            capacity=spec["capacity"],
            venue=spec.get("venue", "place"),
            language_fi=True,
            language_sv=True,
            reminder_days=0 if "date" in spec else 2,
        )
    return {"workshop signups": SignUp.objects.filter(is_demo=True).count()}
