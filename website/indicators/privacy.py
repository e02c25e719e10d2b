"""No personal data in the indicators app (website/core/privacy.py)."""

from website.core import privacy as p

p.not_personal("indicators.Area", "names of areas and municipalities")
p.not_personal("indicators.Indicator", "indicator names and descriptions")
