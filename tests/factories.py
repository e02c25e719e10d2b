import factory
from wagtail.models import Locale

from website.plan.models import Measure, MeasureStatus


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    title = factory.Sequence(lambda n: f"Testitoimenpide {n}")
    responsible = "Keusote, kunnat"
    schedule = "2024–2025"
    status = MeasureStatus.NOT_STARTED
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="fi"))
