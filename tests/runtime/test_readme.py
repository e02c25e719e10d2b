"""The README's "Running in production" section says what CI runs: its
process lines are the Procfile's, its backup commands exist."""

import re

from .harness import ROOT, procfile_commands


def production_section():
    readme = (ROOT / "README.md").read_text()
    return readme[readme.index("## Running in production") :]


def test_readme_processes_are_the_procfiles():
    section = production_section()
    block = section[section.index("```") + 3 :]
    block = block[: block.index("```")]
    listed = {}
    for line in block.strip().splitlines():
        name, _, rest = line.partition(":")
        listed[name.strip()] = re.split(r"\s+#", rest)[0].strip()
    assert listed == procfile_commands()


def test_readme_backup_commands_exist():
    from django.core.management import get_commands

    section = production_section()
    for command in re.findall(r"python manage\.py (\w+)", section):
        assert command in get_commands(), command
