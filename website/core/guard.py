"""The publish guard: publishing a source-language page or measure whose
translation is missing or out of date asks for confirmation (warn) or is
refused (block). The edited content is already saved as a draft revision
when the hooks run, so nothing typed is lost either way."""

from django.conf import settings
from django.template.response import TemplateResponse
from wagtail.log_actions import log
from wagtail.models import Page, Site

from .models import TranslationSettings
from .translation_status import STATE_LABELS, translation_problems

CONFIRM_ACTION = "yhdessa.translation_guard.confirm"
OVERRIDE_ACTION = "yhdessa.translation_guard.override"


def guard_mode(request):
    site = (
        Site.find_for_request(request)
        or Site.objects.filter(is_default_site=True).first()
    )
    if site is None:
        return TranslationSettings.Guard.OFF
    return TranslationSettings.for_site(site).publish_guard


def can_override(user):
    return user.has_perm("core.override_translation_guard")


def problem_list(problems):
    names = dict(settings.LANGUAGES)
    return [
        {"language": names[code], "code": code, "state": STATE_LABELS[state]}
        for code, state in problems
    ]


def check_publish(request, obj):
    """None to let the publish go ahead, or the guard's response."""
    mode = guard_mode(request)
    if mode == TranslationSettings.Guard.OFF:
        return None
    problems = translation_problems(obj)
    if not problems:
        return None
    revision = obj.latest_revision
    return TemplateResponse(
        request,
        "core/admin/translation_guard.html",
        {
            "object": obj,
            "title": obj.get_admin_display_title()
            if isinstance(obj, Page)
            else str(obj),
            "problems": problem_list(problems),
            "mode": mode,
            "blocked": mode == TranslationSettings.Guard.BLOCK,
            "can_override": can_override(request.user),
            "revision": revision,
        },
        status=409 if mode == TranslationSettings.Guard.BLOCK else 200,
    )


def log_guard_decision(obj, user, action, problems):
    log(
        instance=obj,
        action=action,
        user=user,
        data={"problems": [{"language": c, "state": s} for c, s in problems]},
    )
