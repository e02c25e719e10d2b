# Workshop e-mails moved to the site's one outbox (website.core.mail on
# django-post-office). Reminders already queued mark their sign-up, so none is
# sent twice; e-mails still pending are rendered into the new outbox.

import logging

from django.db import migrations, models

logger = logging.getLogger(__name__)


def carry_over(apps, schema_editor):
    OutgoingEmail = apps.get_model("workshops", "OutgoingEmail")
    SignUp = apps.get_model("workshops", "SignUp")
    for email in OutgoingEmail.objects.filter(kind="reminder").exclude(signup=None):
        SignUp.objects.filter(pk=email.signup_id).update(reminded_at=email.created_at)
    pending = list(OutgoingEmail.objects.filter(state="pending"))
    if not pending:
        return
    # Rendering needs the real pages (URLs, translations): a one-time step.
    from participation.workshops.models import SignUp as RealSignUp
    from participation.workshops.models import WorkshopPage
    from participation.workshops.tasks import queue

    for email in pending:
        try:
            queue(
                email.kind,
                WorkshopPage.objects.get(pk=email.workshop_id),
                email.to,
                email.language,
                signup=RealSignUp.objects.filter(pk=email.signup_id).first(),
                data=email.data,
            )
        except Exception:  # noqa: BLE001 - keep migrating; the log says which
            logger.exception("Pending workshop e-mail %s not carried over", email.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0001_initial"),
        ("post_office", "0014_alter_email_recipient_delivery_status_and_more"),
    ]

    operations = [
        migrations.AddField(
            model_name="signup",
            name="reminded_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.DeleteModel(name="OutgoingEmail"),
    ]
