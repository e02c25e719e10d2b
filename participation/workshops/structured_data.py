"""A workshop as a schema.org Event (JSON-LD on its page, in the page's
language): dates, place, organiser, seats and sign-up as an offer. The
online link is never in it (it is sent only to those who signed up)."""

from django.utils.html import strip_tags
from django.utils.translation import gettext

from .models import Venue

SCHEMA = "https://schema.org/"
ATTENDANCE = {
    Venue.PLACE: "OfflineEventAttendanceMode",
    Venue.ONLINE: "OnlineEventAttendanceMode",
    Venue.HYBRID: "MixedEventAttendanceMode",
}


def availability(state, free):
    if state == "not_open":
        return "PreOrder"
    if state == "open" and free > 0:
        return "InStock"
    return "SoldOut"


def event(page, request, seats):
    url = page.get_full_url(request)
    root = request.build_absolute_uri("/")
    organiser = {
        "@type": "Organization",
        "name": gettext("Central Uusimaa welfare area"),
        "url": root,
    }
    locations = []
    if page.venue != Venue.ONLINE:
        place = {"@type": "Place", "name": page.address or page.get_venue_display()}
        if page.address:
            place["address"] = page.address
        locations.append(place)
    if page.venue != Venue.PLACE:
        locations.append({"@type": "VirtualLocation", "url": url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": url,
        "startDate": page.starts_at.isoformat(),
        "endDate": page.ends_at.isoformat(),
        "eventStatus": SCHEMA + "EventScheduled",
        "eventAttendanceMode": SCHEMA + ATTENDANCE[page.venue],
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": organiser,
        "inLanguage": [
            code for code in ("fi", "sv", "en") if getattr(page, f"language_{code}")
        ],
        "isAccessibleForFree": True,
        "maximumAttendeeCapacity": seats.capacity,
        "remainingAttendeeCapacity": seats.free,
        "offers": {
            "@type": "Offer",
            "url": url,
            "price": "0",
            "priceCurrency": "EUR",
            "availability": SCHEMA + availability(page.signup_state(), seats.free),
            "validThrough": page.closes_at.isoformat(),
        },
    }
    description = strip_tags(page.introduction).strip()
    if description:
        data["description"] = description
    if page.audience:
        data["audience"] = {"@type": "Audience", "audienceType": page.audience}
    if page.signup_opens:
        data["offers"]["validFrom"] = page.signup_opens.isoformat()
    return data
