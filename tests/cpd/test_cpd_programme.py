"""Programme-level evaluation (issue 15): 10,000 generated records through
`stemcpd report --programme`; DuckDB's figures per course, term and region must equal the
statuses the generator chose, counted by hand here, and agree with stemcpd.cpd.impact."""

import json
from collections import defaultdict

import pytest

from stemcpd import cli
from stemcpd.cpd import generate, programme
from stemcpd.cpd.impact import combine, tally

pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("programme")
    manifest, truth = generate.generate_programme(folder, 10_000, seed=7)
    # Hostile and broken files in the same manifest: each is skipped, none stops the run.
    (folder / "records" / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "records" / "evil.json").write_text(json.dumps({
        "format": "stemcpd-record", "version": 1, "attempts": [], "entries": [
            {"module": "m", "kind": "impact_record", "field": "effect_on_pupils", "text": "'; DROP TABLE entries; --",
             "saved_at": "2026-01-01T00:00:00Z"}]}), encoding="utf-8")
    (folder / "records" / "copy.json").write_bytes((folder / "records" / "00000.json").read_bytes())
    with manifest.open("a", encoding="utf-8") as handle:
        handle.write("records/broken.json,X,Y,Z\nrecords/evil.json,X,Y,Z\nrecords/missing.json,X,Y,Z\n"
                     "records/copy.json,Physics for non-specialists,2026 autumn,London\n")
    return manifest, truth


def expected_counts(truth, grouping=None, name=None):
    chosen = [t for t in truth if grouping is None or t[grouping] == name]
    return {key: tally(combine(t["statuses"][key]) for t in chosen) for key in ("me", "colleagues", "pupils")}


def test_duckdb_figures_equal_what_was_generated(generated):
    manifest, truth = generated
    data = programme.read_programme(programme.read_manifest(manifest))
    reasons = {path.rsplit("/", 1)[-1]: reason for path, reason in data.skipped}
    assert set(reasons) == {"broken.json", "evil.json", "missing.json", "copy.json"}
    assert "not valid JSON" in reasons["broken.json"] and "does not exist" in reasons["missing.json"]
    assert reasons["copy.json"].startswith("duplicates")
    figures = programme.headline_figures(data)
    everyone = next(row for row in figures if row.grouping == "all")
    assert everyone.teachers == 10_000
    assert everyone.circles == expected_counts(truth)
    for grouping, names in (("course", generate.COURSES), ("term", generate.TERMS), ("region", generate.REGIONS)):
        rows = {row.name: row for row in figures if row.grouping == grouping}
        assert set(rows) == set(names)
        for name in names:
            assert rows[name].circles == expected_counts(truth, grouping, name), (grouping, name)
            assert rows[name].teachers == sum(t[grouping] == name for t in truth)
    # The figures are honest: "none yet", "unknown" and "not answered" are all present and apart.
    pupils = everyone.circles["pupils"]
    assert min(pupils.positive, pupils.none_yet, pupils.negative, pupils.unknown, pupils.not_answered) > 0


def test_the_cli_writes_the_programme_page_and_prints_the_sql(tmp_path, capsys):
    manifest, truth = generate.generate_programme(tmp_path, 400, seed=3)
    output = tmp_path / "programme.html"
    assert cli.main(["report", "--programme", str(manifest), "-o", str(output), "--processes", "2"]) == 0
    page = output.read_text(encoding="utf-8")
    for name in (*generate.COURSES, *generate.TERMS, *generate.REGIONS):
        assert f"<th scope='row'>{name}</th>" in page
    out = capsys.readouterr().out
    assert "Programme report for 400 teachers" in out and "positive effect on pupils" in out
    assert cli.main(["report", "--programme", str(manifest), "--print-sql"]) == 0
    sql = capsys.readouterr().out
    assert "GROUPING SETS" in sql and "ROW_NUMBER() OVER" in sql


def test_a_bad_manifest_is_one_clear_message(tmp_path, capsys):
    manifest = tmp_path / "m.csv"
    manifest.write_text("name,course\nx,y\n", encoding="utf-8")
    assert cli.main(["report", "--programme", str(manifest)]) == 2
    assert "must be CSV with the columns file, course, term, region" in capsys.readouterr().err
