"""Demo resident panel: the strategy mid-term evaluation panel with a few
hundred made-up applicants across the Keusote municipalities, a stratified
draw and one closed round with anonymous answers. All marked as demo data;
deterministic and idempotent (nothing is created twice)."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from website.core.demo import ensure_translated_page, participation_hub
from website.indicators.models import Area
from website.plan.models import GoalPage

from . import services
from .models import (
    Answer,
    BackgroundQuestion,
    ConsentVersion,
    Member,
    Panel,
    PanelDraw,
    PanelIndexPage,
    Question,
    Response,
    Round,
)

SLUG = "strategian-valiarviointi"
APPLICANTS = 320
SEATS = 60
SEED = 20250115
# Applicants are not representative on purpose (more from Järvenpää and more
# older people), so that the stratified draw has something to correct.
APPLY_WEIGHTS = {"106": 20, "186": 30, "505": 10, "543": 17, "611": 5, "858": 18}
AGE_WEIGHTS = {"18-29": 8, "30-44": 18, "45-64": 34, "65-74": 24, "75+": 16}

CONSENT_FI = (
    "Suostun siihen, että Keski-Uudenmaan hyvinvointialue käsittelee antamiani "
    "tietoja asukaspaneelin jäsenten valintaan ja paneelin kyselyihin. Voin "
    "perua suostumukseni ja poistaa tietoni milloin tahansa henkilökohtaisen "
    "linkkini kautta. (Demoaineistoa.)"
)
CONSENT_SV = (
    "Jag samtycker till att Mellersta Nylands välfärdsområde behandlar de "
    "uppgifter jag lämnar för att välja medlemmar till invånarpanelen och för "
    "panelens enkäter. Jag kan när som helst återkalla mitt samtycke och radera "
    "mina uppgifter via min personliga länk. (Demodata.)"
)
PRIVACY_FI = (
    "Rekisterinpitäjä: Keski-Uudenmaan hyvinvointialue. Tallennamme "
    "sähköpostiosoitteen, vapaaehtoisen nimen, asuinkunnan, ikäryhmän, "
    "asiointikielen ja taustatiedot. Vastaukset kyselyihin tallennetaan ilman "
    "nimeä ja sähköpostiosoitetta. Valitsematta jääneiden hakijoiden tiedot "
    "poistetaan puolen vuoden kuluttua valinnasta ja paneelista eronneiden 30 "
    "päivän kuluttua. (Demoaineistoa.)"
)
PRIVACY_SV = (
    "Personuppgiftsansvarig: Mellersta Nylands välfärdsområde. Vi sparar "
    "e-postadress, frivilligt namn, hemkommun, åldersgrupp, språk och "
    "bakgrundsuppgifter. Svaren på enkäterna sparas utan namn och e-postadress. "
    "Uppgifterna om sökande som inte valts raderas ett halvår efter urvalet och "
    "om dem som lämnat panelen efter 30 dagar. (Demodata.)"
)
BACKGROUND = [
    (
        "services",
        "Oletko käyttänyt hyvinvointialueen palveluja viimeisen vuoden aikana?",
        "Har du använt välfärdsområdets tjänster under det senaste året?",
        "Kyllä\nEi\nEn osaa sanoa",
        "Ja\nNej\nKan inte säga",
    ),
    (
        "household",
        "Millainen on kotitaloutesi?",
        "Hurdant är ditt hushåll?",
        "Asun yksin\nPari ilman lapsia\nLapsiperhe\nMuu",
        "Jag bor ensam\nPar utan barn\nBarnfamilj\nAnnat",
    ),
]
QUESTIONS = [
    (
        Question.Kind.SCALE,
        "Strategian tavoitteet näkyvät hyvinvointialueen palveluissa.",
        "Strategins mål syns i välfärdsområdets tjänster.",
        "",
        "",
    ),
    (
        Question.Kind.NPS,
        "Kuinka todennäköisesti suosittelisit hyvinvointialueen palveluja "
        "läheisellesi?",
        "Hur sannolikt är det att du skulle rekommendera välfärdsområdets "
        "tjänster till en närstående?",
        "",
        "",
    ),
    (
        Question.Kind.SINGLE,
        "Mikä strategian painopisteistä on sinulle tärkein?",
        "Vilket av strategins fokusområden är viktigast för dig?",
        "Hyvinvoinnin ja terveyden edistäminen\nPalvelujen saatavuus\n"
        "Asukkaiden osallisuus\nKestävä talous",
        "Främjande av välfärd och hälsa\nTillgång till tjänster\n"
        "Invånarnas delaktighet\nHållbar ekonomi",
    ),
    (
        Question.Kind.MULTIPLE,
        "Mitä kautta haluat saada tietoa palveluista?",
        "Hur vill du få information om tjänsterna?",
        "Verkkosivut\nSosiaalinen media\nPaikallislehti\nAsiakaskirje",
        "Webbplatsen\nSociala medier\nLokaltidningen\nKundbrev",
    ),
    (
        Question.Kind.TEXT,
        "Mitä hyvinvointialueen pitäisi tehdä toisin strategiakauden loppupuolella?",
        "Vad borde välfärdsområdet göra annorlunda under resten av strategiperioden?",
        "",
        "",
    ),
]
TEXTS = [
    "Enemmän tietoa siitä, mihin palautteemme on vaikuttanut. (demo)",
    "Lähipalvelut pitää säilyttää myös pienissä kunnissa. (demo)",
    "Jonot terveysasemalle ovat liian pitkät. (demo)",
    "Mer service på svenska i hälsostationerna. (demo)",
    "Nuorten mielenterveyspalveluihin lisää resursseja. (demo)",
]


def _weighted(rng, weights):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


INDEX = {
    "title": ("Asukaspaneelit", "Invånarpaneler"),
    "slug": ("asukaspaneelit", "invanarpaneler"),
    "introduction": (
        "<p>Asukaspaneeli on joukko asukkaita, jotka vastaavat muutamaan "
        "kyselyyn vuodessa ja kertovat, miten palvelut ja hyvinvoinnin "
        "edistäminen näkyvät arjessa. Jäsenet valitaan hakijoista arvalla niin, "
        "että paneeli vastaa alueen väestöä.</p>",
        "<p>En invånarpanel är en grupp invånare som svarar på några enkäter "
        "om året och berättar hur tjänsterna och främjandet av välfärd syns i "
        "vardagen. Medlemmarna lottas bland de sökande så att panelen "
        "motsvarar befolkningen i området.</p>",
    ),
}


def _index(home_fi, fi, sv):
    hub = participation_hub(home_fi, fi, sv)
    return ensure_translated_page(PanelIndexPage, "panel-index", hub, fi, sv, INDEX)


@transaction.atomic
def load(home_fi, fi, sv):
    _index(home_fi, fi, sv)
    panel = Panel.objects.filter(slug=SLUG).first()
    if panel is not None:
        return {"panel members": panel.members.count()}
    areas = {a.code: a for a in Area.objects.filter(code__in=APPLY_WEIGHTS)}
    panel = Panel.objects.create(
        slug=SLUG,
        name_fi="Strategian väliarvioinnin asukaspaneeli",
        name_sv="Invånarpanelen för strategins halvtidsutvärdering",
        purpose_fi=(
            "Keski-Uudenmaan hyvinvointialue arvioi strategiansa toteutumista "
            "kauden puolivälissä. Asukaspaneeli vastaa muutamaan kyselyyn "
            "vuoden aikana ja kertoo, miten strategian tavoitteet näkyvät "
            "arjessa.\n\nTämä on demopaneeli."
        ),
        purpose_sv=(
            "Mellersta Nylands välfärdsområde utvärderar hur strategin har "
            "genomförts vid halvtid. Invånarpanelen svarar på några enkäter "
            "under året och berättar hur strategins mål syns i vardagen.\n\n"
            "Detta är en demopanel."
        ),
        target_size=SEATS,
        recruitment_open=True,
        is_demo=True,
    )
    panel.municipalities.set(areas.values())
    consent = ConsentVersion.objects.create(
        panel=panel,
        version=1,
        consent_fi=CONSENT_FI,
        consent_sv=CONSENT_SV,
        privacy_fi=PRIVACY_FI,
        privacy_sv=PRIVACY_SV,
    )
    BackgroundQuestion.objects.bulk_create(
        BackgroundQuestion(
            panel=panel,
            key=key,
            text_fi=t_fi,
            text_sv=t_sv,
            choices_fi=c_fi,
            choices_sv=c_sv,
            sort_order=i,
        )
        for i, (key, t_fi, t_sv, c_fi, c_sv) in enumerate(BACKGROUND)
    )
    rng = random.Random(SEED)
    now = timezone.now()
    start = now - timedelta(days=120)
    muni_weights = {k: v for k, v in APPLY_WEIGHTS.items() if k in areas}
    members = []
    for i in range(APPLICANTS):
        code = _weighted(rng, muni_weights)
        joined = start + timedelta(hours=i)
        members.append(
            Member(
                panel=panel,
                email=f"demo-hakija-{i + 1:03d}@example.invalid",
                municipality=areas[code],
                age_group=_weighted(rng, AGE_WEIGHTS),
                language="sv" if rng.random() < 0.08 else "fi",
                background={"services": rng.randrange(3)},
                consent=consent,
                consented_at=joined,
                confirmed_at=joined + timedelta(minutes=10),
                created_at=joined,
                status_changed_at=joined,
                is_demo=True,
            )
        )
    Member.objects.bulk_create(members)
    services.draw(panel, PanelDraw.Method.STRATIFIED, size=SEATS, seed=SEED)
    _closed_round(panel, rng, now)
    Round.objects.create(
        panel=panel,
        title_fi="Kevään kysely: palvelujen saatavuus",
        title_sv="Vårens enkät: tillgången till tjänster",
        intro_fi="Luonnos, ei vielä lähetetty. (Demoaineistoa.)",
        intro_sv="Utkast, ännu inte skickat. (Demodata.)",
        is_demo=True,
    )
    return {"panel members": panel.members.count()}


def _closed_round(panel, rng, now):
    round_ = Round.objects.create(
        panel=panel,
        title_fi="Strategian väliarviointi: ensimmäinen kysely",
        title_sv="Strategins halvtidsutvärdering: första enkäten",
        intro_fi="Kysymykset koskevat hyvinvointistrategian toteutumista. (Demo.)",
        intro_sv="Frågorna gäller hur välfärdsstrategin har genomförts. (Demo.)",
        status=Round.Status.CLOSED,
        opened_at=now - timedelta(days=40),
        closes_at=now - timedelta(days=20),
        closed_at=now - timedelta(days=20),
        is_demo=True,
    )
    questions = Question.objects.bulk_create(
        Question(
            round=round_,
            kind=kind,
            text_fi=t_fi,
            text_sv=t_sv,
            choices_fi=c_fi,
            choices_sv=c_sv,
            sort_order=i,
        )
        for i, (kind, t_fi, t_sv, c_fi, c_sv) in enumerate(QUESTIONS)
    )
    members = list(
        panel.members.members()
        .order_by("pk")
        .values_list("municipality_id", "age_group", "language")
    )
    invited = {"total": len(members), "municipality": {}, "age_group": {}}
    for muni, age, _lang in members:
        key = str(muni)
        invited["municipality"][key] = invited["municipality"].get(key, 0) + 1
        invited["age_group"][age] = invited["age_group"].get(age, 0) + 1
    respondents = [m for m in members if rng.random() < 0.7]
    responded = {"total": len(respondents), "municipality": {}, "age_group": {}}
    for muni, age, _lang in respondents:
        key = str(muni)
        responded["municipality"][key] = responded["municipality"].get(key, 0) + 1
        responded["age_group"][age] = responded["age_group"].get(age, 0) + 1
    round_.invited_counts = invited
    round_.responded_counts = responded
    round_.save(update_fields=["invited_counts", "responded_counts"])
    # Responses carry nothing but the round (and the day it opened).
    responses = Response.objects.bulk_create(
        Response(round=round_, submitted_on=round_.opened_at.date())
        for _respondent in respondents
    )
    answers = []
    for response in responses:
        for question in questions:
            if question.kind == Question.Kind.SCALE:
                value = rng.choices([1, 2, 3, 4, 5], weights=[1, 3, 5, 6, 2])[0]
                answers.append(
                    Answer(response=response, question=question, value=value)
                )
            elif question.kind == Question.Kind.NPS:
                value = min(10, max(0, round(rng.gauss(7, 2))))
                answers.append(
                    Answer(response=response, question=question, value=value)
                )
            elif question.kind == Question.Kind.SINGLE:
                answers.append(
                    Answer(response=response, question=question, value=rng.randrange(4))
                )
            elif question.kind == Question.Kind.MULTIPLE:
                for value in sorted(rng.sample(range(4), rng.randint(1, 3))):
                    answers.append(
                        Answer(response=response, question=question, value=value)
                    )
            elif rng.random() < 0.3:
                answers.append(
                    Answer(response=response, question=question, text=rng.choice(TEXTS))
                )
    Answer.objects.bulk_create(answers)
    # The mid-term review asks about the plan's first goal (see the seeds).
    round_.goals.set(
        GoalPage.objects.filter(locale__language_code="fi", number__in=[1])
    )
    return round_
