from django.utils.html import escape


def plain_to_html(text):
    """Turn the demo data's plain text (blank-line paragraphs, "- " bullet
    lines) into the simple HTML Wagtail's rich text stores."""
    parts = []
    for block in [b.strip() for b in (text or "").split("\n\n") if b.strip()]:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{escape(line[2:].strip())}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{escape(' '.join(lines))}</p>")
    return "".join(parts)
