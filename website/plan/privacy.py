"""The plan's personal data: who changed a measure (website/core/privacy.py)."""

from website.core import privacy as p

p.register(
    "plan.MeasureStatusChange",
    purpose="Accountability: which staff member changed a measure's status.",
    legal_basis=p.PUBLIC_TASK,
    retention="With the plan (archived public record); shown in the admin only.",
    export="Wagtail admin, the measure's history.",
    erase="Deleting the staff account sets it empty.",
    fields={"changed_by": p.ACCOUNT},
    not_personal={
        "to_status": "a status value",
        "note": "public note on the change, written by staff",
    },
)
p.register(
    "plan.Measure",
    purpose="Editing lock of a measure.",
    legal_basis=p.PUBLIC_TASK,
    retention="While locked.",
    export="Wagtail admin.",
    erase="Unlocking; deleting the staff account sets it empty.",
    fields={"locked_by": p.ACCOUNT},
    not_personal={
        "description": "editorial content",
        "responsible": "responsible organisations, not persons",
        "status_note": "editorial content",
    },
)
for label in ("plan.MeasureIndicator", "plan.PlanPage", "plan.GoalPage"):
    p.not_personal(label, "editorial content written by staff")
