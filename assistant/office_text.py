"""What the Word (.docx and .doc), OpenDocument and web page readers write alike: a table's rows, the pages' headers
and footers as the lines segmentation reads, a list's numbers, and how far a zipped document may unpack."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from assistant.segmentation import is_list_marker

Cell = Sequence[str]  # a cell's paragraphs
BOLD_TITLE_WORDS = 12  # a bold paragraph this short is a title; a longer one is an emphasised rule
MAX_UNPACKED_PART = 64 * 1024 * 1024  # a zipped document's part unpacked (its XML, a picture): more is a zip bomb


def whole_number(value: str | None, default: int) -> int:
    """A markup attribute's whole number, or the default where it has none or a damaged one."""
    return int(value) if value and value.isdigit() else default


def margin_lines(paragraphs: Iterable[str]) -> str:
    """The text of the pages' headers and footers, a line a paragraph (or a part of one between tab stops, which
    set "Page 3" apart), each once."""
    lines: list[str] = []
    for paragraph in paragraphs:
        for piece in paragraph.split("\t"):
            if (text := " ".join(piece.split())) and text not in lines:
                lines.append(text)
    return "\n".join(lines)


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


def next_number(counters: dict[int, int], depth: int, start: int) -> int:
    """The number of a Word list's next item at this depth (its level's first number if it is the first), the
    levels under it starting again: `counters` holds the number each level of the list is at."""
    counters[depth] = counters.get(depth, start - 1) + 1
    for deeper in [d for d in counters if d > depth]:
        del counters[deeper]
    return counters[depth]


def numeral(number: int, number_format: str) -> str:
    """A list item's number as its format writes it: "1", "a", "A", "i" or "I" (a letter past "z" starts again)."""
    if number_format in ("a", "A"):
        letter = chr(ord("a") + (number - 1) % 26)
        return letter if number_format == "a" else letter.upper()
    if number_format in ("i", "I"):
        written = _roman(number)
        return written if number_format == "I" else written.lower()
    return str(number)


def _roman(number: int) -> str:
    """The number in Roman numerals, in capitals; from 4000, in figures."""
    if number >= 4000:
        return str(number)  # past what Roman numerals write
    digits = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L")]
    digits += [(40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in digits:
        while number >= value:
            out += letters
            number -= value
    return out
