"""No personal data in the home app (website/core/privacy.py)."""

from website.core import privacy as p

p.not_personal("home.HomePage", "editorial page content written by staff")
p.not_personal("home.StandardPage", "editorial page content written by staff")

p.not_personal("home.HubPage", "editorial page content written by staff")
