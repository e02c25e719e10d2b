from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages

from .importer import MAX_BYTES, MAX_ROWS, import_values, read_limited

IMPORT_PERMISSIONS = (
    "indicators.add_indicatorvalue",
    "indicators.change_indicatorvalue",
)
# A file that is wrong throughout would otherwise produce a page of thousands
# of rows; the first ones are enough to see what is wrong.
MAX_ERRORS_SHOWN = 200


def can_import(user):
    return user.has_perms(IMPORT_PERMISSIONS)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Formatted per request, so the help text is in the admin's language.
        self.fields["file"].help_text = _(
            "A Sotkanet export or a file of the same shape: columns indicator, "
            "region, year, gender and value; at most %(mb)s MB and %(rows)s rows."
        ) % {"mb": MAX_BYTES // (1024 * 1024), "rows": MAX_ROWS}


def import_indicator_values(request):
    """Upload a CSV; either every row is imported or nothing is."""
    if not can_import(request.user):
        raise PermissionDenied
    errors = []
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            result = import_values(read_limited(form.cleaned_data["file"]))
            if result.ok:
                messages.success(request, result.summary())
                if result.skipped:
                    messages.warning(request, result.skipped_summary())
                return redirect("wagtailsnippets_indicators_indicatorvalue:list")
            errors = result.errors
    else:
        form = ImportForm()
    return TemplateResponse(
        request,
        "indicators/admin/import_values.html",
        {
            "form": form,
            "errors": errors[:MAX_ERRORS_SHOWN],
            "error_count": len(errors),
            "hidden_error_count": max(0, len(errors) - MAX_ERRORS_SHOWN),
        },
    )
