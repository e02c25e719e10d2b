"""What a tagged PDF tells assistive technology: its language, its title and
its structure tree (tags, alt texts). Read with pypdf, so a test checks the
document as a screen reader would receive it, not the HTML behind it."""

import io
from dataclasses import dataclass, field

from pypdf import PdfReader


@dataclass
class Structure:
    language: str
    title: str
    shows_title: bool
    marked: bool
    tags: list = field(default_factory=list)  # [(tag, alt text or None)]
    text: str = ""

    def count(self, tag):
        return sum(1 for name, _alt in self.tags if name == tag)

    def figures_without_alt(self):
        return [alt for name, alt in self.tags if name == "Figure" and not alt]


def read(pdf_bytes):
    reader = PdfReader(io.BytesIO(pdf_bytes))
    root = reader.trailer["/Root"]
    tags = []

    def walk(node):
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if "/S" in node:
            tags.append((str(node["/S"]).lstrip("/"), node.get("/Alt")))
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, list) else [kids]:
            walk(kid)

    if "/StructTreeRoot" in root:
        walk(root["/StructTreeRoot"])
    preferences = root.get("/ViewerPreferences", {})
    return Structure(
        language=str(root.get("/Lang", "")),
        title=str((reader.metadata or {}).get("/Title", "")),
        shows_title=bool(preferences.get("/DisplayDocTitle")),
        marked=bool(root.get("/MarkInfo", {}).get("/Marked")),
        tags=tags,
        text="\n".join(page.extract_text() for page in reader.pages),
    )
