"""Classify feedback free text at write time (themes and tone).

A signal analyses each saved feedback; `analyse_feedback` (management
command) re-runs it over everything, e.g. after staff change the theme
keywords. Dashboards then count analyses with SQL.
"""

from django.db import transaction

from . import text
from .models import FeedbackAnalysis, TextTheme

BATCH = 2000


def _compiled():
    themes = list(TextTheme.objects.all())
    ids = {theme.slug: theme.pk for theme in themes}
    return ids, {lang: text.compile_themes(themes, lang) for lang in ("fi", "sv")}


@transaction.atomic
def analyse(feedback_rows, compiled=None):
    """Store the analysis of (pk, text, language) rows, replacing old ones."""
    ids, compiled = compiled or _compiled()
    rows = [(pk, t, lang) for pk, t, lang in feedback_rows if (t or "").strip()]
    if not rows:
        return 0
    pks = [pk for pk, _t, _l in rows]
    FeedbackAnalysis.objects.filter(feedback_id__in=pks).delete()
    analyses, links = [], []
    Through = FeedbackAnalysis.themes.through
    for pk, body, language in rows:
        result = text.analyse(
            body, language, compiled["sv" if language == "sv" else "fi"]
        )
        analyses.append(FeedbackAnalysis(feedback_id=pk, tone=result.tone))
        links.extend(
            Through(feedbackanalysis_id=pk, texttheme_id=ids[slug])
            for slug in result.themes
        )
    FeedbackAnalysis.objects.bulk_create(analyses, batch_size=BATCH)
    Through.objects.bulk_create(links, batch_size=BATCH)
    return len(analyses)


def analyse_all(queryset, write=lambda message: None):
    """Re-analyse every feedback of `queryset` that has text, in batches."""
    compiled = _compiled()
    total = 0
    rows = (
        queryset.exclude(text="").order_by("pk").values_list("pk", "text", "language")
    )
    batch = []
    for row in rows.iterator(chunk_size=BATCH):
        batch.append(row)
        if len(batch) >= BATCH:
            total += analyse(batch, compiled)
            batch = []
    total += analyse(batch, compiled)
    from .summary import rebuild

    rebuild()  # bulk: the per-save refresh did not run for these counts
    write(f"analysed {total} answers")
    return total


def on_feedback_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if (instance.text or "").strip():
        analyse([(instance.pk, instance.text, instance.language)])
