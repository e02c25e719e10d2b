"""Audit findings 2 and 5, the schema after 0003 carried the data over (a
separate migration, so the data changes are committed before the tables
are altered)."""

from django.db import migrations, models

import participation.panels.models


class Migration(migrations.Migration):
    dependencies = [
        ("panels", "0003_unlinkable_answers"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="response",
            name="panels_resp_round_i_298eb7_idx",
        ),
        migrations.RemoveField(
            model_name="response",
            name="age_group",
        ),
        migrations.RemoveField(
            model_name="response",
            name="language",
        ),
        migrations.RemoveField(
            model_name="response",
            name="municipality",
        ),
        migrations.RemoveField(
            model_name="roundinvitation",
            name="answered_at",
        ),
        migrations.RemoveField(
            model_name="roundinvitation",
            name="reminded_at",
        ),
        migrations.AlterField(
            model_name="answer",
            name="id",
            field=models.BigIntegerField(
                default=participation.panels.models.random_id,
                editable=False,
                primary_key=True,
                serialize=False,
            ),
        ),
        migrations.AlterField(
            model_name="response",
            name="id",
            field=models.BigIntegerField(
                default=participation.panels.models.random_id,
                editable=False,
                primary_key=True,
                serialize=False,
            ),
        ),
        migrations.AddConstraint(
            model_name="answer",
            constraint=models.UniqueConstraint(
                fields=("response", "question", "value"),
                name="panels_answer_value_once",
            ),
        ),
    ]
