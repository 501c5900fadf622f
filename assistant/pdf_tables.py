"""A PDF page's tables, read a row at a time.

pypdf's plain text gives a table cell by cell: a contacts table's wrapped cells become a run of short lines
("Designated", "Safeguarding", "Lead (DSL)", "Helen Marsh 01632 960211 dsl@eastgatemu", "sic.example.org."),
its rows run together and its e-mail addresses break. Its layout mode draws the page as text, each cell in its
column:

    Role             Name            Phone            Email
    Designated       Helen Marsh     01632 960211     dsl@eastgatemu
    Safeguarding                                      sic.example.org.

A table there is a line of two cells or more, apart by three spaces or more, and the lines under it whose
cells each sit in one of its columns. In a table of three columns or more, a row starts on a line with a cell
in the first column that either fills all the columns but one (three at least) or fills a column the line above
left empty; the other lines are its cells' wrapped lines. In a table of two, which lines make a row only the
plain text tells (`PageTable.as_written`). Each row is given as one line, its cells apart by " | ", which
segmentation reads as a table's row.

The rest of the page stays as pypdf's plain text, whose line ends tell paragraphs apart. The table is found
there by its characters, the same ones before it as in the layout, and its own written cell by cell, as word
processors write a table; it is set aside until the page's paragraphs are found. A page set in columns of text,
which the layout lines up like a table, is written a column at a time, and a table typed as plain text and
wrapped at the page's edge a line at a time: neither is read as a table, and stays as it was.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

# the rows are read by segmentation's plain-table pass: a table here is one it reads as such
from assistant.segmentation import COLUMN_SLACK, MIN_TABLE_COLUMNS, is_list_marker, names_columns

_CELL_GAP = re.compile(r" {3,}")
ROWS_FROM_LAYOUT = 3  # columns at least for the layout to tell a table's rows; of fewer, the plain text tells them
MIN_ROWS = 2  # under a first line that may be a row itself; one under a header naming its columns
MAX_COLUMN_NAME = 25  # characters: a header over a single row must be short to be one (segmentation allows 40)
SHORT_LINE = 40  # characters: a page of plain text with a run of lines this short may hold a table...
SHORT_RUN = 3  # ...this many in a row
_PLACEHOLDER = "\ue000{}\ue001"  # a private-use mark, with no letter in it: never a running header or a word
_PLACED = re.compile("\ue000(\\d+)\ue001")
# a piece of an e-mail or web address: no capital, no space, a letter or digit
_ADDRESS_PART = re.compile(r"^[a-z0-9._%+@/:-]*[a-z0-9][a-z0-9._%+@/:-]*$")


@dataclass(frozen=True)
class _Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PageTable:
    """A table found in a page's layout text: its lines there, and its rows, the first its header (or its first
    row, when it has none). `carried`: the cells' lines before its first row, the end of a row begun on the page
    before, under a header repeated at the top of this page."""

    first_line: int
    end_line: int  # the line after its last
    rows: tuple[tuple[str, ...], ...]
    carried: tuple[tuple[str, ...], ...] = ()  # per column, its lines
    # a table of two columns: its lines under the first, each its number in the layout and its text in each
    # column ("" where it has none), which only the plain text can group into rows (see `as_written`)
    lines: tuple[tuple[int, str, str], ...] = ()

    def cell_by_cell(self) -> str:
        """Its characters as a word processor writes a table: row after row, each cell's lines together."""
        carried = tuple("".join(lines) for lines in self.carried)  # written under the header, before the rows
        return "".join(_characters(cell) for row in (self.rows[0], carried, *self.rows[1:]) for cell in row)

    def with_carried_in_first_row(self) -> PageTable:
        """The table with the lines before its first row (what a row of the page before left) in its header,
        where the page has them, when no table of the page before goes on here."""
        if not self.carried:
            return self
        header = tuple(_joined([cell, *more]) for cell, more in zip(self.rows[0], self.carried, strict=True))
        return PageTable(self.first_line, self.end_line, (header, *self.rows[1:]))

    def as_written(self, written: str) -> PageTable | None:
        """A table of two columns, its rows found by how the plain text writes it (`written`, its characters
        from the table's first line on): cell by cell, so each row's first cell, its lines together, then its
        second. Which of its lines a row spans the layout alone can't tell: "Designated Safeguarding" over
        "Lead (DSL)" beside a name and an address is one row, or two. The table ends before a row with a cell
        empty ("Introduction", the title after it, stands in the first column) or one the plain text writes
        otherwise. None when the plain text doesn't write its first rows so, as a page set in two columns of
        text doesn't (a column at a time), or when fewer than two rows are found."""
        header = "".join(map(_characters, self.rows[0]))
        if not written.startswith(header):
            return None
        rows: list[tuple[str, ...]] = []
        position, start, end_line = len(header), 0, self.first_line + 1
        while start < len(self.lines):
            for end in range(start + 1, len(self.lines) + 1):
                if end < len(self.lines) and not self.lines[end][1]:
                    continue  # a row starts with its first cell: this line goes on the row above
                first = [line[1] for line in self.lines[start:end] if line[1]]
                second = [line[2] for line in self.lines[start:end] if line[2]]
                chunk = "".join(map(_characters, first + second))
                if written.startswith(chunk, position):
                    break
            else:
                break
            if not first or not second:
                break
            rows.append((_joined(first), _joined(second)))
            position, start, end_line = position + len(chunk), end, self.lines[end - 1][0] + 1
        # clause numbers or bullets in the first column set out a list, as segmentation reads it
        if len(rows) < MIN_ROWS or any(is_list_marker(row[0]) for row in rows):
            return None
        return PageTable(self.first_line, end_line, (self.rows[0], *rows))

    def as_text(self) -> str:
        return "\n".join(" | ".join(row) for row in self.rows)  # an empty cell stays empty: "LADO |  | 01632 960755"

    def continued_by(self, following: PageTable) -> PageTable:
        """This table, with its rows on the next page (under its header, repeated there) after its own."""
        last = self.rows[-1]
        if following.carried:
            last = tuple(
                _joined([cell, *more] if cell else list(more))
                for cell, more in zip(last, following.carried, strict=True)
            )
        return PageTable(self.first_line, self.end_line, (*self.rows[:-1], last, *following.rows[1:]))


def may_hold_a_table(plain: str) -> bool:
    """Whether a page's plain text has the run of short lines a table's cells make, so that the (slower)
    layout text is worth reading."""
    run = 0
    for line in plain.split("\n"):
        if not line.strip():
            continue  # the space between a table's rows can be wide enough to read as between paragraphs
        run = run + 1 if len(line.strip()) <= SHORT_LINE else 0
        if run >= SHORT_RUN:
            return True
    return False


def _cells(line: str) -> list[_Cell]:
    cells, start = [], len(line) - len(line.lstrip())
    for gap in _CELL_GAP.finditer(line, start):
        if gap.start() > start:
            cells.append(_Cell(start, gap.start(), line[start : gap.start()]))
        start = gap.end()
    if line[start:].strip():
        cells.append(_Cell(start, len(line.rstrip()), line[start:].rstrip()))
    return cells


def _column_of(cell: _Cell, columns: list[int]) -> int | None:
    """The column a cell sits in: it starts at the column's start and ends before the next column's."""
    for number, column in enumerate(columns):
        following = columns[number + 1] if number + 1 < len(columns) else None
        if abs(cell.start - column) <= COLUMN_SLACK and (following is None or cell.end < following - 1):
            return number
    return None


def _joined(fragments: list[str]) -> str:
    """A cell's wrapped lines as one: words apart by a space, an address broken across lines whole again
    ("trustee.safeguar" / "ding@eastgatem" / "usic.example.org" / ".uk")."""
    text = ""
    for fragment in fragments:
        last = text.rsplit(" ", 1)[-1]
        address = _ADDRESS_PART.match(fragment) and _ADDRESS_PART.match(last) and "@" in last + fragment
        text = f"{text}{fragment}" if not text or address else f"{text} {fragment}"
    return text


def _table_at(lines: list[str], number: int) -> PageTable | None:
    """The table whose header (or first row) is line `number`, if one is."""
    header = _cells(lines[number])
    if len(header) < MIN_TABLE_COLUMNS or is_list_marker(header[0].text):
        return None
    two_columns = len(header) < ROWS_FROM_LAYOUT
    columns = [cell.start for cell in header]
    rows: list[list[list[str]]] = [[[cell.text] for cell in header]]
    carried: list[list[str]] = [[] for _ in columns]
    filled_above = set(range(len(columns)))
    texts: list[tuple[int, str, str]] = []  # with two columns: each line's number and its text in each column
    end = number + 1
    after_blank = False
    while end < len(lines):
        cells = _cells(lines[end])
        if not cells:
            if after_blank:
                break
            after_blank = True  # a blank line between rows, where cells have room around them
            end += 1
            continue
        found = [_column_of(cell, columns) for cell in cells]
        placed = [column for column in found if column is not None]
        if len(placed) < len(found):
            break  # text across the columns: the paragraph after the table
        filled = set(placed)
        # a row's first line has most of its cells; a wrapped line only goes on cells the line above has
        starts_row = 0 in filled and (
            two_columns or len(filled) >= max(ROWS_FROM_LAYOUT, len(columns) - 1) or bool(filled - filled_above)
        )
        if after_blank and not starts_row:
            break  # a cell's lines are never a blank line apart: a line of text after the table
        after_blank = False
        if starts_row:
            rows.append([[] for _ in columns])
        for cell, column in zip(cells, placed, strict=True):
            (rows[-1] if len(rows) > 1 else carried)[column].append(cell.text)
        if two_columns:
            in_columns = dict(zip(placed, (cell.text for cell in cells), strict=True))
            texts.append((end, in_columns.get(0, ""), in_columns.get(1, "")))
        filled_above = filled
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    if two_columns:  # its rows are found in the plain text
        return PageTable(number, end, (tuple(cell.text for cell in header),), lines=tuple(texts)) if texts else None
    named = names_columns([cell.text for cell in header], longest=MAX_COLUMN_NAME)
    if len(rows) - 1 < (1 if named else MIN_ROWS):
        return None  # a table's first row under its header ("Role  Name  Contact") at a page's end is one
    return PageTable(
        number,
        end,
        tuple(tuple(_joined(fragments) for fragments in row) for row in rows),
        tuple(tuple(fragments) for fragments in carried) if any(carried) else (),
    )


def find_tables(layout: str) -> list[PageTable]:
    """The tables of a page's layout text (pypdf's `extraction_mode="layout"`)."""
    lines = layout.split("\n")
    tables: list[PageTable] = []
    number = 0
    while number < len(lines):
        table = _table_at(lines, number)
        if table is None:
            number += 1
            continue
        tables.append(table)
        number = table.end_line
    return tables


def _characters(text: str) -> str:
    return "".join(text.split())


def set_tables_aside(plain: str, layout: str, tables: list[PageTable]) -> str:
    """The page's plain text with each table found in its layout text replaced by a line marking its place,
    the table added to `tables` (those of the pages before). A table going on from the page before, under its
    header repeated, is added to that table instead, and its lines here dropped."""
    layout_lines = layout.split("\n")
    # the layout's characters, and where each line's begin among them
    layout_characters = _characters(layout)
    line_starts = [0, *itertools.accumulate(len(_characters(line)) for line in layout_lines)]
    # each non-space character of the plain text, and where it is
    positions = [index for index, char in enumerate(plain) if not char.isspace()]
    characters = "".join(plain[index] for index in positions)
    pieces, cursor = [], 0
    for number, table in enumerate(find_tables(layout)):
        start, end = line_starts[table.first_line], line_starts[table.end_line]
        before = layout_characters[:start]
        # the same characters before the table, and the table's own written cell by cell, as word processors
        # write a table; a page set in columns of text, which the layout lines up like one, is written a column
        # at a time, and a table typed in plain text and wrapped at the page's edge a line at a time
        if characters[:start] != before:
            continue
        if table.lines:
            read = table.as_written(characters[start:])
            if read is not None:  # it may end before the lines the layout lined up under it
                end = line_starts[read.end_line]
        else:
            read = table if characters[start:end] == table.cell_by_cell() else None
        if read is None:
            continue
        first, last = positions[start], positions[end - 1] + 1
        if first < cursor or (first > 0 and plain[first - 1] != "\n") or plain[last : last + 1] not in ("", " ", "\n"):
            continue  # the table shares a line with the text around it
        if number == 0 and tables and tables[-1].rows[0] == read.rows[0]:
            tables[-1] = tables[-1].continued_by(read)
            pieces.append(plain[cursor:first])
        else:
            pieces += [plain[cursor:first], _PLACEHOLDER.format(len(tables))]
            tables.append(read.with_carried_in_first_row())
        cursor = last
    pieces.append(plain[cursor:])
    return "".join(pieces)


def put_tables_back(text: str, tables: list[PageTable]) -> str:
    """The tables `set_tables_aside` took out, each in its place, with a blank line before and after."""
    return _PLACED.sub(lambda found: f"\n{tables[int(found.group(1))].as_text()}\n", text) if tables else text
