"""No personal data in the report app (website/core/privacy.py)."""

from website.core import privacy as p

p.not_personal("report.ReportIndexPage", "editorial page content written by staff")
p.not_personal("report.ReportPage", "editorial page content written by staff")
