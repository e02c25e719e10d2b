"""PDF documents: one way to turn our HTML into an accessible PDF.

Every PDF the site hands out (the welfare report, the council report, the
QR poster) is written here as tagged PDF/UA-1: a structure tree with
headings, tables with header cells, figures with their alt text, the
document language from `<html lang>` and the title from `<title>` shown
as the window title. Nothing is fetched over the network while rendering:
templates inline their CSS and images as data: URIs (fast, and no SSRF).
"""

PDF_VARIANT = "pdf/ua-1"


def write_pdf(html, base_url=None):
    """Bytes of a tagged PDF/UA-1 document rendered from an HTML string."""
    from weasyprint import HTML, URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(
        pdf_variant=PDF_VARIANT
    )
