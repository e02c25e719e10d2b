"""An association as a schema.org Organization (JSON-LD on its page, in
the page's language). Only the entry's public fields: the representative's
name and e-mail never."""


def organization(association, request):
    page_url = request.build_absolute_uri()
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": association.name,
        "url": association.website or page_url,
        "mainEntityOfPage": page_url,
        "areaServed": [
            {"@type": "City", "name": area.name}
            for area in association.municipalities.all()
        ],
        "knowsLanguage": [
            code
            for code in ("fi", "sv", "en")
            if getattr(association, f"serves_{code}")
        ],
        "keywords": [theme.name for theme in association.themes.all()],
    }
    if association.description:
        data["description"] = association.description
    if association.email:
        data["email"] = association.email
    if association.phone:
        data["telephone"] = association.phone
    if association.street_address or association.city:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": association.street_address,
            "postalCode": association.postal_code,
            "addressLocality": association.city,
            "addressCountry": "FI",
        }
    if association.on_map:
        data["location"] = {
            "@type": "Place",
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(association.latitude),
                "longitude": float(association.longitude),
            },
        }
    return data
