"""A representative's "My data" (issue 20.4): on the signed-in dashboard
they see what the register holds about them, download it as JSON and erase
it, account included, with a confirmation step (website/core/selfservice.py
does the common parts; retention.erase_representative the erasure)."""

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from website.core import selfservice
from website.core.i18n import active_language

from . import retention


@login_required
def my_data(request):
    user = request.user
    return render(
        request,
        "associations/selfservice/my_data.html",
        {
            "title": _("My data"),
            "data": retention.representative_data(user),
            "staff": user.is_staff or user.is_superuser,
            "data_url": reverse("association_selfservice:my_data_download"),
            "erase_url": reverse("association_selfservice:my_data_erase"),
            "erase_text": _("Erase my account and my details"),
        },
    )


@login_required
def my_data_download(request):
    return selfservice.json_download(
        retention.representative_data(request.user), _("my-association-data.json")
    )


@login_required
def my_data_erase(request):
    user = request.user
    if user.is_staff or user.is_superuser:
        # Staff accounts are the administrators' business (erase refuses).
        return render(
            request,
            "core/selfservice/erased.html",
            {
                "title": _("Erase your details"),
                "message": _(
                    "Staff accounts are removed by the administrators. Ask them "
                    "to remove yours."
                ),
                "back_url": reverse("association_selfservice:my_data"),
                "back_text": _("Back to my data"),
            },
            status=403,
        )

    def erase():
        retention.erase_representative(user)
        logout(request)

    return selfservice.erase_flow(
        request,
        erase,
        confirm={
            "title": _("Erase your details"),
            "text": _(
                "Your account, its e-mail addresses, your right to manage "
                "associations and your name and address on the associations' "
                "entries will be deleted for good, and you will be signed out. "
                "The associations' public entries and the changes you proposed "
                "to them stay. This cannot be undone."
            ),
            "button": _("Erase my account and my details"),
            "cancel_url": reverse("association_selfservice:my_data"),
        },
        done={
            "title": _("Your details have been erased"),
            "message": _(
                "Your account and your personal details have been deleted and "
                "you have been signed out. The associations' public entries stay "
                "on the map."
            ),
            "back_url": f"/{active_language()}/",
            "back_text": _("Back to the front page"),
        },
    )
