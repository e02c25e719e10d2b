"""Self-service data rights behind a personal link (issue 20.4; GDPR
articles 15, 17 and 20): the person sees what a register holds about them,
downloads it as JSON and erases it, the erasure confirmed by a POST.

Every register that gives people a personal link (panel members, workshop
sign-ups) builds its pages from these parts, so they behave the same:

- `data_rights.html` (include): the "download" and "erase" links;
- `json_download(data, filename)`: the download;
- `erase_flow(request, erase, confirm, done)`: GET shows the confirmation
  page, POST (CSRF-checked by the middleware) runs `erase()` and says
  what happened.

The register's views resolve the token themselves (each has its own link
errors) and must be marked `website.core.page_cache.personal_page`, so that
no cache keeps them; tests/privacy/test_personal_pages.py checks this for
every URL with a token.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header


def json_download(data, filename):
    """`data` as an attached, readable UTF-8 JSON file."""
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Robots-Tag"] = "noindex"
    return response


def erase_flow(request, erase, confirm, done):
    """The erasure step of a personal link.

    `confirm`: the confirmation page's context (title, text, cancel_url,
    button); `done`: the result page's (title, message, and optionally
    back_url and back_text). `erase` is called on POST only, so a mail
    server's link scanner fetching the page erases nothing."""
    if request.method == "POST":
        erase()
        template, context = "core/selfservice/erased.html", done
    else:
        template, context = "core/selfservice/erase_confirm.html", confirm
    response = render(request, template, context)
    response["X-Robots-Tag"] = "noindex"
    return response
