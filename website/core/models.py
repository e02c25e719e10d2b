from django.db import models
from django.utils.translation import gettext_lazy as _
from post_office.models import Email
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="globe")
class TranslationSettings(BaseSiteSetting):
    """How strictly the other language must follow before publishing."""

    class Guard(models.TextChoices):
        OFF = "off", _("Off: publish freely")
        WARN = "warn", _("Warn: ask for confirmation")
        BLOCK = "block", _("Block: refuse to publish")

    publish_guard = models.CharField(
        _("publish guard"),
        max_length=10,
        choices=Guard.choices,
        default=Guard.WARN,
        help_text=_(
            "What happens when someone publishes a page or measure in its source "
            "language while its translation is missing or out of date. Staff "
            "with the override permission can publish anyway; it is logged."
        ),
    )

    class Meta:
        verbose_name = _("translation settings")
        permissions = [
            (
                "override_translation_guard",
                _("Can publish although a translation is missing or out of date"),
            )
        ]


class LastRun(models.Model):
    """When something periodic last happened, by name: the scheduler's
    last enqueue of each job ("job:<name>") and the task worker's last
    heartbeat ("worker_heartbeat"). Kept in the database so that a restart
    of the scheduler does not run every job again, and so that /readyz on
    any web instance sees the worker's heartbeat."""

    name = models.CharField(max_length=100, primary_key=True)
    at = models.DateTimeField()

    def __str__(self):
        return f"{self.name} {self.at.isoformat()}"


class OutboxEmail(Email):
    """The outbox's messages (django-post-office's `Email`) as staff see
    them in the admin; a proxy, so that the permission is ours."""

    class Meta:
        proxy = True
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        permissions = [
            ("manage_outbox", _("Can see outgoing e-mail and send it again"))
        ]
