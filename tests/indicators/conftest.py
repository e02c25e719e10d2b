import pytest


def csv_bytes(*lines, delimiter=",", bom=False, newline="\n"):
    """A CSV file's bytes from rows given as tuples (or ready strings)."""
    text = newline.join(
        line if isinstance(line, str) else delimiter.join(str(f) for f in line)
        for line in lines
    )
    data = (text + newline).encode("utf-8")
    return b"\xef\xbb\xbf" + data if bom else data


HEADER = ("indicator", "region", "year", "gender", "value")


@pytest.fixture
def good_file():
    """Three new values for 2024 (the demo data stops at 2023)."""
    return csv_bytes(
        HEADER,
        ("morbidity_index", "keusote", 2024, "total", "88.4"),
        ("morbidity_index", "186", 2024, "total", "92.5"),
        ("mental_health_index", "koko-maa", 2024, "total", "100"),
    )
