"""Markdown is cut into slide-sized pieces between blocks, never inside one, and a piece
never ends on a heading."""

from pathlib import Path

import nbformat
import pytest

from stemcpd.deck.split import LAYOUT, _blocks, block_height, heading_level, split_markdown

REPO = Path(__file__).resolve().parents[2]
WORKBOOKS = sorted((REPO / "workbooks").glob("*.ipynb"))


def _words(text: str) -> list[str]:
    return text.split()


def test_short_markdown_stays_one_piece():
    assert split_markdown("## Title\n\nOne short paragraph.") == ["## Title\n\nOne short paragraph."]


def test_long_section_is_cut_between_paragraphs_and_keeps_every_word():
    paragraphs = [f"Paragraph {n}. " + "The period depends on the length and not on the mass. " * 6 for n in range(8)]
    source = "## Subject knowledge\n\n" + "\n\n".join(paragraphs)
    pieces = split_markdown(source)
    assert len(pieces) >= 3
    assert _words(" ".join(pieces)) == _words(source)
    for piece in pieces:
        assert sum(block_height(block) for block in piece.split("\n\n")) <= LAYOUT.budget_px
        assert all(piece.count(f"Paragraph {n}.") <= 1 for n in range(8))  # no paragraph cut in two


def test_a_piece_never_ends_on_a_heading_and_a_sub_section_starts_fresh_when_half_full():
    filler = "A sentence about energy stores and pathways that takes up a line or so. " * 3
    source = f"## Energy\n\n{filler}\n\n{filler}\n\n{filler}\n\n### Efficiency\n\n{filler}"
    pieces = split_markdown(source)
    assert all(not heading_level(piece.split("\n\n")[-1]) for piece in pieces)
    assert any(piece.startswith("### Efficiency") for piece in pieces)


def test_one_paragraph_taller_than_a_slide_is_cut_between_sentences():
    sentence = "Current is the rate of flow of charge, measured in amperes with an ammeter in series."
    source = " ".join([sentence] * 40)
    pieces = split_markdown(source)
    assert len(pieces) >= 2
    assert all(piece.endswith(".") for piece in pieces)
    assert _words(" ".join(pieces)) == _words(source)


def test_fenced_code_and_tables_are_never_cut():
    table = "\n".join(["| a | b |", "| --- | --- |"] + [f"| {n} | {n * n} |" for n in range(6)])
    code = "```\nline one\n\nline three\n```"
    blocks = _blocks(f"Intro.\n\n{table}\n\n{code}")
    assert table in blocks and code in blocks


@pytest.mark.parametrize("path", WORKBOOKS, ids=lambda p: p.stem)
def test_every_workbook_cell_splits_without_losing_words(path):
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            assert _words(" ".join(split_markdown(cell.source))) == _words(cell.source)
