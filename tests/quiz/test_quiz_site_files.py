"""The files the site's quiz extensions write at build time (stemcpd.site.quiz and
stemcpd.site.review), checked without building the book."""

import json

import pytest

from stemcpd.quiz.bank import load_packaged_bank, packaged_bank_names
from stemcpd.quiz.schedule import browser_parameters


def test_engine_and_style_sheet(tmp_path):
    from stemcpd.site.quiz import ENGINE_FILE, STYLE_FILE, engine_source, write_static_files

    write_static_files(tmp_path)
    engine = (tmp_path / ENGINE_FILE).read_text(encoding="utf-8")
    # The engine follows the quantity marker and its data (stemcpd.quiz.static.engine_script).
    assert engine.endswith(engine_source().read_text(encoding="utf-8"))
    assert "window.stemcpdQuantity.configure(" in engine
    assert ".stemcpd-quiz-question{" in (tmp_path / STYLE_FILE).read_text(encoding="utf-8")


def test_review_files_hold_every_bank_and_the_python_schedulers_settings(tmp_path):
    import shutil

    if shutil.which("npm") is None:
        pytest.skip("npm is needed to fetch ts-fsrs (the site build needs it too)")
    from stemcpd.site.review import BANKS_FOLDER, FSRS_FILE, write_review_files

    topics = write_review_files(tmp_path)
    assert sorted(topics) == sorted(load_packaged_bank(name).topic for name in packaged_bank_names())
    index = json.loads((tmp_path / BANKS_FOLDER / "index.json").read_text(encoding="utf-8"))
    assert index == {"schedule": browser_parameters(), "banks": sorted(topics)}
    assert "exports.fsrs = fsrs" in (tmp_path / FSRS_FILE).read_text(encoding="utf-8")
    assert "MIT" in (tmp_path / "ts-fsrs.LICENSE.txt").read_text(encoding="utf-8")
    pendulum = json.loads((tmp_path / BANKS_FOLDER / "pendulum.json").read_text(encoding="utf-8"))
    bank = load_packaged_bank("pendulum")
    assert pendulum["topic"] == "pendulum" and pendulum["title"] == bank.title
    assert list(pendulum["cards"]) == [question.id for question in bank]
    assert all("<script" not in html.lower() for html in pendulum["cards"].values())
    assert [entry["id"] for entry in pendulum["data"]["questions"]] == [question.id for question in bank]
