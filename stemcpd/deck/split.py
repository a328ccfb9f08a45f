"""Cutting a workbook's Markdown into pieces that fit one slide.

A workbook section is written to be scrolled; a projector shows 1280×720 at a time.
:func:`split_markdown` cuts a cell's Markdown between blocks (headings, paragraphs, list
items, tables, fenced code), never inside one, except that a paragraph too tall for a
slide on its own is cut between sentences. A piece ends before a sub-heading when it is
already half full, so a sub-section starts on a fresh slide, and never ends on a
heading. Heights are estimated from the slide's type sizes (:data:`LAYOUT`): the deck's
own fit-to-stage script (the slides template) shrinks the rare slide the estimate gets
wrong, and the browser test checks every slide of every workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
import math
import re


@dataclass(frozen=True)
class Layout:
    """The slide's type sizes as the deck's CSS sets them (pixels on the 1280×720 stage).

    Attributes:
        budget_px: height a piece may fill (the stage less margins, the section label above
            a continued slide and the slide number).
        characters_per_line: body-text characters in one line across the slide.
        line_px: one line of body text.
        gap_px: space after a paragraph or list.
        heading_px: a heading by level (1, 2, 3 and deeper).
        table_row_px: one table row.
        image_px: an image in Markdown.
    """

    budget_px: int = 580
    characters_per_line: int = 78
    line_px: int = 36
    gap_px: int = 18
    heading_px: tuple[int, int, int] = (120, 100, 66)
    table_row_px: int = 40
    image_px: int = 380


LAYOUT = Layout()

_HEADING = re.compile(r"^(#{1,6})\s")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(“\"'*_$])")


def _blocks(source: str) -> list[str]:
    """The Markdown's blocks: fenced code whole; headings alone; list items one each."""
    blocks: list[str] = []
    current: list[str] = []
    fence = None

    def flush():
        if current:
            blocks.append("\n".join(current))
            current.clear()

    for line in source.splitlines():
        stripped = line.strip()
        if fence is not None:
            current.append(line)
            if stripped.startswith(fence):
                fence = None
                flush()
            continue
        if stripped.startswith(("```", "~~~")):
            flush()
            fence = stripped[:3]
            current.append(line)
        elif not stripped:
            flush()
        elif _HEADING.match(stripped):
            flush()
            blocks.append(line)
        elif _LIST_ITEM.match(line) and not line.startswith((" ", "\t")):
            flush()
            current.append(line)
        else:
            current.append(line)
    flush()
    return blocks


def heading_level(block: str) -> int:
    """1–6 for a heading block, 0 for anything else."""
    match = _HEADING.match(block.strip())
    return len(match.group(1)) if match else 0


def block_height(block: str, layout: Layout = LAYOUT) -> int:
    """Estimated height of one block on the slide, in stage pixels."""
    level = heading_level(block)
    if level:
        return layout.heading_px[min(level, 3) - 1]
    lines = block.splitlines()
    if all(line.lstrip().startswith("|") for line in lines):
        rows = [line for line in lines if not re.fullmatch(r"\s*\|[\s:|-]*\|?\s*", line)]
        cells = max((line.count("|") - 1 for line in rows), default=1) or 1
        per_cell = max(8, layout.characters_per_line // cells)
        height = 0
        for row in rows:
            longest = max((len(cell.strip()) for cell in row.strip().strip("|").split("|")), default=0)
            height += max(1, math.ceil(longest / per_cell)) * layout.table_row_px
        return height + layout.gap_px
    if re.search(r"!\[[^\]]*\]\(|<img\b", block):
        return layout.image_px
    if lines and lines[0].lstrip().startswith(("```", "~~~")):
        return (len(lines) - 2) * layout.line_px + layout.gap_px
    text = re.sub(r"\$[^$]*\$", "xxxxxx", " ".join(line.strip() for line in lines))  # maths sets short
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link shows its text only
    text = re.sub(r"[*_`]", "", text)
    width = layout.characters_per_line - (4 if _LIST_ITEM.match(block) else 0)
    return max(1, math.ceil(len(text) / width)) * layout.line_px + layout.gap_px


def _sentences(block: str, layout: Layout) -> list[str]:
    """A paragraph too tall for one slide, cut between sentences into fitting parts."""
    parts: list[str] = []
    current = ""
    for sentence in _SENTENCE_END.split(" ".join(block.split())):
        candidate = f"{current} {sentence}".strip()
        if current and block_height(candidate, layout) > layout.budget_px - layout.heading_px[2]:
            parts.append(current)
            current = sentence
        else:
            current = candidate
    if current:
        parts.append(current)
    return parts


def split_markdown(source: str, layout: Layout = LAYOUT) -> list[str]:
    """``source`` as a list of Markdown pieces, each estimated to fit one slide."""
    blocks: list[str] = []
    for block in _blocks(source):
        if not heading_level(block) and block_height(block, layout) > layout.budget_px and "\n" not in block.strip():
            blocks.extend(_sentences(block, layout))
        elif not heading_level(block) and block_height(block, layout) > layout.budget_px \
                and not block.lstrip().startswith(("|", "```", "~~~")):
            blocks.extend(_sentences(" ".join(block.split()), layout))
        else:
            blocks.append(block)
    pieces: list[list[str]] = []
    current: list[str] = []
    used = 0
    for block in blocks:
        height = block_height(block, layout)
        level = heading_level(block)
        starts_section = level and current and (level <= 2 or used > layout.budget_px // 2)
        if current and (starts_section or used + height > layout.budget_px):
            # never leave a heading as the last thing on a slide: it moves with its text
            carried = []
            while current and heading_level(current[-1]):
                carried.insert(0, current.pop())
            if current:
                pieces.append(current)
            current = carried
            used = sum(block_height(b, layout) for b in current)
        current.append(block)
        used += height
    if current:
        pieces.append(current)
    return ["\n\n".join(piece) for piece in pieces]
