"""The course site's simulation player inside the slides: every control, playback, no kernel.

A workbook's simulation leaves a placeholder in its output
(:func:`stemcpd.ui.static.player_placeholder_html`). For the slides, each placeholder's
data (every setting the player can show, computed by the simulation's own model) is
written beside the deck as one script, ``stemcpd-sims/<key>.js``, which fills
``window.stemcpdPlayerData[<key>]``; the placeholder is pointed at it with
``data-stemcpd-inline``. Scripts rather than JSON files because a deck opened from a
folder (``file:``) may not fetch files, but may load scripts. The data comes from the
site build's cache when the book has been built (:func:`stemcpd.site.player.cache_dir`),
so building slides after the site computes nothing again.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
import tempfile

from stemcpd.ui.static import parse_placeholders

DATA_FOLDER = "stemcpd-sims"


def _payload(folder: Path) -> dict:
    files: dict = {}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".json":
            files[path.name] = json.loads(path.read_text(encoding="utf-8"))
        elif path.suffix == ".png":
            files[path.name] = "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
    return files


def write_player_scripts(html_outputs: list[str], output_dir: Path, log=print) -> dict[str, str]:
    """Write the data script of every simulation placeholder in ``html_outputs``.

    Returns ``{placeholder tag: key}``; the scripts are ``output_dir/stemcpd-sims/<key>.js``.
    """
    from stemcpd.site.player import generate_all
    from stemcpd.ui.player_data import player_key

    tags: dict[str, str] = {}
    jobs: dict[str, tuple[str, dict]] = {}
    for text in html_outputs:
        for simulation, settings, tag in parse_placeholders(text):
            key = player_key(simulation, settings)
            tags[tag] = key
            jobs[key] = (simulation, settings)
    folder = output_dir / DATA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {key for key in jobs if not (folder / f"{key}.js").is_file()}
    with tempfile.TemporaryDirectory(prefix="stemcpd-slide-sims-") as scratch:
        generate_all([(simulation, settings, str(Path(scratch) / key))
                      for key, (simulation, settings) in sorted(jobs.items()) if key in wanted],
                     processes=1, log=log)  # in this process: callers need no __main__ guard
        for key in sorted(wanted):
            # JSON inside a script: "</" must not end a <script> early if ever inlined.
            payload = json.dumps(_payload(Path(scratch) / key), separators=(",", ":")).replace("</", "<\\/")
            partial = folder / f"{key}.js.partial"
            partial.write_text(
                "window.stemcpdPlayerData = window.stemcpdPlayerData || {};\n"
                f"window.stemcpdPlayerData[{json.dumps(key)}] = {payload};\n",
                encoding="utf-8",
            )
            partial.replace(folder / f"{key}.js")
    return tags


def point_placeholders(text: str, tags: dict[str, str]) -> str:
    """``text`` with each known placeholder reading its data from the page (inline key)."""
    for tag, key in tags.items():
        text = text.replace(tag, tag[:-1] + f' data-stemcpd-inline="{key}">')
    return text
