from django.db import models
from django.utils.translation import gettext_lazy as _


class VocabularyWord(models.Model):
    """A word that occurs in indexed text of one language, as written.

    The search suggests corrections from these ("did you mean …?") when a
    query finds nothing (``website.search.vocabulary``)."""

    language = models.CharField(_("language"), max_length=8)
    word = models.CharField(_("word"), max_length=64)

    class Meta:
        verbose_name = _("search vocabulary word")
        verbose_name_plural = _("search vocabulary words")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "word"], name="unique_vocabulary_word"
            )
        ]

    def __str__(self):
        return self.word
