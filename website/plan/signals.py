from django.dispatch import receiver
from wagtail.models import Locale
from wagtail.signals import published

from .models import Measure


@receiver(published, sender=Measure)
def record_status_on_publish(sender, instance, revision=None, **kwargs):
    """Keep the status history and the translations in step on publish.

    The Finnish (default-locale) measure owns the status: publishing it with a
    new status records the change and updates every translation. Publishing a
    translation never changes the status; it is reset to the source's."""
    default_locale = Locale.get_default()
    if instance.locale_id != default_locale.pk:
        source_status = (
            Measure.objects.filter(
                translation_key=instance.translation_key, locale=default_locale
            )
            .values_list("status", flat=True)
            .first()
        )
        if source_status and source_status != instance.status:
            Measure.objects.filter(pk=instance.pk).update(status=source_status)
        return
    last = instance.get_status_history().first()
    previous = last.to_status if last else ""
    instance.set_status(
        instance.status,
        user=getattr(revision, "user", None),
        note=instance.status_note,
        previous=previous,
    )
