"""Browser libraries from the npm registry, installed at build time and served by the
site itself (never a CDN).

Every npm package stemcpd serves is pinned in ``NPM_PACKAGES``; :func:`npm_modules`
installs them once into a cache folder (``$XDG_CACHE_HOME/stemcpd/site-npm``) and
returns its ``node_modules``. The slides keep their own list (:mod:`stemcpd.slides`).
"""

from __future__ import annotations

import os
from pathlib import Path
import shutil
import subprocess

from filelock import FileLock

# name -> exact version; add a package here and read its files with vendored_file().
NPM_PACKAGES: dict[str, str] = {
    # JSON Schema validator for importing a CPD record on "My CPD record" (draft-07;
    # dist/ajv.min.js is one self-contained browser file).
    "ajv": "6.12.6",
    # FSRS-6 scheduling for the Review page (stemcpd/site/review.py); its defaults match
    # the Python fsrs 6.x package used by stemcpd.quiz.schedule (tests/quiz/test_review_parity.py).
    "ts-fsrs": "5.4.2",
}


class VendorError(RuntimeError):
    """A browser library could not be installed; says what to do."""


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "stemcpd" / "site-npm"


def npm_modules(packages: dict[str, str] | None = None, cache: Path | None = None) -> Path:
    """The ``node_modules`` folder holding ``packages`` (default: all of ``NPM_PACKAGES``)
    at their pinned versions, installing what is missing with npm.

    Raises:
        VendorError: when npm is missing or the install fails.
    """
    packages = NPM_PACKAGES if packages is None else packages
    cache = cache or cache_dir()
    modules = cache / "node_modules"

    def installed(name: str, version: str) -> bool:
        manifest = modules / name / "package.json"
        if not manifest.is_file():
            return False
        import json

        try:
            return json.loads(manifest.read_text(encoding="utf-8")).get("version") == version
        except ValueError:
            return False

    missing = {name: version for name, version in packages.items() if not installed(name, version)}
    if not missing:
        return modules
    cache.mkdir(parents=True, exist_ok=True)
    # Two builds (or a build and a test run) at once must not run npm into one folder together.
    with FileLock(str(cache / "install.lock"), timeout=900):
        missing = {name: version for name, version in missing.items() if not installed(name, version)}
        if missing:
            _npm_install(cache, missing, installed)
    return modules


def _npm_install(cache: Path, missing: dict[str, str], installed) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise VendorError(
            "building the site needs npm (Node.js) to fetch its browser libraries "
            f"({', '.join(sorted(missing))}); install Node.js, e.g. `apt-get install npm`"
        )
    result = subprocess.run(
        [npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund", "--silent", "--save-exact",
         *(f"{name}@{version}" for name, version in sorted(missing.items()))],
        capture_output=True, text=True, timeout=600,
    )
    if result.returncode != 0 or not all(installed(n, v) for n, v in missing.items()):
        raise VendorError(f"npm could not install {sorted(missing)}:\n{(result.stderr or result.stdout)[-2000:]}")


def vendored_file(package: str, relative: str, packages: dict[str, str] | None = None) -> Path:
    """The path of a file inside an installed npm package, e.g.
    ``vendored_file("ts-fsrs", "dist/index.umd.js")``."""
    path = npm_modules(packages) / package / relative
    if not path.is_file():
        raise VendorError(f"{package} has no {relative} (is the pinned version right?)")
    return path
