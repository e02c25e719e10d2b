"""The analytics app keeps no personal data (website/core/privacy.py):
FeedbackAnalysis stores themes and tone, never the text."""

from website.core import privacy as p

p.not_personal("analytics.TextTheme", "theme names and keywords written by staff")
p.not_personal(
    "analytics.ParticipationSummaryPage", "editorial page content written by staff"
)
