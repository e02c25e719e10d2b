"""QR codes and printable posters (A4 PDF, fi or sv) for a unit's
feedback address."""

import base64
import io

import qrcode
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from website.core.pdf import write_pdf


def landing_url(unit, language):
    """The absolute QR landing address of `unit` in `language`."""
    with translation.override(language):
        path = reverse("feedback:qr", args=[unit.slug])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def qr_png(data, box_size=12):
    image = qrcode.make(
        data,
        box_size=box_size,
        border=2,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def poster_pdf(unit, language):
    url = landing_url(unit, language)
    png = base64.b64encode(qr_png(url)).decode("ascii")
    with translation.override(language):
        html = render_to_string(
            "feedback/poster.html",
            {
                "unit_name": unit.path_names(language),
                "url": url,
                "qr_data_uri": f"data:image/png;base64,{png}",
                "LANGUAGE_CODE": language,
            },
        )
    return write_pdf(html)
