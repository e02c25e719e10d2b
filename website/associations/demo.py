"""Demo association map: the theme and target-group lists, the map page in
both languages, and thirty made-up associations (five kinds in each Keusote
municipality), each marked as demo data. Deterministic and idempotent."""

from decimal import Decimal

from django.db import transaction

from website.core.demo import ensure_translated_page
from website.indicators.models import Area

from . import search
from .models import Activity, Association, AssociationMapPage, TargetGroup, Theme

THEMES = [
    ("liikunta", "Liikunta", "Motion"),
    ("mielen-hyvinvointi", "Mielen hyvinvointi", "Psykiskt välbefinnande"),
    ("yksinaisyys", "Yksinäisyys", "Ensamhet"),
    (
        "paihteiden-ehkaisy",
        "Päihteiden käytön ehkäisy",
        "Förebyggande av rusmedelsbruk",
    ),
    ("lapset-ja-perheet", "Lapset ja perheet", "Barn och familjer"),
    ("ikaantyneet", "Ikääntyneet", "Äldre"),
    ("vammaisuus", "Vammaisuus", "Funktionsnedsättning"),
    ("kulttuuri", "Kulttuuri", "Kultur"),
    ("tyollisyys", "Työllisyys", "Sysselsättning"),
]
TARGET_GROUPS = [
    ("lapset", "Lapset", "Barn"),
    ("nuoret", "Nuoret", "Unga"),
    ("perheet", "Perheet", "Familjer"),
    ("tyoikaiset", "Työikäiset", "Personer i arbetsför ålder"),
    ("ikaantyneet", "Ikääntyneet", "Äldre"),
    ("vammaiset", "Vammaiset henkilöt", "Personer med funktionsnedsättning"),
    ("maahan-muuttaneet", "Maahan muuttaneet", "Invandrare"),
]
# code: (genitive in Finnish, Swedish name, latitude, longitude of the centre)
PLACES = {
    "106": ("Hyvinkään", "Hyvinge", "60.6305", "24.8597"),
    "186": ("Järvenpään", "Träskända", "60.4737", "25.0899"),
    "505": ("Mäntsälän", "Mäntsälä", "60.6339", "25.3174"),
    "543": ("Nurmijärven", "Nurmijärvi", "60.4641", "24.8073"),
    "611": ("Pornaisten", "Borgnäs", "60.4755", "25.3741"),
    "858": ("Tuusulan", "Tusby", "60.4034", "25.0264"),
}
KINDS = [
    {
        "key": "mt",
        "name": (
            "{fi} Mielenterveysyhdistys ry",
            "Föreningen för psykisk hälsa i {sv}",
        ),
        "description": (
            "Vertaistukea ja matalan kynnyksen toimintaa mielen hyvinvoinnin tueksi. "
            "Demoaineistoa.",
            "Kamratstöd och verksamhet med låg tröskel till stöd för psykiskt "
            "välbefinnande. Demodata.",
        ),
        "themes": ["mielen-hyvinvointi", "yksinaisyys"],
        "groups": ["tyoikaiset"],
        "sv": True,
        "activity": (
            ("Vertaistukiryhmä", "Kamratstödsgrupp"),
            ("Tiistaisin klo 17–18.30", "Tisdagar kl. 17–18.30"),
        ),
    },
    {
        "key": "elakelaiset",
        "name": ("{fi} Eläkeläiset ry", "Pensionärerna i {sv} rf"),
        "description": (
            "Kerhoja, retkiä ja tuolijumppaa eläkeläisille. Demoaineistoa.",
            "Klubbar, utflykter och stolgympa för pensionärer. Demodata.",
        ),
        "themes": ["ikaantyneet", "yksinaisyys", "liikunta"],
        "groups": ["ikaantyneet"],
        "sv": False,
        "activity": (
            ("Tuolijumppa", "Stolgympa"),
            ("Maanantaisin klo 10–11", "Måndagar kl. 10–11"),
        ),
    },
    {
        "key": "liikunta",
        "name": ("{fi} Liikuntaseura ry", "Idrottsföreningen i {sv} rf"),
        "description": (
            "Liikuntaa kaikenikäisille, myös vähän liikkuville. Demoaineistoa.",
            "Motion för alla åldrar, också för dem som rör sig lite. Demodata.",
        ),
        "themes": ["liikunta"],
        "groups": ["lapset", "nuoret", "tyoikaiset"],
        "sv": True,
        "activity": (
            ("Matalan kynnyksen kuntosaliryhmä", "Gymgrupp med låg tröskel"),
            ("Torstaisin klo 18–19", "Torsdagar kl. 18–19"),
        ),
    },
    {
        "key": "perhe",
        "name": ("{fi} Perhetalo ry", "Familjehuset i {sv} rf"),
        "description": (
            "Avointa kohtaamispaikkatoimintaa lapsiperheille. Demoaineistoa.",
            "Öppen mötesplats för barnfamiljer. Demodata.",
        ),
        "themes": ["lapset-ja-perheet"],
        "groups": ["perheet", "lapset", "maahan-muuttaneet"],
        "sv": True,
        "activity": (
            ("Perhekahvila", "Familjecafé"),
            ("Keskiviikkoisin klo 9.30–12", "Onsdagar kl. 9.30–12"),
        ),
    },
    {
        "key": "nuoriso",
        "name": ("{fi} Nuorisoseura ry", "Ungdomsföreningen i {sv} rf"),
        "description": (
            "Päihteetöntä harrastustoimintaa ja tapahtumia nuorille. Demoaineistoa.",
            "Rusmedelsfri hobbyverksamhet och evenemang för unga. Demodata.",
        ),
        "themes": ["paihteiden-ehkaisy", "kulttuuri"],
        "groups": ["nuoret"],
        "sv": False,
        "activity": (
            ("Nuorten teatteriryhmä", "Teatergrupp för unga"),
            ("Perjantaisin klo 16–18", "Fredagar kl. 16–18"),
        ),
    },
]
MAP_PAGE = {
    "title": ("Yhdistyskartta", "Föreningskarta"),
    "slug": ("yhdistyskartta", "foreningskarta"),
    "introduction": (
        "<p>Löydä yhdistykset ja niiden toiminta lähelläsi. Yhdistykset "
        "päivittävät tietonsa itse. Kartan yhdistykset ovat demoaineistoa.</p>",
        "<p>Hitta föreningar och deras verksamhet nära dig. Föreningarna "
        "uppdaterar själva sina uppgifter. Föreningarna på kartan är demodata.</p>",
    ),
}


def _terms(model, rows):
    for i, (slug, fi, sv) in enumerate(rows):
        model.objects.get_or_create(
            slug=slug, defaults={"name_fi": fi, "name_sv": sv, "sort_order": i}
        )
    return {term.slug: term for term in model.objects.all()}


def _map_page(home_fi, fi, sv):
    return ensure_translated_page(
        AssociationMapPage,
        "association-map",
        home_fi,
        fi,
        sv,
        MAP_PAGE,
        show_in_menus=True,
    )


@transaction.atomic
def load_associations(home_fi, fi, sv):
    themes = _terms(Theme, THEMES)
    groups = _terms(TargetGroup, TARGET_GROUPS)
    _map_page(home_fi, fi, sv)
    areas = {a.code: a for a in Area.objects.filter(code__in=PLACES)}
    with search.deferred():
        _create(areas, themes, groups)
    # load_demo rebuilds the search index after every loader.
    search.sync(
        list(Association.objects.filter(is_demo=True).values_list("pk", flat=True)),
        index=False,
    )
    return {"associations": Association.objects.count()}


def _create(areas, themes, groups):
    for m, (code, (gen, sv_name, lat, lon)) in enumerate(sorted(PLACES.items())):
        for k, kind in enumerate(KINDS):
            slug = f"demo-{kind['key']}-{code}"
            if Association.objects.filter(slug=slug).exists():
                continue
            # Spread the markers a little around the centre, deterministically.
            offset = Decimal(k - 2) * Decimal("0.006")
            association = Association.objects.create(
                slug=slug,
                name_fi=kind["name"][0].format(fi=gen, sv=sv_name),
                name_sv=kind["name"][1].format(fi=gen, sv=sv_name),
                description_fi=kind["description"][0],
                description_sv=kind["description"][1],
                serves_fi=True,
                serves_sv=kind["sv"] or code in ("186", "858"),
                email=f"{kind['key']}.{code}@yhdistys.example",
                city=areas[code].name_fi if code in areas else "",
                latitude=Decimal(lat) + offset,
                longitude=Decimal(lon) + offset * (1 if m % 2 else -1),
                accessibility_fi="Esteetön sisäänkäynti. Demoaineistoa.",
                accessibility_sv="Tillgänglig ingång. Demodata.",
                published=True,
                is_demo=True,
            )
            if code in areas:
                association.municipalities.add(areas[code])
            association.themes.add(*[themes[t] for t in kind["themes"]])
            association.target_groups.add(*[groups[g] for g in kind["groups"]])
            name, schedule = kind["activity"]
            Activity.objects.create(
                association=association,
                name_fi=name[0],
                name_sv=name[1],
                schedule_fi=schedule[0],
                schedule_sv=schedule[1],
                place=association.city,
                is_free=k != 2,
                price="" if k != 2 else "2 €",
                language=Activity.Language.MULTI
                if kind["sv"]
                else Activity.Language.FI,
            )
