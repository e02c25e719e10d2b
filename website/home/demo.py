"""The demo's composed home page, fi and sv (issue 19): built once, after
every other demo loader, from the pages they made. Texts follow the seed
documents (the Keusote welfare plan 2020–2025, the resident panel of the
Keski-Suomi report). Also marks the services' top pages "show in menus".

The publishing side does not import the participation side: its pages are
found by content type name, the panel by URL name.
"""

from django.apps import apps
from django.utils import translation
from wagtail.models import Page

from website.core.translation import translate

# (app label, model): the services' top pages, in menu order.
SERVICES = [
    ("plan", "planpage"),
    ("report", "reportindexpage"),
    ("associations", "associationmappage"),
    ("feedback", "feedbackformpage"),
    ("analytics", "participationsummarypage"),
]
# Their children that the menu shows (the plan's goals).
MENU_CHILDREN = [("plan", "goalpage")]

TEXTS = {
    "hero": (
        "Hyvinvointia ja terveyttä yhdessä",
        "Välfärd och hälsa tillsammans",
    ),
    "hero_text": (
        "<p>Keski-Uudenmaan hyvinvointialue edistää asukkaiden hyvinvointia ja "
        "terveyttä yhdessä kuntien, järjestöjen ja seurakuntien kanssa. Täältä "
        "löydät alueellisen hyvinvointisuunnitelman tavoitteet ja toimenpiteet "
        "sekä niiden etenemisen.</p>",
        "<p>Välfärdsområdet i Mellersta Nyland främjar invånarnas välfärd och "
        "hälsa tillsammans med kommunerna, föreningarna och församlingarna. Här "
        "hittar du den regionala välfärdsplanens mål och åtgärder och hur de "
        "framskrider.</p>",
    ),
    "hero_link": ("Tutustu hyvinvointisuunnitelmaan", "Läs välfärdsplanen"),
    "services": ("Mitä täältä löydät", "Det här hittar du här"),
    ("plan", "planpage"): (
        "Alueellisen hyvinvointisuunnitelman seitsemän tavoitetta, niiden "
        "toimenpiteet ja eteneminen.",
        "Den regionala välfärdsplanens sju mål, deras åtgärder och hur de framskrider.",
    ),
    ("report", "reportindexpage"): (
        "Hyvinvointikertomus: kuntien ja koko alueen hyvinvoinnin tunnusluvut.",
        "Välfärdsberättelsen: nyckeltal för kommunernas och hela områdets välfärd.",
    ),
    ("associations", "associationmappage"): (
        "Yhdistysten, kuntien ja seurakuntien hyvinvointia tukeva toiminta "
        "kartalla ja luettelona.",
        "Föreningarnas, kommunernas och församlingarnas verksamhet för välfärd "
        "på en karta och i en lista.",
    ),
    ("feedback", "feedbackformpage"): (
        "Kerro, mikä toimii ja mitä pitäisi parantaa.",
        "Berätta vad som fungerar och vad som borde bli bättre.",
    ),
    ("analytics", "participationsummarypage"): (
        "Mitä asukkaat ovat kertoneet palautteessa, työpajoissa ja paneeleissa.",
        "Vad invånarna har sagt i respons, workshoppar och paneler.",
    ),
    "workshops": (
        "Tulevat työpajat ja tapahtumat",
        "Kommande workshoppar och evenemang",
    ),
    "news": (
        "Ajankohtaista suunnitelmasta ja kertomuksesta",
        "Aktuellt om planen och berättelsen",
    ),
    "feedback": ("Anna palautetta", "Ge respons"),
    "feedback_text": (
        "<p>Palautteesi ohjaa hyvinvointialueen palvelujen kehittämistä. Voit "
        "antaa palautetta nimettömänä.</p>",
        "<p>Din respons styr hur välfärdsområdets tjänster utvecklas. Du kan ge "
        "respons anonymt.</p>",
    ),
    "panel": ("Liity asukaspaneeliin", "Gå med i invånarpanelen"),
    "panel_text": (
        "<p>Asukaspaneeli kysyy asukkaiden näkemyksiä hyvinvointialueen "
        "palveluista ja suunnitelmista muutaman kerran vuodessa. Vastaaminen "
        "vie vain hetken, ja voit erota paneelista milloin tahansa.</p>",
        "<p>Invånarpanelen frågar invånarna om deras syn på välfärdsområdets "
        "tjänster och planer några gånger om året. Det tar bara en stund att "
        "svara och du kan lämna panelen när som helst.</p>",
    ),
    "panel_link": ("Liity paneeliin", "Gå med i panelen"),
}


TRANSLATED_FIELDS = ("heading", "text", "link_text", "link_url")


def _pages(locale, app_label, model):
    return Page.objects.live().filter(
        locale=locale,
        content_type__app_label=app_label,
        content_type__model=model,
    )


def _panel_url():
    try:
        panel = apps.get_model("panels", "Panel").objects.order_by("pk").first()
    except LookupError:
        return ""
    if panel is None:
        return ""
    with translation.override("fi"):
        return panel.route_url()


def _body(fi, index):
    """The home page's blocks in language `index` (0 fi, 1 sv); the pages
    chosen are the Finnish ones (wagtail-localize maps them)."""
    text = {key: value[index] for key, value in TEXTS.items()}
    services = [(spec, _pages(fi, *spec).first()) for spec in SERVICES]
    services = [(spec, page) for spec, page in services if page is not None]
    plan = _pages(fi, "plan", "planpage").first()
    body = [
        {
            "type": "hero",
            "value": {
                "heading": text["hero"],
                "text": text["hero_text"],
                "image": None,
                "link_page": plan.pk if plan else None,
                "link_text": text["hero_link"],
            },
        },
        {
            "type": "services",
            "value": {
                "heading": text["services"],
                "cards": [
                    {"page": page.pk, "text": text[spec]} for spec, page in services
                ],
            },
        },
        {
            "type": "upcoming_workshops",
            "value": {"heading": text["workshops"], "count": 3, "all_page": None},
        },
        {
            "type": "latest_news",
            "value": {
                "heading": text["news"],
                "parents": [
                    page.pk
                    for spec in (("plan", "planpage"), ("report", "reportindexpage"))
                    for page in _pages(fi, *spec)[:1]
                ],
                "pages": [],
                "count": 4,
            },
        },
    ]
    feedback = _pages(fi, "feedback", "feedbackformpage").first()
    if feedback is not None:
        body.append(
            {
                "type": "feedback",
                "value": {
                    "heading": text["feedback"],
                    "text": text["feedback_text"],
                    "link_page": feedback.pk,
                    "link_url": "",
                    "link_text": text["feedback"],
                },
            }
        )
    # The panels' page (chosen, so each language links its own translation);
    # before the panels became pages, the first panel's address.
    panels = _pages(fi, "panels", "panelindexpage").first()
    panel_url = "" if panels else _panel_url()
    if panels or panel_url:
        body.append(
            {
                "type": "panel_invitation",
                "value": {
                    "heading": text["panel"],
                    "text": text["panel_text"],
                    "link_page": panels.pk if panels else None,
                    "link_url": panel_url,
                    "link_text": text["panel_link"],
                },
            }
        )
    return body


def _show_in_menus(fi, sv):
    for spec in SERVICES + MENU_CHILDREN:
        for locale in (fi, sv):
            for page in _pages(locale, *spec).filter(show_in_menus=False):
                page = page.specific
                page.show_in_menus = True
                page.save_revision().publish()


def compose_home(home_fi, fi, sv):
    """Once: an empty home page body gets the demo's blocks in both
    languages; what staff composed since is kept."""
    home_fi.refresh_from_db()
    if home_fi.body:
        return {"home blocks": 0}
    _show_in_menus(fi, sv)
    home_fi.body = _body(fi, 0)
    home_fi.introduction = ""
    home_fi.save_revision().publish()
    home_fi.refresh_from_db()
    swedish = home_fi.body.stream_block.to_python(_body(fi, 1))

    def apply(shadow):
        # Texts only, in place: the blocks (and list items) keep their ids,
        # which the translation segments' paths are made of.
        shadow.introduction = ""
        for block, target in zip(shadow.body, swedish, strict=True):
            for key in TRANSLATED_FIELDS:
                if key in block.value:
                    block.value[key] = target.value[key]
            for card, target_card in zip(
                block.value.get("cards", []), target.value.get("cards", []), strict=True
            ):
                card["text"] = target_card["text"]

    translate(home_fi, sv, apply)
    return {"home blocks": len(home_fi.body)}
