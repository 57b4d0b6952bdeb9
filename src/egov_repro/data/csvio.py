"""CSV in and out for every file of the project. Reading is strict: UTF-8, a header,
every row as wide as the header; problems are DataErrors naming the file and line.
Writing has one stable layout, so the same table always gives the same bytes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from egov_repro.errors import DataError


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Read a CSV strictly: UTF-8, a header, every row as wide as the header.

    Returns the header and (line number, fields) pairs; line 1 is the header.
    CRLF and LF endings are both accepted (the UN's own download uses CRLF).
    """
    if not Path(path).is_file():
        raise DataError(path, "no such file", expected="a CSV file")
    raw = Path(path).read_bytes()
    if not raw.strip():
        raise DataError(path, "the file is empty", expected="a header row and data rows")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            path, f"the file is not UTF-8 (byte {exc.start})", expected="UTF-8 text"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = []
    try:
        header = next(reader)
        for fields in reader:
            if fields:
                rows.append((reader.line_num, fields))
    except csv.Error as exc:
        raise DataError(
            path,
            f"the CSV cannot be parsed ({exc})",
            line=reader.line_num,
            expected="well-formed CSV",
            hint="The file may be truncated.",
        ) from None
    for line, fields in rows:
        if len(fields) != len(header):
            hint = "The file looks truncated." if (line, fields) == rows[-1] else None
            raise DataError(
                path,
                f"row has {len(fields)} fields",
                line=line,
                expected=f"{len(header)} fields as in the header",
                hint=hint,
            )
    if not rows:
        raise DataError(
            path, "the file has a header but no data rows", expected="one row per country"
        )
    return header, rows


def check_header(path, header: list[str], expected: list[str]) -> None:
    """Fail with the names of missing or unexpected columns."""
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    if missing:
        raise DataError(
            path,
            "missing column(s) " + ", ".join(repr(c) for c in missing),
            line=1,
            expected="the columns " + ", ".join(expected),
        )
    if extra:
        raise DataError(
            path,
            "unexpected column(s) " + ", ".join(repr(c) for c in extra),
            line=1,
            expected="the columns " + ", ".join(expected),
        )


def format_table(frame: pd.DataFrame) -> bytes:
    """CSV bytes with a stable layout: LF endings, empty = missing, floats in their
    shortest form at 12 significant digits, so that arithmetic noise (a median printed
    as 0.49887000000000004) never reaches a file; the published values have at most 5."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].map(
                lambda v: "" if pd.isna(v) else repr(float(f"{float(v):.12g}"))
            )
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")
