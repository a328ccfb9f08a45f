"""Issue 16, item 9: the package metadata uses forms the build backend keeps supporting.

setuptools warned that the ``license = {text = …}`` table stops being supported on
2027-02-18; SPDX strings need setuptools 77 or later, so the backend is pinned to a
range known to build this project.
"""

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[2]


def test_license_is_an_spdx_string_with_its_file():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert not any("License ::" in classifier for classifier in project.get("classifiers", []))
    files = [path for pattern in project["license-files"] for path in REPO.glob(pattern)]
    assert files and "MIT License" in files[0].read_text(encoding="utf-8")


def test_build_backend_is_pinned_to_a_range_that_reads_spdx():
    build = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    (requirement,) = [Requirement(text) for text in build["requires"] if text.startswith("setuptools")]
    assert "76.9" not in requirement.specifier and "77.0" in requirement.specifier
    assert list(requirement.specifier.filter(["80.10.2"])) == ["80.10.2"]  # the version this was built with
    assert "81" not in requirement.specifier  # an upper bound: a new major must be tried before it is used
