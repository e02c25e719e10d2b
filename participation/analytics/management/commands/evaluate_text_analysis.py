import json
from pathlib import Path

from django.core.management.base import BaseCommand

from participation.analytics import text
from participation.analytics.models import TextTheme
from website.search.analysis import voikko_available

SAMPLE = Path(__file__).resolve().parents[2] / "labelled_sample.json"


class Command(BaseCommand):
    help = (
        "Measure the free-text themes and tone against a hand-labelled sample "
        "(default: the one shipped with the app) and print the agreement."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sample", type=Path, default=SAMPLE)

    def handle(self, sample, **options):
        items = json.loads(sample.read_text(encoding="utf-8"))
        themes = list(TextTheme.objects.all())
        compiled = {lang: text.compile_themes(themes, lang) for lang in ("fi", "sv")}
        self.stdout.write(
            f"Finnish analysis: {'Voikko' if voikko_available() else 'Snowball'}"
        )
        for label, subset in (
            ("all", items),
            ("fi", [i for i in items if i["language"] == "fi"]),
            ("sv", [i for i in items if i["language"] == "sv"]),
        ):
            r = text.evaluate(subset, compiled)
            self.stdout.write(
                f"{label}: n={r['n']} tone accuracy {r['tone_accuracy']:.0%}, "
                f"themes precision {r['theme_precision']:.0%} recall "
                f"{r['theme_recall']:.0%} F1 {r['theme_f1']:.2f}"
            )
