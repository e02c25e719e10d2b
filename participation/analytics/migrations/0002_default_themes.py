"""A starting taxonomy for service feedback; staff edit it in the admin."""

from django.db import migrations

THEMES = [
    ("waiting", "Odotus ja jonot", "Väntan och köer",
     "odotusaika, jono, jonottaa, odottaa, ajanvaraus, viive, takaisinsoitto",
     "väntetid, kö, köa, köade, vänta, tidsbokning, fördröjning, återuppringning"),
    ("staff", "Henkilökunnan kohtelu", "Personalens bemötande",
     "ystävällinen, kohtelu, kohdella, asiallinen, töykeä, tyly, henkilökunta, "
     "ammattitaitoinen, kohtelias, epäkohtelias, kuunnella",
     "bemötande, vänlig, trevlig, otrevlig, personal, professionell, artig, "
     "oartig, ohövlig, lyssna"),
    ("care", "Hoito ja palvelun laatu", "Vård och servicens kvalitet",
     "hoito, hoitaa, lääkäri, hoitaja, tutkimus, diagnoosi, lääke, kuntoutus",
     "vård, vårda, läkare, skötare, sjukskötare, undersökning, diagnos, medicin, "
     "rehabilitering"),
    ("access", "Saavutettavuus ja tilat", "Tillgänglighet och lokaler",
     "esteettömyys, esteetön, pysäköinti, parkkipaikka, opaste, hissi, "
     "pyörätuoli, odotustila, siisteys",
     "tillgänglighet, parkering, skylt, skyltning, hiss, rullstol, lokal, "
     "väntrum, städning"),
    ("information", "Tiedonkulku ja ohjeet", "Information och anvisningar",
     "tieto, tiedottaa, ohje, ohjeistus, puhelin, soittaa, kirje, viesti, "
     "epäselvä, selkeä",
     "information, informera, anvisning, telefon, ringa, brev, meddelande, "
     "oklar, tydlig"),
    ("language", "Kieli ja tulkkaus", "Språk och tolkning",
     "ruotsi, ruotsinkielinen, kieli, äidinkieli, tulkki, tulkkaus, selkokieli",
     "svenska, svenskspråkig, språk, modersmål, tolk, tolkning, lättläst"),
    ("digital", "Digitaaliset palvelut", "Digitala tjänster",
     "verkkosivu, sivusto, sovellus, chat, kirjautua, kirjautuminen, "
     "sähköinen, etävastaanotto, verkko, verkkoasiointi",
     "webbplats, webbsida, app, applikation, chatt, logga, inloggning, "
     "elektronisk, distansmottagning"),
    ("cost", "Maksut ja laskutus", "Avgifter och fakturering",
     "maksu, hinta, lasku, laskutus, asiakasmaksu, kallis",
     "avgift, pris, faktura, fakturering, klientavgift, dyr"),
]


def create(apps, schema_editor):
    TextTheme = apps.get_model("analytics", "TextTheme")
    for order, (slug, fi, sv, kw_fi, kw_sv) in enumerate(THEMES):
        TextTheme.objects.get_or_create(
            slug=slug,
            defaults={
                "name_fi": fi,
                "name_sv": sv,
                "keywords_fi": kw_fi,
                "keywords_sv": kw_sv,
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("analytics", "0001_text_themes")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
