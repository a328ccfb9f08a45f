"""book/references.md credits the bodies the course draws on and every piece of research
the question banks and misconception catalogues cite by author."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REFERENCES = (REPO / "book" / "references.md").read_text(encoding="utf-8")

# Author names as the banks and catalogues cite them (first author of each work).
CITED_AUTHORS = ("Driver", "Taber", "Kind", "Shipstone", "Hestenes", "Garnett", "Treagust", "Sanger", "Boo",
                 "Barker", "Millar", "Abrahams", "Hackling", "Van Driel", "Roediger", "Butterfield", "Cepeda",
                 "Rohrer", "Karpicke", "Dunlosky", "Soderstrom", "Wiliam", "Guskey", "Sharp", "Schneps")


def cited_text() -> str:
    folders = [REPO / "stemcpd" / "quiz" / "banks", REPO / "stemcpd" / "quiz" / "misconceptions"]
    return "\n".join(path.read_text(encoding="utf-8") for folder in folders for path in folder.glob("*.yaml"))


def test_the_bodies_behind_the_course_are_credited():
    for body in ("STEM Learning", "CPD Impact Toolkit", "Institute of Physics", "Royal Society of Chemistry",
                 "Association for Science Education", "CLEAPSS", "AQA"):
        assert body in REFERENCES, body


def test_every_author_the_banks_cite_is_in_the_references():
    text = cited_text() + "\n".join(
        path.read_text(encoding="utf-8") for path in (REPO / "workbooks").glob("*.ipynb"))
    for author in CITED_AUTHORS:
        if re.search(rf"\b{author}\b", text):
            assert re.search(rf"\b{author}\b", REFERENCES), f"{author} is cited in the course but not in references.md"
