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
    errors = sorted(_validator().iter_errors(data), key=lambda error: list(error.absolute_path))
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


def load_record_file(path: str | Path) -> dict:
    """Read and check a record file (from the site or another machine).

    Returns:
        The record as a dict, checked against the schema.

    Raises:
        RecordFileError: naming the file and what is wrong: missing or unreadable, too
            big, not UTF-8 JSON, not a stemcpd record, too new, or not valid.
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
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RecordFileError(source, "does not exist") from None
    except OSError as error:
        raise RecordFileError(source, f"cannot be read ({error.strerror or error})") from None
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
