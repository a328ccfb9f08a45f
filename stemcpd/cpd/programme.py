"""Programme-level evaluation: the CPD Impact Toolkit's headline figures over thousands of
records, per course, term and region, computed in DuckDB.

A national programme collects participants' exported records (thousands a term) and a
manifest saying which course, term and region each belongs to::

    file,course,term,region
    2026-autumn/north-west/0001.json,Physics for non-specialists,2026 autumn,North West

``stemcpd report --programme manifest.csv -o programme.html`` then:

1. reads every record through the same hostile-file checks as a group report
   (:func:`stemcpd.cpd.record_file.load_record_file`); a bad file is named and skipped,
   never stops the run; an exact duplicate is skipped;
2. flattens them into two tables, ``participants(record_id, course, term, region)`` and
   ``entries(record_id, seq, module, kind, field, text, written, saved_at)`` holding only
   the impact-record fields the counting reads: ``text`` is the chosen effect (free text is
   never loaded; ``written`` says whether the box had any), ``module`` a number and
   ``saved_at`` microseconds since 1970, so no participant's words reach the database;
3. runs :func:`headline_sql` in DuckDB: the latest text of each field, each impact
   record's status per circle and Guskey level (only a chosen effect counts; text alone
   is ``unknown``; nothing is ``not_answered``), one status per teacher (positive wins,
   see :mod:`stemcpd.cpd.impact`), and the counts per course, term, region and overall
   with ``GROUPING SETS``.

Why DuckDB: the counting is a few window functions and a grouped aggregate over some
hundreds of thousands of entries, which an embedded columnar engine does in a fraction
of a second, and the SQL is standard: the same query runs unchanged on PostgreSQL when
a programme keeps its records in a shared database (``book/deployment.md``). The Python
counting in :mod:`stemcpd.cpd.impact` is the reference; a test checks both agree.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
import hashlib
from pathlib import Path
import tempfile

from stemcpd.cpd.impact import STATUSES, EffectCounts
from stemcpd.cpd.prompts import (
    GUSKEY_LEVELS,
    IMPACT_CIRCLE_KEYS,
    IMPACT_CIRCLES,
    circle_effect_field,
    level_effect_field,
)

GROUPINGS = ("course", "term", "region")
MANIFEST_COLUMNS = ("file", "course", "term", "region")
_RANK = {"positive": 0, "negative": 1, "none_yet": 2, "unknown": 3, "not_answered": 4}
_KNOWN_FIELDS = frozenset(
    [circle_effect_field(circle) for circle in IMPACT_CIRCLES]
    + [name for fields in IMPACT_CIRCLES.values() for name in fields]
    + [level_effect_field(level.field) for level in GUSKEY_LEVELS]
)


class ManifestError(ValueError):
    """The manifest itself cannot be used (not one participant's file: the whole run)."""


@dataclass
class ProgrammeData:
    """Records read for a programme, flattened, and the files skipped with reasons."""

    participants: list[tuple] = field(default_factory=list)  # (record_id, course, term, region)
    # (record_id, seq, module number, kind, field, effect value or '', written, saved_at in µs since 1970)
    entries: list[tuple] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class HeadlineRow:
    """The Toolkit's figures for one group (a course, a term, a region, or everyone)."""

    grouping: str  # "course", "term", "region" or "all"
    name: str
    teachers: int
    circles: dict[str, EffectCounts]  # circle key -> counts
    levels: dict[int, EffectCounts]


def read_manifest(path: str | Path) -> list[tuple[Path, str, str, str]]:
    """The manifest's rows as ``(file, course, term, region)``; files relative to the manifest.

    Raises:
        ManifestError: if it is missing, not CSV with the four columns, or empty.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ManifestError(f"cannot read the manifest {path}: {error}") from None
    reader = csv.DictReader(text.splitlines())
    if reader.fieldnames is None or not set(MANIFEST_COLUMNS) <= {name.strip() for name in reader.fieldnames}:
        raise ManifestError(f"{path} must be CSV with the columns {', '.join(MANIFEST_COLUMNS)} "
                            f"(found {', '.join(reader.fieldnames or []) or 'nothing'})")
    rows = []
    for row in reader:
        row = {(key or "").strip(): (value or "").strip() for key, value in row.items() if isinstance(value, str)}
        if not row.get("file"):
            continue
        def clean(name: str, default: str) -> str:
            return "".join(character for character in row.get(name, "") if character >= " ")[:200] or default

        rows.append((path.parent / row["file"], clean("course", "(no course)"), clean("term", "(no term)"),
                     clean("region", "(no region)")))
    if not rows:
        raise ManifestError(f"{path} lists no record files")
    return rows


def _flatten(chunk: list[tuple[int, str, str, str, str]]) -> tuple[list, list, list, list]:
    """Read and flatten some records (runs in a worker process for large programmes)."""
    from stemcpd.cpd.record_file import RecordFileError, parse_record_bytes, parse_timestamp, read_record_bytes

    participants, entries, skipped, digests = [], [], [], []
    for record_id, file, course, term, region in chunk:
        try:
            raw = read_record_bytes(file)
            data = parse_record_bytes(raw, file)
        except RecordFileError as error:
            skipped.append((file, error.problem))
            continue
        except Exception as error:  # noqa: BLE001 - one bad file never stops the programme's report
            skipped.append((file, f"could not be read ({type(error).__name__})"))
            continue
        # The same file sent twice (byte for byte) is one participant, not two.
        digest = hashlib.sha256(raw).hexdigest()
        digests.append((record_id, digest, file))
        participants.append((record_id, course, term, region))
        modules: dict[str, int] = {}
        for seq, entry in enumerate(data["entries"]):
            # Only what the counting needs reaches the database: known fields, the effect value
            # (never free text) and whether text was written. Module names become numbers.
            if entry["kind"] != "impact_record" or entry["field"] not in _KNOWN_FIELDS:
                continue
            text = entry["text"]
            value = text if text in ("positive", "none_yet", "negative") else ""
            saved = parse_timestamp(entry["saved_at"])
            entries.append((record_id, seq, modules.setdefault(entry["module"], len(modules)), "impact_record",
                            entry["field"], value, bool(text.strip()),
                            int(saved.timestamp() * 1_000_000)))
    return participants, entries, skipped, digests


def read_programme(rows: list[tuple[Path, str, str, str]], processes: int = 1) -> ProgrammeData:
    """Read every record in the manifest's rows, each in isolation, and flatten them.

    Args:
        rows: From :func:`read_manifest`.
        processes: Worker processes reading files (1 reads in this process).
    """
    jobs = [(index, str(file), course, term, region) for index, (file, course, term, region) in enumerate(rows)]
    if processes > 1 and len(jobs) > 200:
        import multiprocessing

        size = -(-len(jobs) // (processes * 4))
        chunks = [jobs[start:start + size] for start in range(0, len(jobs), size)]
        with multiprocessing.get_context("spawn").Pool(processes) as pool:
            parts = pool.map(_flatten, chunks)
    else:
        parts = [_flatten(jobs)]
    data = ProgrammeData()
    seen: dict[str, str] = {}
    duplicates: set[int] = set()
    for _, _, _, digests in parts:
        for record_id, digest, file in digests:
            if digest in seen:
                data.skipped.append((file, f"duplicates {seen[digest]}"))
                duplicates.add(record_id)
            else:
                seen[digest] = file
    for participants, entries, skipped, _ in parts:
        data.participants += [row for row in participants if row[0] not in duplicates]
        data.entries += [row for row in entries if row[0] not in duplicates]
        data.skipped += skipped
    return data


def _status_sql(effect_field: str, text_fields: tuple[str, ...]) -> str:
    """SQL for one impact record's status in a circle or level (see stemcpd.cpd.impact._status)."""
    texts = ", ".join(f"'{name}'" for name in text_fields)
    chosen = (f"MAX(CASE WHEN field = '{effect_field}' AND text IN ('positive', 'none_yet', 'negative') "
              "THEN text END)")
    return (f"CASE WHEN {chosen} IS NOT NULL THEN {chosen} "
            f"WHEN MAX(CASE WHEN field IN ({texts}) AND written THEN 1 ELSE 0 END) = 1 THEN 'unknown' "
            "ELSE 'not_answered' END")


def _columns() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Column name -> (effect field, text fields) for every circle and level."""
    columns = {IMPACT_CIRCLE_KEYS[circle]: (circle_effect_field(circle), fields)
               for circle, fields in IMPACT_CIRCLES.items()}
    columns.update({f"level{level.number}": (level_effect_field(level.field), (level.field,))
                    for level in GUSKEY_LEVELS})
    return columns


def headline_sql() -> str:
    """The programme's headline query (standard SQL: DuckDB here, PostgreSQL on a shared database).

    Reads tables ``participants`` and ``entries`` (see the module docstring) and returns one
    row per course, term, region and one for everyone (``grouping`` says which), with
    ``teachers`` and, for every circle and level, one count per status
    (``pupils_positive``, ``pupils_none_yet`` … ``level5_not_answered``).
    """
    columns = _columns()
    rank = "CASE {column} " + " ".join(f"WHEN '{status}' THEN {number}" for status, number in _RANK.items()) + " END"
    module_status = ",\n    ".join(f"{_status_sql(effect, texts)} AS {name}" for name, (effect, texts) in columns.items())
    teacher_rank = ",\n    ".join(f"COALESCE(MIN({rank.format(column='s.' + name)}), 4) AS {name}" for name in columns)
    counts = ",\n  ".join(
        f"SUM(CASE WHEN {name} = {_RANK[status]} THEN 1 ELSE 0 END) AS {name}_{status}"
        for name in columns for status in STATUSES
    )
    return f"""WITH latest AS (
  SELECT record_id, module, field, text, written FROM (
    SELECT record_id, module, field, text, written,
           ROW_NUMBER() OVER (PARTITION BY record_id, module, field ORDER BY saved_at DESC, seq DESC) AS newest
    FROM entries WHERE kind = 'impact_record') AS versions
  WHERE newest = 1
),
module_status AS (
  SELECT record_id, module,
    {module_status}
  FROM latest GROUP BY record_id, module
),
teacher AS (
  SELECT p.record_id, p.course, p.term, p.region,
    {teacher_rank}
  FROM participants AS p LEFT JOIN module_status AS s ON s.record_id = p.record_id
  GROUP BY p.record_id, p.course, p.term, p.region
)
SELECT
  CASE WHEN GROUPING(course) = 0 THEN 'course' WHEN GROUPING(term) = 0 THEN 'term'
       WHEN GROUPING(region) = 0 THEN 'region' ELSE 'all' END AS grouping,
  COALESCE(course, term, region, 'All participants') AS name,
  COUNT(*) AS teachers,
  {counts}
FROM teacher
GROUP BY GROUPING SETS ((course), (term), (region), ())
ORDER BY grouping, name"""


def headline_figures(data: ProgrammeData) -> list[HeadlineRow]:
    """Run :func:`headline_sql` over the flattened records in an in-memory DuckDB."""
    import duckdb

    connection = duckdb.connect(":memory:")
    try:
        connection.execute("CREATE TABLE participants (record_id INTEGER, course VARCHAR, term VARCHAR, "
                           "region VARCHAR)")
        connection.execute("CREATE TABLE entries (record_id INTEGER, seq INTEGER, module INTEGER, kind VARCHAR, "
                           "field VARCHAR, text VARCHAR, written BOOLEAN, saved_at BIGINT)")
        # Bulk-load through CSV files: DuckDB's CSV reader is far faster than row-by-row inserts.
        with tempfile.TemporaryDirectory(prefix="stemcpd-programme-") as folder:
            for table, rows in (("participants", data.participants), ("entries", data.entries)):
                path = Path(folder) / f"{table}.csv"
                with path.open("w", encoding="utf-8", newline="") as handle:
                    csv.writer(handle, lineterminator="\n").writerows(rows)
                connection.execute(f"INSERT INTO {table} SELECT * FROM read_csv(?, header = false, "
                                   "auto_detect = false, columns = " + _csv_columns(table) + ", quote = '\"', "
                                   "escape = '\"')", [str(path)])
        result = connection.execute(headline_sql())
        names = [column[0] for column in result.description]
        rows = [dict(zip(names, row)) for row in result.fetchall()]
    finally:
        connection.close()
    columns = _columns()
    figures = []
    for row in rows:
        counts = {name: EffectCounts(**{status: int(row[f"{name}_{status}"] or 0) for status in STATUSES})
                  for name in columns}
        figures.append(HeadlineRow(
            grouping=row["grouping"], name=str(row["name"]), teachers=int(row["teachers"]),
            circles={key: counts[key] for key in IMPACT_CIRCLE_KEYS.values()},
            levels={level.number: counts[f"level{level.number}"] for level in GUSKEY_LEVELS},
        ))
    order = {"all": 0, "course": 1, "term": 2, "region": 3}
    return sorted(figures, key=lambda item: (order[item.grouping], item.name))


def _csv_columns(table: str) -> str:
    if table == "participants":
        spec = {"record_id": "INTEGER", "course": "VARCHAR", "term": "VARCHAR", "region": "VARCHAR"}
    else:
        spec = {"record_id": "INTEGER", "seq": "INTEGER", "module": "INTEGER", "kind": "VARCHAR",
                "field": "VARCHAR", "text": "VARCHAR", "written": "BOOLEAN", "saved_at": "BIGINT"}
    return "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in spec.items()) + "}"


def to_html(figures: list[HeadlineRow], skipped: list[tuple[str, str]], title: str = "Programme evaluation") -> str:
    """The headline figures per course, term and region as a self-contained page."""
    import html

    circles = {IMPACT_CIRCLE_KEYS[circle]: circle for circle in IMPACT_CIRCLES}

    def percent(counts: EffectCounts) -> str:
        return f"{counts.positive_percent:.0f}%" if counts.positive_percent is not None else "–"

    sections = []
    for grouping, heading in (("all", "Everyone"), ("course", "Per course"), ("term", "Per term"),
                              ("region", "Per region")):
        rows = [row for row in figures if row.grouping == grouping]
        if not rows:
            continue
        head = "".join(f"<th scope='col'>{html.escape(title_)}: positive</th>" for title_ in circles.values())
        body = "".join(
            f"<tr><th scope='row'>{html.escape(row.name)}</th><td>{row.teachers}</td>"
            + "".join(f"<td>{percent(row.circles[key])} <small>({row.circles[key].positive} of "
                      f"{row.circles[key].answered}; {row.circles[key].none_yet} none yet, "
                      f"{row.circles[key].not_answered} not answered, {row.circles[key].unknown} unknown)</small></td>"
                      for key in circles)
            + "</tr>" for row in rows)
        sections.append(f"<section><h2>{heading}</h2><table><thead><tr><th scope='col'>{grouping.capitalize()}</th>"
                        f"<th scope='col'>Teachers</th>{head}</tr></thead><tbody>{body}</tbody></table></section>")
    skipped_html = ""
    if skipped:
        shown = "".join(f"<li><code>{html.escape(path)}</code> {html.escape(reason)}</li>" for path, reason in skipped[:200])
        more = f"<p>… and {len(skipped) - 200} more.</p>" if len(skipped) > 200 else ""
        skipped_html = f"<section><h2>Files skipped ({len(skipped)})</h2><ul>{shown}</ul>{more}</section>"
    css = ("body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#111}"
           "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #777;padding:.25em .5em;"
           "text-align:left}th{background:#e8f1f8}h2{border-bottom:2px solid #0072B2}")
    return (f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{css}</style></head><body><main><h1>{html.escape(title)}</h1>"
            "<p>The CPD Impact Toolkit's headline figures: teachers reporting a positive effect on themselves, "
            "on colleagues and on pupils, as a share of those who chose an effect. Text alone never counts "
            "as an effect.</p>" + "".join(sections) + skipped_html + "</main></body></html>")
