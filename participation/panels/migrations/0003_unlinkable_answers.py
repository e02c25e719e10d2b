"""Audit findings 2 and 5: answers that cannot be linked to members and that
hold each value of a question once.

Before the schema change, the data is carried over: the invitations' times
become flags, the closed rounds get their response counts by municipality
and age group from the responses' stratum (which is then dropped), every
response's date becomes the day its round opened, and repeated values of one
question in one response (the stuffing) are reduced to one.
"""

from collections import Counter

from django.db import migrations, models
from django.db.models import Count, Min
from django.utils import timezone



def forward(apps, schema_editor):
    Round = apps.get_model("panels", "Round")
    RoundInvitation = apps.get_model("panels", "RoundInvitation")
    Response = apps.get_model("panels", "Response")
    Answer = apps.get_model("panels", "Answer")
    RoundInvitation.objects.filter(answered_at__isnull=False).update(answered=True)
    RoundInvitation.objects.filter(reminded_at__isnull=False).update(reminded=True)
    for round_ in Round.objects.all():
        responses = Response.objects.filter(round=round_)
        if round_.status == "closed":
            by_muni = Counter()
            by_age = Counter()
            for muni, age in responses.values_list("municipality_id", "age_group"):
                if muni is not None:
                    by_muni[str(muni)] += 1
                if age:
                    by_age[age] += 1
            round_.responded_counts = {
                "total": responses.count(),
                "municipality": dict(by_muni),
                "age_group": dict(by_age),
            }
            round_.save(update_fields=["responded_counts"])
        if round_.opened_at is not None:
            responses.update(submitted_on=timezone.localdate(round_.opened_at))
    duplicates = (
        Answer.objects.filter(value__isnull=False)
        .values("response_id", "question_id", "value")
        .annotate(n=Count("pk"), keep=Min("pk"))
        .filter(n__gt=1)
    )
    for row in duplicates:
        Answer.objects.filter(
            response_id=row["response_id"],
            question_id=row["question_id"],
            value=row["value"],
        ).exclude(pk=row["keep"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0002_round_goals"),
    ]

    operations = [
        migrations.AddField(
            model_name="round",
            name="responded_counts",
            field=models.JSONField(
                blank=True, default=dict, editable=False, verbose_name="responded"
            ),
        ),
        migrations.AddField(
            model_name="roundinvitation",
            name="answered",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="roundinvitation",
            name="reminded",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
