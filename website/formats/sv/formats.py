"""Django's sv formats with a narrow no-break space (U+202F) as the thousands
separator, as Finnish and Swedish typography write it (12 345,6); Django's
own is a full no-break space."""

from django.conf.locale.sv.formats import *  # noqa: F403

THOUSAND_SEPARATOR = "\u202f"
