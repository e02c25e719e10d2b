"""Taking part: workshops and sign-ups, resident panels and their rounds.

Depends on ``website`` (pages, municipalities); ``website`` never imports it.
The capabilities land with issues #5 (workshops) and #7 (panels).
"""
