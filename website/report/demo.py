"""The demo welfare report 2024, in Finnish with our Swedish translation.

Its charts use the deck's real baselines plus the demo years that
website.indicators.demo adds (marked as demo data on the page)."""

import datetime

from django.db import transaction
from wagtail.rich_text import RichText

from website.core.demo import demo_key
from website.core.translation import translate
from website.indicators.models import Indicator
from website.plan.models import PlanPage

from .models import ReportIndexPage, ReportPage

INDEX = {
    "title": ("Hyvinvointikertomukset", "Välfärdsberättelser"),
    "slug": ("hyvinvointikertomus", "valfardsberattelse"),
    "introduction": (
        "<p>Hyvinvointikertomus kertoo vuosittain, miten alueen asukkaiden "
        "hyvinvointi ja terveys ovat kehittyneet ja miten hyvinvointisuunnitelman "
        "toimenpiteet etenevät.</p>",
        "<p>Välfärdsberättelsen beskriver varje år hur invånarnas välfärd och "
        "hälsa har utvecklats och hur välfärdsplanens åtgärder framskrider.</p>",
    ),
}

REPORT = {
    "title": ("Hyvinvointikertomus 2024", "Välfärdsberättelse 2024"),
    "slug": ("2024", "2024"),
    "introduction": (
        "<p>Keski-Uudenmaan hyvinvointikertomus 2024 kokoaa alueen ja kuntien "
        "hyvinvointi-indikaattorit sekä hyvinvointisuunnitelman ja ohjelmien "
        "tilanteen aluevaltuustolle ja asukkaille.</p>"
        "<p>Demoaineisto: vuosien 2017–2023 indikaattoriarvot ovat keksittyjä "
        "esimerkkilukuja, ja ne on merkitty sivulla demoaineistoksi.</p>",
        "<p>Välfärdsberättelsen 2024 för Mellersta Nyland samlar områdets och "
        "kommunernas välfärdsindikatorer samt läget för välfärdsplanen och "
        "programmen för välfärdsfullmäktige och invånarna.</p>"
        "<p>Demodata: indikatorvärdena för åren 2017–2023 är påhittade "
        "exempelsiffror och märkta som demodata på sidan.</p>",
    ),
}

TEXT = {
    "heading": ("Yhteenveto", "Sammanfattning"),
    "body": (
        "<p>Sairastavuus on alueella edelleen koko maata vähäisempää, mutta "
        "kuntien väliset erot ovat pysyneet suurina. Hyvinkään ja Järvenpään "
        "sairastavuus- ja mielenterveysindeksit ovat alueen korkeimmat.</p>"
        "<p>Hyvinvointisuunnitelman toimenpiteistä suurin osa on käynnissä tai "
        "valmis. Seuraavalla kaudella painopiste on riskiryhmien tavoittamisessa.</p>",
        "<p>Sjukligheten i området är fortfarande lägre än i hela landet, men "
        "skillnaderna mellan kommunerna är fortfarande stora. Hyvinges och "
        "Träskändas sjuklighetsindex och index för psykisk ohälsa är de högsta i "
        "området.</p>"
        "<p>De flesta av välfärdsplanens åtgärder pågår eller är klara. Under "
        "nästa period ligger tyngdpunkten på att nå riskgrupperna.</p>",
    ),
}

HEADINGS = {
    "morbidity": ("Sairastavuus vuosina 2016–2023", "Sjukligheten 2016–2023"),
    "mental": (
        "Mielenterveysindeksi kunnittain",
        "Index för psykisk ohälsa per kommun",
    ),
    "progress": (
        "Hyvinvointisuunnitelman toimenpiteiden tilanne",
        "Läget för välfärdsplanens åtgärder",
    ),
    "programs": ("Ohjelmien tilannekatsaus", "Lägesöversikt över programmen"),
}
NOTE = (
    "Mitä pienempi indeksi, sitä vähemmän sairastavuutta.",
    "Ju lägre index, desto mindre sjuklighet.",
)


def _body(plan, period):
    morbidity = Indicator.objects.filter(code="morbidity_index").first()
    mental = Indicator.objects.filter(code="mental_health_index").first()
    body = [
        (
            "text",
            {"heading": TEXT["heading"][0], "body": RichText(TEXT["body"][0])},
        )
    ]
    if morbidity:
        body.append(
            (
                "indicator_chart",
                {
                    "heading": HEADINGS["morbidity"][0],
                    "indicator": morbidity,
                    "note": NOTE[0],
                },
            )
        )
    if mental:
        body.append(
            (
                "municipality_comparison",
                {
                    "heading": HEADINGS["mental"][0],
                    "indicator": mental,
                    "year": None,
                    "note": "",
                },
            )
        )
    if plan:
        body.append(
            ("plan_progress", {"heading": HEADINGS["progress"][0], "plan": plan})
        )
    if period:
        body.append(
            (
                "program_overview",
                {"heading": HEADINGS["programs"][0], "period": period},
            )
        )
    return body


def _swedish_body(shadow):
    keys = {
        "indicator_chart": "morbidity",
        "municipality_comparison": "mental",
        "plan_progress": "progress",
        "program_overview": "programs",
    }
    for block in shadow.body:
        if block.block_type == "text":
            block.value["heading"] = TEXT["heading"][1]
            block.value["body"] = RichText(TEXT["body"][1])
        else:
            block.value["heading"] = HEADINGS[keys[block.block_type]][1]
        if block.block_type == "indicator_chart":
            block.value["note"] = NOTE[1]


def _latest_period():
    try:
        from website.programs.models import ReportingPeriod
    except ImportError:  # the programs app is optional for the report
        return None
    return ReportingPeriod.objects.filter(year=2024).order_by("-pk").first()


@transaction.atomic
def load_report(home_fi, fi, sv):
    index_key = demo_key("report-index")
    index = ReportIndexPage.objects.filter(translation_key=index_key, locale=fi).first()
    if index is None:
        index = ReportIndexPage(
            title=INDEX["title"][0],
            slug=INDEX["slug"][0],
            introduction=INDEX["introduction"][0],
            locale=fi,
            translation_key=index_key,
            show_in_menus=True,
        )
        home_fi.add_child(instance=index)
        index.save_revision().publish()
    if not ReportIndexPage.objects.filter(translation_key=index_key, locale=sv):

        def apply_index(shadow):
            shadow.title = INDEX["title"][1]
            shadow.slug = INDEX["slug"][1]
            shadow.introduction = INDEX["introduction"][1]

        translate(index, sv, apply_index)

    report_key = demo_key("report-2024")
    report = ReportPage.objects.filter(translation_key=report_key, locale=fi).first()
    if report is None:
        plan = PlanPage.objects.filter(locale=fi).first()
        report = ReportPage(
            title=REPORT["title"][0],
            slug=REPORT["slug"][0],
            year=2024,
            report_date=datetime.date(2024, 12, 31),
            introduction=REPORT["introduction"][0],
            body=_body(plan, _latest_period()),
            locale=fi,
            translation_key=report_key,
        )
        index.add_child(instance=report)
        report.save_revision().publish()
    if not ReportPage.objects.filter(translation_key=report_key, locale=sv):

        def apply_report(shadow):
            shadow.title = REPORT["title"][1]
            shadow.slug = REPORT["slug"][1]
            shadow.introduction = REPORT["introduction"][1]
            _swedish_body(shadow)

        translate(report, sv, apply_report)
    return {"reports": ReportPage.objects.count()}
