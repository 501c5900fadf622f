"""A table read from a Word or OpenDocument file, written out as the lines segmentation reads."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.segmentation import is_list_marker

Cell = Sequence[str]  # a cell's paragraphs


def table_lines(rows: Sequence[Sequence[Cell]]) -> list[str]:
    """A table's rows, a line each, their cells apart by " | ": segmentation reads them as a table's rows, each
    quoted under the header row ("Deputy DSL | Tom Adeyemi | 01632 960212"). A table of one column is a box
    around paragraphs, and one whose first column numbers or bullets its rows sets out a list: their cells' lines
    are given as they stand, apart by tabs."""
    if max(map(len, rows), default=0) < 2 or any(row and is_list_marker(_one_line(row[0])) for row in rows):
        return ["\t".join("\n".join(cell).strip() for cell in row) for row in rows]
    lines = []
    for row in rows:
        cells = [_one_line(cell).replace("|", "/") for cell in row]  # a pipe of a cell's own is no cell's end
        if len(cells) == 1:
            lines += ["", cells[0], ""]  # a row merged into one cell titles the rows under it
        elif any(cells):
            lines.append(" | ".join(cells))
    return lines


def _one_line(cell: Cell) -> str:
    """A cell's paragraphs as one line."""
    return " ".join(" ".join(paragraph.split()) for paragraph in cell).strip()
