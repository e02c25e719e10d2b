"""Limits on what staff upload (audit 13). The public site takes no
uploads; images and documents come through the Wagtail admin, where an
upload is limited in type and size. Images: Wagtail's own
WAGTAILIMAGES_EXTENSIONS and WAGTAILIMAGES_MAX_UPLOAD_SIZE. Documents:
WAGTAILDOCS_EXTENSIONS and, because Wagtail has no size limit for
documents, this form (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
        if file and "file" in self.changed_data and file.size > limit:
            raise ValidationError(
                _("The file is too large (%(size)s). The limit is %(limit)s."),
                code="file_too_large",
                params={
                    "size": filesizeformat(file.size),
                    "limit": filesizeformat(limit),
                },
            )
        return file
