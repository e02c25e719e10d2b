"""Test-only tools from the npm registry (package.json / package-lock.json):
axe-core and the Nu HTML Checker (vnu-jar, run with the machine's Java).
`make test` installs them; run directly, the tests install them on first use
with `npm ci` (install scripts off: vnu-jar's only downloads a Java we do
not use). Missing tools skip the tests locally and fail them in CI."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _missing(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (in CI `make test` must provide it)")
    pytest.skip(reason)


def node_tool(path):
    """The path of an npm-installed tool, installing node_modules if needed."""
    if not path.exists():
        npm = shutil.which("npm")
        if npm is None:
            _missing("npm is missing: cannot install axe-core and vnu-jar")
        result = subprocess.run(
            [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode or not path.exists():
            _missing(f"`npm ci` failed: {result.stderr[-1000:]}")
    return path


def java():
    found = shutil.which("java")
    if found is None:
        _missing("Java is missing (scripts/ensure-system-packages installs it)")
    return found
