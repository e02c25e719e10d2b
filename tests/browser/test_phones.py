"""Phones (issue 19 part 6, WCAG 1.4.10 reflow): no page type of
tests/public_urls.py scrolls sideways at 320 or 390 CSS px, in Finnish and
Swedish. Wide content (tables) scrolls inside its own container instead.
At 320 px each page is checked again with WCAG 1.4.12's text spacing."""

import pytest

from tests.public_urls import public_urls

pytestmark = pytest.mark.browser

WIDTHS = (320, 390)
# WCAG 1.4.12: the spacing a reader may set without losing content.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: .12em !important;
  word-spacing: .16em !important; }
p { margin-bottom: 2em !important; }"""

# The page's width, and every visible element that reaches past the right
# edge of the viewport and is not clipped by a scrolling/clipping ancestor
# (a table inside its .table-wrap may be wider: that is the point).
OVERFLOW = """() => {
  const width = window.innerWidth;
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") return true;
    }
    return false;
  };
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    if (el.classList.length) name += "." + [...el.classList].join(".");
    return name;
  };
  const tooWide = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.right > width + 0.5;
  };
  // Name the outermost element of each too-wide chain: that is the cause.
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (tooWide(el) && !tooWide(el.parentElement) && !clipped(el)) {
      const right = Math.round(el.getBoundingClientRect().right);
      wide.push(describe(el) + " (right edge " + right + " px)");
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: width,
    wide: wide.slice(0, 8),
  };
}"""


def test_no_page_type_scrolls_sideways(demo_server, browser):
    failures = []
    urls = public_urls()
    for width in WIDTHS:
        # bypass_csp lets the test add the text-spacing style sheet; the
        # pages are served with their real policy.
        context = browser.new_context(
            viewport={"width": width, "height": 800}, locale="fi-FI", bypass_csp=True
        )
        page = context.new_page()
        try:
            for name, language, url, status in urls:
                response = page.goto(demo_server.url + url)
                assert response.status == status, (name, url, response.status)
                checks = [f"{width} px"]
                if width == min(WIDTHS):
                    checks.append(f"{width} px with text spacing")
                for check in checks:
                    if "spacing" in check:
                        page.add_style_tag(content=TEXT_SPACING)
                    found = page.evaluate(OVERFLOW)
                    if found["scrollWidth"] > found["innerWidth"] or found["wide"]:
                        failures.append(
                            f"{check} {name} ({language}) {url}: page "
                            f"{found['scrollWidth']} px wide; "
                            + "; ".join(found["wide"])
                        )
        finally:
            context.close()
    assert not failures, "Pages scroll sideways on phones:\n" + "\n".join(failures)
