"""Feedback and NPS: forms, channels, QR codes, handling workflow, alerts.

Depends on ``website``; ``website`` never imports it. Lands with issue #6.
"""
