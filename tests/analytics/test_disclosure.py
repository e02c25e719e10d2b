"""Small-number suppression (audit finding 7): no published figure lets
anyone compute a group of 1 … minimum − 1 people.

The property tests generate small groups and run the real publishing
functions of the public summary, the goal page and the workshop and panel
sections. The checker below is independent of website.core.disclosure: it
takes only what a reader sees (counts, and percentages next to their totals)
and the sums the page implies (parts of a row add up to its total, a whole
and its complement), derives every count it can by subtraction, and fails if
a derivable count, or the sum of the hidden parts of a row, is a small group.
Zero is safe ("nobody" names no one) and is published.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participation.analytics.public import publish_feedback
from participation.analytics.sections import (
    publish_composition,
    publish_round,
    publish_workshops,
)
from participation.analytics.templatetags.participation_tags import (
    publish_goal_themes,
)
from website.core.disclosure import Disclosure, Suppressed, is_suppressed

MIN = 5
PROPERTY = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    derandomize=True,
)
small = st.integers(min_value=0, max_value=12)


class Reader:
    """What a reader of the page knows: variables with their true values,
    which of them were published, and the sums that tie them together."""

    def __init__(self):
        self.truth, self.known, self.sums = {}, set(), []

    def see(self, name, true_value, published):
        """A count on the page (published: the number, or Suppressed)."""
        self.truth[name] = true_value
        if not is_suppressed(published):
            assert published == true_value, name
            self.known.add(name)

    def see_share(self, name, share, whole):
        """A percentage next to its (published) whole gives the count."""
        if (
            share is not None
            and not is_suppressed(share)
            and whole in self.known
            and self.truth[whole]
        ):
            self.known.add(name)

    def implies(self, total, parts):
        self.sums.append((total, list(parts)))

    def check(self):
        known, changed = set(self.known), True
        while changed:
            changed = False
            for total, parts in self.sums:
                unknown = [p for p in parts if p not in known]
                if total in known and len(unknown) == 1:
                    known.add(unknown[0])
                    changed = True
                elif total not in known and not unknown:
                    known.add(total)
                    changed = True
        for name in known:
            assert not 0 < self.truth[name] < MIN, (name, self.truth)
        for total, parts in self.sums:
            if total in known:
                rest = sum(self.truth[p] for p in parts if p not in known)
                assert not 0 < rest < MIN, (total, parts, self.truth)


def _split(draw, total, parts):
    """`total` split into `parts` non-negative counts."""
    cuts = sorted(draw(st.integers(0, total)) for _ in range(parts - 1))
    bounds = [0, *cuts, total]
    return [b - a for a, b in zip(bounds, bounds[1:], strict=False)]


@st.composite
def feedback_figures(draw):
    channels = draw(st.lists(small, min_size=1, max_size=4))
    total = sum(channels)
    scored = draw(st.integers(0, total))
    promoters, passives, detractors = _split(draw, scored, 3)
    handled = draw(st.integers(0, total))
    closed = draw(st.integers(0, handled))
    nps = {
        "n": scored,
        "promoters": promoters,
        "passives": passives,
        "detractors": detractors,
        "nps": round(100 * (promoters - detractors) / scored, 1) if scored else None,
    }
    volumes = {
        "total": total,
        "scored": scored,
        "handled": handled,
        "closed": closed,
        "handled_share": round(100 * handled / total, 1) if total else None,
        "median_handling_days": 3.5 if closed else None,
        "by_channel": [
            {
                "channel": f"c{i}",
                "label": f"c{i}",
                "n": n,
                "scored": min(n, scored),
                "nps": 10.0 if n else None,
            }
            for i, n in enumerate(channels)
        ],
    }
    themes = [
        {"slug": f"t{i}", "name": f"t{i}", "n": n}
        for i, n in enumerate(draw(st.lists(small, max_size=3)))
    ]
    return nps, volumes, themes


@PROPERTY
@given(feedback_figures())
def test_public_feedback_figures_reveal_no_small_group(figures):
    nps, volumes, themes = figures
    page = publish_feedback(nps, volumes, themes, minimum=MIN)
    reader = Reader()
    total = volumes["total"]
    reader.see("total", total, page["feedback_total"])
    for i, row in enumerate(page["channels"]):
        reader.see(("channel", i), volumes["by_channel"][i]["n"], row["n"])
    reader.implies("total", [("channel", i) for i in range(len(page["channels"]))])
    reader.see("scored", nps["n"], page["nps"]["n"])
    reader.truth["unscored"] = total - nps["n"]
    reader.implies("total", ["scored", "unscored"])
    for key in ("promoters", "passives", "detractors"):
        reader.see(key, nps[key], page["nps"][key])
        # NPS with its count and the passives gives promoters and detractors.
    if page["nps"]["nps"] is not None and not is_suppressed(page["nps"]["nps"]):
        assert {"promoters", "detractors", "scored"} <= reader.known
    reader.implies("scored", ["promoters", "passives", "detractors"])
    reader.truth["handled"] = volumes["handled"]
    reader.truth["unhandled"] = total - volumes["handled"]
    reader.see_share("handled", page["handled_share"], "total")
    reader.implies("total", ["handled", "unhandled"])
    for row, theme in zip(page["themes"], [t for t in themes if t["n"]], strict=True):
        reader.see(("theme", theme["slug"]), theme["n"], row["n"])
    if not is_suppressed(page["median_handling_days"] or Suppressed(MIN)):
        assert volumes["closed"] >= MIN
    reader.check()


@st.composite
def workshop_figures(draw):
    by_type = draw(st.lists(small, min_size=1, max_size=4))
    total = sum(by_type)

    def rows(counts):
        return [
            {
                "key": i,
                "label": str(i),
                "count": n,
                "percent": round(100 * n / total, 1) if total else None,
            }
            for i, n in enumerate(counts)
        ]

    return {
        "participants": total,
        "workshops": 1,
        "signups": total,
        "by_organisation_type": rows(by_type),
        "by_municipality": rows(_split(draw, total, draw(st.integers(1, 4)))),
        "by_language": rows(_split(draw, total, 2)),
        "attendance": {"marked": 0, "attended": 0, "rate": None},
    }


@PROPERTY
@given(workshop_figures())
def test_public_workshop_breakdowns_reveal_no_small_group(figures):
    page = publish_workshops(figures, minimum=MIN)
    reader = Reader()
    reader.see("participants", figures["participants"], page["participants"])
    for key in ("by_organisation_type", "by_municipality", "by_language"):
        names = []
        for true, shown in zip(figures[key], page[key], strict=True):
            name = (key, true["key"])
            names.append(name)
            reader.see(name, true["count"], shown["count"])
            reader.see_share(name, shown["percent"], "participants")
            # A chart bar is drawn only where the table shows the number.
            assert shown["number"] == (
                None if is_suppressed(shown["count"]) else true["count"]
            )
        reader.implies("participants", names)
    reader.check()


@PROPERTY
@given(st.lists(st.tuples(small, small), max_size=4))
def test_goal_page_themes_reveal_no_small_group(pairs):
    rows = [
        {"name": str(i), "n": n + negative, "negative": negative}
        for i, (n, negative) in enumerate(pairs)
    ]
    published = publish_goal_themes(rows, minimum=MIN)
    reader = Reader()
    for row, shown in zip([r for r in rows if r["n"]], published, strict=True):
        name = row["name"]
        reader.see(("n", name), row["n"], shown["n"])
        reader.see(("neg", name), row["negative"], shown["negative"])
        reader.truth[("other", name)] = row["n"] - row["negative"]
        reader.implies(("n", name), [("neg", name), ("other", name)])
    reader.check()


@PROPERTY
@given(small, small)
def test_round_response_rate_reveals_no_small_group(responded, silent):
    invited = responded + silent
    shown = publish_round(responded, invited or None, minimum=MIN)
    reader = Reader()
    reader.see("responded", responded, shown["responded"])
    reader.truth.update(invited=invited, silent=silent)
    # The rate with the responses gives the invited, hence who did not answer.
    if shown["rate"] is not None and not is_suppressed(shown["rate"]):
        if "responded" in reader.known and responded:
            reader.known.add("invited")
    reader.implies("invited", ["responded", "silent"])
    reader.check()


@PROPERTY
@given(st.lists(small, min_size=1, max_size=4), st.lists(small, min_size=1, max_size=3))
def test_panel_composition_reveals_no_small_group(municipalities, ages):
    members = max(sum(municipalities), sum(ages))
    rows = [
        {"kind": kind, "label": f"{kind}{i}", "count": n, "target": 10.0,
         "share": round(100 * n / members, 1) if members else None,
         "deviation": 0.0}
        for kind, counts in (("municipality", municipalities), ("age", ages))
        for i, n in enumerate(counts)
    ]  # fmt: skip
    published = publish_composition(rows, members, minimum=MIN)
    reader = Reader()
    # The public page shows the members and the shares, not the counts.
    reader.see("members", members, members if members >= MIN else Suppressed(MIN))
    for kind in ("municipality", "age"):
        names = []
        for row, shown in zip(rows, published, strict=True):
            if row["kind"] != kind:
                continue
            names.append(row["label"])
            reader.truth[row["label"]] = row["count"]
            reader.see_share(row["label"], shown["share"], "members")
            if shown["deviation"] is not None and not is_suppressed(shown["share"]):
                assert shown["deviation"] == row["deviation"]
        other = ("other", kind)
        reader.truth[other] = members - sum(reader.truth[n] for n in names)
        reader.implies("members", [*names, other])
    reader.check()


def test_the_audit_examples():
    # "Pornainen 1,7 % of 60": one person.
    d = Disclosure(minimum=5)
    d.count("all", 60)
    d.sum("all", [d.count("pornainen", 1), d.count("rest", 59)])
    assert is_suppressed(d.value("pornainen"))
    assert is_suppressed(d.share("pornainen", "all"))
    assert is_suppressed(d.value("rest"))  # else 60 − 59 = 1
    assert d.value("all") == 60
    # "negative: 2" of 60 on a goal page, and 58 of 60 positive.
    (row,) = publish_goal_themes([{"name": "x", "n": 60, "negative": 2}], 5)
    assert is_suppressed(row["negative"])
    assert row["n"] == 60
    (row,) = publish_goal_themes([{"name": "x", "n": 60, "negative": 58}], 5)
    assert is_suppressed(row["negative"])


@pytest.mark.parametrize(
    "language,text", [("fi", "alle 5"), ("sv", "färre än 5")]
)
def test_suppressed_cells_read_as_text(language, text, settings):
    from django.utils import translation

    with translation.override(language):
        assert str(Suppressed(5)) == text
