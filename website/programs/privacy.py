"""Programme cards name their authors (website/core/privacy.py)."""

from website.core import privacy as p

p.register(
    "programs.ProgramStatusCard",
    purpose="Who prepared a programme's status card (published with the card).",
    legal_basis=p.PUBLIC_TASK,
    retention="With the card (public record).",
    export="The public card and the Wagtail admin.",
    erase="Staff edit the card.",
    fields={"authors": p.NAME},
    not_personal={
        name: "editorial content"
        for name in ("past_successes", "coming_tasks", "achievements", "attention")
    },
)
p.not_personal(
    "programs.Program",
    "programme texts; the owner is a responsible body (a unit or a board)",
)

p.not_personal("programs.ProgramIndexPage", "editorial page content written by staff")
