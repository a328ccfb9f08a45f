"""The portable CPD record file: its JSON Schema, its limits, and reading one safely.

A record file is what ``stemcpd record export --json`` and the course site's "My CPD
record" page write (:func:`stemcpd.cpd.record.to_json`): ``{"format": "stemcpd-record",
"version": 1, "participant", "exported_at", "attempts": […], "entries": […]}``. It moves a
teacher's record between machines and between the site and JupyterLab, so it arrives
from outside and is treated as hostile until checked.

Why it is built this way:

* **One schema for both sides.** ``record.schema.json`` (JSON Schema draft-07, shipped as
  package data) is the format's definition. Python validates with ``jsonschema``; the
  site copies the same file and validates imports in the browser with Ajv, so a file
  one side accepts the other accepts too. The supported version is the schema's
  ``properties.version.const``, and the file-size limit its ``x-stemcpd-limits``.
* **Clear messages in the order a person would want them.** Too big, not JSON, not a
  stemcpd record at all, written by a newer stemcpd, and only then the first schema
  problem, named by its place in the file (``attempts[3].correct``).
* **Checks that a schema cannot make.** Timestamps must be real dates, and JSON's
  non-standard ``NaN`` and ``Infinity`` are refused.
"""

from __future__ import annotations

import functools
import json
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from stemcpd.cpd.record import RECORD_FORMAT, RECORD_VERSION

SCHEMA_FILE_NAME = "record.schema.json"


class RecordFileError(ValueError):
    """A record file that cannot be used; the message names the file and the problem.

    Attributes:
        source: The file (or other source) the record came from.
        problem: What is wrong, in words a teacher can act on.
    """

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


def schema_path() -> Path:
    """Where the packaged ``record.schema.json`` is (the site copies this file)."""
    return Path(str(resources.files("stemcpd.cpd").joinpath(SCHEMA_FILE_NAME)))


@functools.lru_cache(maxsize=1)
def schema() -> dict:
    """The record format's JSON Schema (draft-07), read once."""
    return json.loads(schema_path().read_text(encoding="utf-8"))


def max_file_bytes() -> int:
    """The largest record file either side reads (the schema's ``x-stemcpd-limits``)."""
    return int(schema()["x-stemcpd-limits"]["max_file_bytes"])


@functools.lru_cache(maxsize=1)
def _validator():
    # Imported here: jsonschema takes about a second to import and most commands never
    # read a record file.
    import jsonschema

    jsonschema.Draft7Validator.check_schema(schema())
    return jsonschema.Draft7Validator(schema())


def _place(path) -> str:
    """``attempts[3].correct`` from a jsonschema error path."""
    place = ""
    for part in path:
        place += f"[{part}]" if isinstance(part, int) else (f".{part}" if place else str(part))
    return place or "the top level"


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(error) -> str:
    """A schema error in a teacher's words, naming where in the file it is."""
    place = _place(error.absolute_path)
    validator = error.validator
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{place} lacks the required {missing!r}"
    if validator == "additionalProperties":
        return f"{place} has a field this format does not have ({error.message})"
    if validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return f"{place} should be {' or '.join(map(str, wanted))}, not {_short(error.instance)}"
    if "ISO 8601" in str(error.schema.get("description", "")):
        return f"{place} is not a date and time with a time zone: {_short(error.instance)}"
    if validator == "maxLength":
        return f"{place} is longer than {error.validator_value} characters"
    if validator == "maxItems":
        return f"{place} has more than {error.validator_value} items"
    if validator in ("pattern", "minLength"):
        return f"{place} must not be empty"
    if validator == "enum":
        allowed = ", ".join(_short(value) for value in error.validator_value)
        return f"{place} is {_short(error.instance)}; it must be one of {allowed}"
    return f"{place}: {error.message}"


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def parse_timestamp(text: str) -> datetime:
    """A record timestamp (already pattern-checked) as an aware UTC datetime.

    Raises:
        ValueError: If it is not a real date and time (e.g. month 13).
    """
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone")
    return moment.astimezone(timezone.utc)


@functools.lru_cache(maxsize=1)
def _quick_rules() -> dict:
    """What :func:`quick_valid` checks, read from the schema itself so the two cannot drift."""
    import re

    definitions = schema()["definitions"]
    attempt, entry = definitions["attempt"], definitions["entry"]
    rules = {
        "top_keys": frozenset(schema()["properties"]),
        "top_required": frozenset(schema()["required"]),
        "participant_max": schema()["properties"]["participant"]["maxLength"],
        "attempts_max": schema()["properties"]["attempts"]["maxItems"],
        "entries_max": schema()["properties"]["entries"]["maxItems"],
        "timestamp": re.compile(definitions["timestamp"]["pattern"]),
        "timestamp_max": definitions["timestamp"]["maxLength"],
        "name": re.compile(definitions["name"]["pattern"]),
        "name_max": definitions["name"]["maxLength"],
        "attempt_keys": frozenset(attempt["properties"]),
        "attempt_required": frozenset(attempt["required"]),
        "response_max": attempt["properties"]["response"]["maxLength"],
        "score_min": attempt["properties"]["score"]["minimum"],
        "score_max": attempt["properties"]["score"]["maximum"],
        "misconception_max": attempt["properties"]["misconception"]["maxLength"],
        "confidence": tuple(attempt["properties"]["confidence"]["enum"]),
        "entry_keys": frozenset(entry["properties"]),
        "entry_required": frozenset(entry["required"]),
        "kinds": tuple(entry["properties"]["kind"]["enum"]),
        "text_max": entry["properties"]["text"]["maxLength"],
        "conditions": [],
    }
    for condition in entry.get("allOf", []):
        when = condition["if"]["properties"]
        then = condition["then"]["properties"]["text"]
        field = when["field"]
        rules["conditions"].append((
            when["kind"]["const"],
            re.compile(field["pattern"]) if "pattern" in field else None,
            field.get("const"),
            tuple(then["enum"]) if "enum" in then else None,
            re.compile(then["pattern"]) if "pattern" in then else None,
        ))
    return rules


def quick_valid(data: Any) -> bool:
    """True only if ``data`` is certainly valid against the record schema.

    About thirty times faster than jsonschema, so a programme's ten thousand records are
    read in seconds. It is conservative: False means "ask jsonschema" (which words the
    problem), never "invalid" by itself. A test checks it never accepts a record the
    schema refuses, on generated and hostile records.
    """
    rules = _quick_rules()
    if type(data) is not dict or not data.keys() <= rules["top_keys"] or not rules["top_required"] <= data.keys():
        return False
    if data["format"] != RECORD_FORMAT or type(data["version"]) is not int or data["version"] != RECORD_VERSION:
        return False
    timestamp, timestamp_max = rules["timestamp"], rules["timestamp_max"]
    name, name_max = rules["name"], rules["name_max"]

    def is_time(value: Any) -> bool:
        return type(value) is str and len(value) <= timestamp_max and timestamp.search(value) is not None

    known_names: set[str] = set()  # module and field names repeat: check each once per record

    def is_name(value: Any) -> bool:
        if type(value) is not str:
            return False
        if value in known_names:
            return True
        if 1 <= len(value) <= name_max and name.search(value) is not None:
            known_names.add(value)
            return True
        return False

    if "participant" in data and not (type(data["participant"]) is str
                                      and len(data["participant"]) <= rules["participant_max"]):
        return False
    if "exported_at" in data and not is_time(data["exported_at"]):
        return False
    attempts, entries = data["attempts"], data["entries"]
    if type(attempts) is not list or len(attempts) > rules["attempts_max"]:
        return False
    if type(entries) is not list or len(entries) > rules["entries_max"]:
        return False
    attempt_keys, attempt_required = rules["attempt_keys"], rules["attempt_required"]
    response_max, score_min, score_max = rules["response_max"], rules["score_min"], rules["score_max"]
    misconception_max, confidences = rules["misconception_max"], rules["confidence"]
    search_time = timestamp.search
    for item in attempts:
        if type(item) is not dict or not item.keys() <= attempt_keys or not attempt_required <= item.keys():
            return False
        module, topic, question, response = item["module"], item["bank_topic"], item["question_id"], item["response"]
        score, misconception, confidence, answered = (item["score"], item.get("misconception"),
                                                      item.get("confidence"), item["answered_at"])
        if not (is_name(module) and is_name(topic) and is_name(question)
                and type(response) is str and len(response) <= response_max
                and type(item["correct"]) is bool
                and type(score) in (int, float) and score_min <= score <= score_max
                and (misconception is None or (type(misconception) is str and len(misconception) <= misconception_max))
                and (confidence is None or (type(confidence) is str and confidence in confidences))
                and type(answered) is str and len(answered) <= timestamp_max and search_time(answered) is not None):
            return False
    entry_keys, entry_required = rules["entry_keys"], rules["entry_required"]
    for item in entries:
        if type(item) is not dict or not item.keys() <= entry_keys or not entry_required <= item.keys():
            return False
        text = item["text"]
        if not (is_name(item["module"]) and type(item["kind"]) is str and item["kind"] in rules["kinds"]
                and is_name(item["field"]) and type(text) is str and len(text) <= rules["text_max"]
                and is_time(item["saved_at"])):
            return False
        for kind, field_pattern, field_const, allowed, text_pattern in rules["conditions"]:
            if item["kind"] != kind:
                continue
            if field_pattern is not None and field_pattern.search(item["field"]) is None:
                continue
            if field_const is not None and item["field"] != field_const:
                continue
            if allowed is not None and text not in allowed:
                return False
            if text_pattern is not None and text_pattern.search(text) is None:
                return False
    return True


def check_record(data: Any, source: str = "the record") -> dict:
    """Check parsed JSON is a record this stemcpd reads; return it unchanged.

    Raises:
        RecordFileError: naming ``source`` and the first problem found.
    """
    if not isinstance(data, dict) or data.get("format") != RECORD_FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        what = f'its "format" is {_short(found)}' if found is not None else 'it has no "format"'
        raise RecordFileError(
            source, f'is not a stemcpd CPD record ({what}; a record says "format": "{RECORD_FORMAT}")')
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise RecordFileError(source, f'has no whole-number "version" (found {_short(version)})')
    supported = schema()["properties"]["version"]["const"]
    if version > supported:
        raise RecordFileError(
            source, f"was written by a newer stemcpd (record version {version}; this one reads version "
            f"{supported}): upgrade stemcpd (pip install --upgrade stemcpd) and try again")
    # The quick check accepts only what the schema accepts; anything it is unsure of goes to
    # jsonschema, which is authoritative and words the problem.
    errors = [] if quick_valid(data) else sorted(_validator().iter_errors(data),
                                                 key=lambda error: list(error.absolute_path))
    if errors:
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise RecordFileError(source, f"is not a valid stemcpd record: {_describe(errors[0])}{more}")
    for kind, key in (("attempts", "answered_at"), ("entries", "saved_at")):
        for index, item in enumerate(data[kind]):
            try:
                parse_timestamp(item[key])
            except ValueError:
                raise RecordFileError(
                    source, f"is not a valid stemcpd record: {kind}[{index}].{key} is not a real date and time: "
                    f"{_short(item[key])}") from None
    if "exported_at" in data:
        try:
            parse_timestamp(data["exported_at"])
        except ValueError:
            raise RecordFileError(source, f"is not a valid stemcpd record: exported_at is not a real date and "
                                          f"time: {_short(data['exported_at'])}") from None
    assert RECORD_VERSION == supported, "record.py and record.schema.json disagree on the version"
    return data


def read_record_bytes(path: str | Path) -> bytes:
    """A record file's bytes, after the checks that need no parsing (exists, a file, size).

    Raises:
        RecordFileError: naming the file and what is wrong.
    """
    path = Path(path)
    source = str(path)
    limit = max_file_bytes()
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise RecordFileError(source, "is not a file")
        if size > limit:
            raise RecordFileError(
                source, f"is {size / 1e6:.1f} MB; a CPD record file is at most {limit / 1e6:.0f} MB, so this "
                "is not one (or is damaged)")
        return path.read_bytes()
    except FileNotFoundError:
        raise RecordFileError(source, "does not exist") from None
    except OSError as error:
        raise RecordFileError(source, f"cannot be read ({error.strerror or error})") from None


def parse_record_bytes(raw: bytes, source: str) -> dict:
    """Parse and check a record file's bytes (see :func:`load_record_file`)."""
    if len(raw) > max_file_bytes():
        raise RecordFileError(source, f"is {len(raw) / 1e6:.1f} MB; a CPD record file is at most "
                                      f"{max_file_bytes() / 1e6:.0f} MB, so this is not one (or is damaged)")
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise RecordFileError(source, "is not a text file in UTF-8, so not a CPD record") from None
    except json.JSONDecodeError as error:
        raise RecordFileError(
            source, f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    except (ValueError, RecursionError) as error:
        raise RecordFileError(source, f"is not valid JSON ({error})") from None
    return check_record(data, source)


def load_record_file(path: str | Path) -> dict:
    """Read and check a record file (from the site or another machine).

    Returns:
        The record as a dict, checked against the schema.

    Raises:
        RecordFileError: naming the file and what is wrong: missing or unreadable, too
            big, not UTF-8 JSON, not a stemcpd record, too new, or not valid.
    """
    return parse_record_bytes(read_record_bytes(path), str(path))
