"""Organisations as people type them: one key per organisation whatever the
spelling, and the Finnish Business ID (Y-tunnus) check.

Used where a rule counts per organisation (workshop seat quotas, audit
finding 3): "Keski-Uudenmaan Yhdistys ry", "keski-uudenmaan yhdistys r.y."
and "KESKI UUDENMAAN YHDISTYS RY" are one organisation.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BUSINESS_ID_RE = re.compile(r"^(\d{7})-(\d)$")
BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def organisation_key(name):
    """The name without case, whitespace or punctuation (NFKC first, so that
    look-alike characters compare equal); letters such as ä and å stay."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    return "".join(ch for ch in text if ch.isalnum())


def normalise_business_id(value):
    """Strip spaces; an ID typed without its hyphen gets it back."""
    value = re.sub(r"\s+", "", value or "")
    if re.fullmatch(r"\d{8}", value):
        value = f"{value[:7]}-{value[7]}"
    return value


def business_id_is_valid(value):
    match = BUSINESS_ID_RE.match(value or "")
    if not match:
        return False
    digits, check = match.groups()
    remainder = (
        sum(int(d) * w for d, w in zip(digits, BUSINESS_ID_WEIGHTS, strict=True)) % 11
    )
    if remainder == 1:
        return False
    return int(check) == (0 if remainder == 0 else 11 - remainder)


def validate_business_id(value):
    if not business_id_is_valid(normalise_business_id(value)):
        raise ValidationError(
            _(
                "Give the Business ID in the form 1234567-8 (seven digits, a "
                "hyphen and the check digit)."
            ),
            code="business_id",
        )
