"""Small-number suppression: the one function every published figure of
people passes through (the public participation summary, goal pages, their
charts and data tables).

A figure is published only if it cannot tell anyone about a group of fewer
people than `PARTICIPATION_MIN_GROUP_SIZE`:

* **Primary suppression**: a count of 1 … minimum − 1 is not shown. Zero is
  shown: "nobody" names no one, and hiding zeros would not protect anything
  (a hidden cell still sums to the same total).
* **Derived figures** (percentages, shares, NPS, differences) are shown only
  when every count behind them is shown, so a percentage next to its total
  never reveals a hidden count.
* **Complementary suppression**: a page states which counts add up to which
  (`Disclosure.sum`: the parts of a row and its total, a whole and its
  complement, e.g. handled + not handled = received). Whenever the hidden
  parts of such a sum could be computed from what is shown (the total minus
  the shown parts) and they make a group of 1 … minimum − 1 people, or a
  hidden count can be recomputed through a chain of sums, the smallest other
  part (else the total) is hidden too, until nothing small can be computed.

The module imports no app, so `participation`, `feedback` and the kernel
modules of later issues can all use it.
"""

from django.conf import settings
from django.utils.translation import gettext


def min_group_size():
    return settings.PARTICIPATION_MIN_GROUP_SIZE


class Suppressed:
    """Stands in for a suppressed figure; renders as text in the page's
    language (never blank, never colour alone)."""

    def __init__(self, minimum, derived=False):
        self.minimum = minimum
        self.derived = derived

    def __str__(self):
        if self.derived:
            return gettext("not shown (a group under %(minimum)s)") % {
                "minimum": self.minimum
            }
        return gettext("fewer than %(minimum)s") % {"minimum": self.minimum}

    def __eq__(self, other):
        return isinstance(other, Suppressed) and other.derived == self.derived

    def __hash__(self):
        return hash((Suppressed, self.derived))


def is_suppressed(value):
    return isinstance(value, Suppressed)


class Disclosure:
    """The counts of one published page (or section) and how they add up.

    With counts all=60, a=58, b=2 and the sum all = a + b, both `a` and `b`
    are suppressed (58 of 60 would reveal the 2); `all` stays.
    """

    def __init__(self, minimum=None):
        self.minimum = min_group_size() if minimum is None else minimum
        self.counts = {}
        self.sums = []
        self._hidden = None

    def count(self, key, n):
        self.counts[key] = n or 0
        self._hidden = None
        return key

    def sum(self, total, parts):
        """`total` = the sum of `parts` (all of them registered counts)."""
        self.sums.append((total, list(parts)))
        self._hidden = None

    @property
    def hidden(self):
        if self._hidden is None:
            self._hidden = self._protect()
        return self._hidden

    def shown(self, key):
        return key not in self.hidden

    def value(self, key):
        """The count, or `Suppressed` if it must not be published."""
        if key in self.hidden:
            return Suppressed(self.minimum)
        return self.counts[key]

    def number(self, key):
        """The count, or None (for charts: a bar left out)."""
        return None if key in self.hidden else self.counts[key]

    def derived(self, value, *keys):
        """A figure computed from the counts `keys` (a share, an NPS, a
        rate): shown only if every one of them is shown."""
        if value is None:
            return None
        if any(key in self.hidden for key in keys):
            return Suppressed(self.minimum, derived=True)
        return value

    def share(self, part, whole, digits=1):
        """Percentage part/whole, suppressed like `derived`."""
        n = self.counts[whole]
        if not n:
            return None
        return self.derived(round(100 * self.counts[part] / n, digits), part, whole)

    def any_hidden(self, keys):
        return any(key in self.hidden for key in keys)

    def _protect(self):
        minimum = self.minimum
        hidden = {k for k, n in self.counts.items() if 0 < n < minimum}
        while True:
            leak = self._leak(hidden)
            if leak is None:
                return hidden
            total, parts = leak
            candidates = sorted(
                (k for k in parts if k not in hidden and self.counts[k] > 0),
                key=lambda k: (self.counts[k], str(k)),
            )
            if candidates:
                hidden.add(candidates[0])
            elif total not in hidden and self.counts[total] > 0:
                hidden.add(total)
            else:
                # Nothing left to hide in this sum: hide every non-zero count
                # of the page rather than publish a computable small group.
                return {k for k, n in self.counts.items() if n}

    def _leak(self, hidden):
        """A sum through which a small group can be computed, or None."""
        known = {k for k in self.counts if k not in hidden}
        source = {}
        changed = True
        while changed:
            changed = False
            for total, parts in self.sums:
                unknown = [k for k in parts if k not in known]
                if total in known and len(unknown) == 1:
                    known.add(unknown[0])
                    source[unknown[0]] = (total, parts)
                    changed = True
                elif total not in known and not unknown:
                    known.add(total)
                    source[total] = (total, parts)
                    changed = True
        for key in sorted(hidden & known, key=str):
            if 0 < self.counts[key] < self.minimum:
                return source[key]
        for total, parts in self.sums:
            if total in known:
                rest = sum(self.counts[k] for k in parts if k not in known)
                if 0 < rest < self.minimum:
                    return total, parts
        return None
