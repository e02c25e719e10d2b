"""Response headers Django and django-csp do not send themselves.

* ``Permissions-Policy`` on every response (settings.PERMISSIONS_POLICY):
  powerful browser features no page of ours uses are switched off for the
  page and every frame in it, so injected or third-party code (an embedded
  video, a compromised script) cannot ask for the camera, the microphone or
  the resident's location.
* ``Reporting-Endpoints`` on every response that carries a
  Content-Security-Policy: it names the endpoint of the policy's
  ``report-to`` directive (website.core.views.csp_report).
"""

from django.conf import settings
from django.urls import reverse


def permissions_policy():
    return ", ".join(
        f"{feature}=({' '.join(allow)})"
        for feature, allow in settings.PERMISSIONS_POLICY.items()
    )


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = permissions_policy()

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        if "Content-Security-Policy" in response.headers:
            response.headers.setdefault(
                "Reporting-Endpoints", f'csp="{reverse("csp_report")}"'
            )
        return response
