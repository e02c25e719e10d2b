"""The statutory pages hold no personal data (website/core/privacy.py)."""

from website.core import privacy as p

for label, reason in {
    "statutory.AccessibilityStatementPage": (
        "editorial page content; the contacts are an authority's and the "
        "welfare area's public addresses"
    ),
    "statutory.PrivacyNoticeIndexPage": "editorial page content written by staff",
    "statutory.PrivacyNoticePage": (
        "editorial page content; the contacts are the welfare area's public addresses"
    ),
    "statutory.CookiePage": "editorial page content written by staff",
    "statutory.AccessibilityCheck": "names and dates of automated test runs",
}.items():
    p.not_personal(label, reason)
