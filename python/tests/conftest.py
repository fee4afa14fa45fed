"""Where the `rankinfo` command is, for the tests that compare with it.

`RANKINFO_BIN` names it (.ci/run sets it); otherwise the debug or release
build in the workspace's target/ is used, and those tests are skipped when
there is none.
"""
import os
import pathlib
import subprocess
import json

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _binary():
    named = os.environ.get("RANKINFO_BIN")
    if named:
        path = pathlib.Path(named)
        if not path.is_file():
            raise RuntimeError(f"RANKINFO_BIN={named} does not exist")
        return path
    for profile in ("debug", "release"):
        path = ROOT / "target" / profile / "rankinfo"
        if path.is_file():
            return path
    return None


@pytest.fixture(scope="session")
def cli():
    """Run `rankinfo ARGS --json` and return (exit code, parsed JSON)."""
    binary = _binary()
    if binary is None:
        pytest.skip("no rankinfo binary: cargo build, or set RANKINFO_BIN")

    def run(*args):
        out = subprocess.run(
            [str(binary), *args, "--json", "--color", "never"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        assert out.returncode in (0, 1), out.stderr
        return out.returncode, json.loads(out.stdout)

    return run
