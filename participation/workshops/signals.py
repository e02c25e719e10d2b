from django.db import transaction
from wagtail.signals import page_published


def promote_on_publish(sender, instance, **kwargs):
    """A published capacity increase promotes from the waiting list."""
    from .services import capacity_changed

    transaction.on_commit(lambda: capacity_changed(instance))


def connect():
    from .models import WorkshopPage

    page_published.connect(promote_on_publish, sender=WorkshopPage)
