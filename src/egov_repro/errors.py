"""One exception type for bad input, with a message a person can act on."""

from __future__ import annotations


class DataError(Exception):
    """Bad input data: names the file, the line, the column and what was expected."""

    def __init__(
        self,
        file,
        problem: str,
        *,
        line: int | None = None,
        column: str | None = None,
        expected: str | None = None,
        found: object = None,
        hint: str | None = None,
    ):
        self.file = str(file)
        self.line = line
        self.column = column
        self.problem = problem
        self.expected = expected
        self.found = found
        self.hint = hint
        super().__init__(self.message())

    def __reduce__(self):
        # Rebuilt from its fields when it crosses a process boundary (a figure drawn
        # in a worker process), so the parent reports the same message.
        keywords = {k: getattr(self, k) for k in ("line", "column", "expected", "found", "hint")}
        return _rebuild, (self.file, self.problem, keywords)

    def message(self) -> str:
        where = [self.file]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        text = ", ".join(where) + f": {self.problem}"
        if self.expected is not None:
            text += f"; expected {self.expected}"
        if self.found is not None:
            text += f", found {self.found!r}"
        text += "."
        if self.hint:
            text += f" {self.hint}"
        return text


def _rebuild(file, problem, keywords) -> DataError:
    return DataError(file, problem, **keywords)
