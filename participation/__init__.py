"""Taking part: workshops and sign-ups, resident panels and rounds, and the
participation analytics that read them (see docs/architecture.md)."""
