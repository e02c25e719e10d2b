from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import DraftStateMixin, Page, Revision

from . import translation_status as ts
from .guard import (
    CONFIRM_ACTION,
    OVERRIDE_ACTION,
    can_override,
    guard_mode,
    log_guard_decision,
)
from .models import TranslationSettings


def _can_see_status(user):
    return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")


def translation_status(request):
    """Every translatable page and snippet with its fi and sv state."""
    if not _can_see_status(request.user):
        raise PermissionDenied
    rows = ts.status_rows()
    kinds = sorted({str(row.kind) for row in rows})
    kind = request.GET.get("kind", "")
    state = request.GET.get("state", "")
    language = request.GET.get("language", "")
    all_counts = ts.counts(rows)
    if kind in kinds:
        rows = [row for row in rows if str(row.kind) == kind]
    if state in ts.STATE_LABELS:
        rows = [
            row
            for row in rows
            if any(
                s == state
                for code, s in row.states.items()
                if not language or code == language
            )
        ]
    finder = AdminURLFinder(request.user)
    table = []
    for row in sorted(rows, key=lambda r: (str(r.kind), r.title.lower())):
        cells = row.cells()
        for cell in cells:
            obj = cell["object"]
            cell["edit_url"] = finder.get_edit_url(obj) if obj else None
        table.append(
            {
                "row": row,
                "cells": cells,
                "translate_url": _translate_url(row)
                if any(c["state"] == ts.MISSING for c in cells)
                else None,
            }
        )
    from django.conf import settings

    return TemplateResponse(
        request,
        "core/admin/translation_status.html",
        {
            "table": table,
            "counts": [
                {
                    "language": name,
                    "code": code,
                    "states": [
                        (key, ts.STATE_LABELS[key], all_counts[code][key])
                        for key in ts.STATE_ORDER
                    ],
                }
                for code, name in settings.LANGUAGES
            ],
            "kinds": kinds,
            "states": [(key, ts.STATE_LABELS[key]) for key in ts.STATE_ORDER],
            "languages": settings.LANGUAGES,
            "selected": {"kind": kind, "state": state, "language": language},
        },
    )


def _translate_url(row):
    from django.urls import reverse

    obj = row.source_object
    if isinstance(obj, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[obj.pk])
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[obj._meta.app_label, obj._meta.model_name, obj.pk],
    )


@require_POST
def publish_despite_guard(request, revision_id):
    """Publish a revision the guard stopped: confirmation in warn mode, an
    override (permission required) in block mode. Logged either way."""
    revision = get_object_or_404(Revision, pk=revision_id)
    obj = revision.content_object
    if isinstance(obj, Page):
        obj = obj.specific
        allowed = obj.permissions_for_user(request.user).can_publish()
    else:
        opts = obj._meta
        allowed = isinstance(obj, DraftStateMixin) and request.user.has_perm(
            f"{opts.app_label}.publish_{opts.model_name}"
        )
    if not allowed:
        raise PermissionDenied
    mode = guard_mode(request)
    if mode == TranslationSettings.Guard.BLOCK and not can_override(request.user):
        raise PermissionDenied
    problems = ts.translation_problems(obj)
    action = (
        OVERRIDE_ACTION if mode == TranslationSettings.Guard.BLOCK else CONFIRM_ACTION
    )
    log_guard_decision(obj, request.user, action, problems)
    revision.publish(user=request.user)
    messages.success(request, _("Published. Remember to update the translation."))
    return redirect(AdminURLFinder(request.user).get_edit_url(obj))
