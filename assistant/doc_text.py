"""An old Word file's words (.doc: Word 97 to 2003's binary format, which many small organisations' policies are still
kept in), read with olefile and laid out as the Word (.docx) reader lays a document out: headings as `#` lines, list
items with the number or bullet Word draws for them, a table's rows a line each, and the pages' headers and
footers as the margins.

The format ([MS-DOC]) keeps the text in pieces a table names (the file's characters in order, one byte or two
each), each paragraph's properties (its style, its list and level, whether it is in a table) in pages of their own
found by where the paragraph ends in the file, the styles in a stylesheet (a heading is one of Word's nine built-in
heading styles), and the lists in two tables: each list's levels (number format and text, first number), and the
overrides a paragraph names (its list, restarted at a number). Fields keep their result ("the form") and lose their
code (`HYPERLINK "https://..."`); pictures, footnote marks and other object marks are dropped, and so is text a
tracked change deletes. Of the characters' formatting only bold is read: a short paragraph all in bold is a title,
as the .docx reader takes it. A text box's words, kept in a story of their own, are read after the paragraph its
shape is anchored in. Not read: footnotes, comments, the headers' text boxes, and the formatting a fast-saved file
keeps beside its pieces.
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import olefile

from assistant.errors import UnreadableDocument
from assistant.office_text import BOLD_TITLE_WORDS, margin_lines, next_number, numeral, table_lines

WORD_97, WORD_6 = 0xA5EC, 0xA5DC  # the file information block's first word: Word 97 to 2003, Word 6 and 95
MIN_NFIB = 0x00C1  # Word 97's version of the format; Word 6 and 95 files are older and laid out otherwise
WORD_2 = b"\xdb\xa5"  # Word for Windows 2's first bytes: no compound file around it
ENCRYPTED, OBFUSCATED, TABLE_STREAM_1 = 0x0100, 0x8000, 0x0200  # its flags: a password, which table stream
PAGE = 512  # the size of a page of paragraph or character properties
PARAGRAPH_ENTRY, CHARACTER_ENTRY = 13, 1  # the size of a run's entry on such a page
# where the file information block keeps a part's place and length in the table stream: (fc, lcb) pair number
STYLESHEET, CHARACTER_PAGES, PARAGRAPH_PAGES, PIECES, LISTS, LIST_OVERRIDES = 1, 12, 13, 33, 73, 74
PAIRS_AT = 0x9A
# the lengths of the document's stories, in characters, in order: the main text, footnotes, headers and footers,
# macros, comments, endnotes, text boxes
STORY_LENGTHS = (0x4C, 0x50, 0x54, 0x58, 0x5C, 0x60, 0x64)
MAIN, HEADERS, TEXT_BOXES = 0, 2, 6
SHAPES, TEXT_BOX_TEXTS = 40, 56  # parts: the main text's shapes and where they stand, the text boxes' texts
SHAPE_SIZE, TEXT_BOX_SIZE = 26, 22  # their entries (FSPA and FTXBXS)
HEADING_STYLES = range(1, 10)  # Word's built-in style numbers of Heading 1 to Heading 9
TITLE_STYLE = 62
LIST_LEVELS = 9
# paragraph properties read (sprm numbers): its list override and level, in a table, a table row's end
LIST_OVERRIDE, LIST_LEVEL, IN_TABLE, ROW_END = 0x460B, 0x260A, 0x2416, 0x2417
BOLD = 0x0835  # a character property: on (1), or the opposite of its style's (0x81)
DELETED = 0x0800  # a character property: the text is a tracked deletion
_OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by the property number's top three bits
VARIABLE = 6  # the top three bits of a property whose operand's size is its first byte...
TABLE_DEFINITION = 0xD608  # ...but this one's, whose size is two bytes
UPPER_LETTER, LOWER_LETTER, BULLET, NO_NUMBER = 3, 4, 23, 255  # number formats (nfc) read apart
_NUMBER_FORMATS = {0: "1", 1: "I", 2: "i", 3: "A", 4: "a", 22: "1"}  # the rest are written as decimals
# marks in the text: a field's start, its code's end, its end; a paragraph's end, a cell's or row's end
FIELD_START, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
PARAGRAPH_END, CELL_END = "\r", "\x07"
PAGE_BREAK = "\x0c"  # a page's or section's end, which ends its paragraph too
_SHOWN_AS = {"\x0b": "\n", "\x1e": "-", "\x1f": ""}  # a line break, a non-breaking hyphen, an optional one
_DROPPED = frozenset(chr(code) for code in range(32) if chr(code) not in "\t\n\r\x07\x0b\x0c\x13\x14\x15\x1e\x1f")


def read_doc(path: Path) -> tuple[str, str]:
    """The document's text and its pages' headers and footers. Raises UnreadableDocument naming the file and why."""
    older = "is a Word file older than Word 97 (open it in Word and save it as .docx)"
    if not olefile.isOleFile(str(path)):
        with path.open("rb") as file:
            first = file.read(len(WORD_2))
        raise UnreadableDocument(str(path), older if first == WORD_2 else "is not a valid Word 97-2003 (.doc) file")
    try:
        with olefile.OleFileIO(str(path)) as package:
            word = _stream(package, "WordDocument", path)
            ident, version = struct.unpack_from("<HH", word, 0)
            flags = struct.unpack_from("<H", word, 0x0A)[0]
            if ident == WORD_6 or (ident == WORD_97 and version < MIN_NFIB):
                raise UnreadableDocument(str(path), older)
            if ident != WORD_97:
                raise UnreadableDocument(str(path), "is not a valid Word 97-2003 (.doc) file")
            if flags & (ENCRYPTED | OBFUSCATED):
                raise UnreadableDocument(str(path), "is a password-protected Word file (save a copy without one)")
            table = _stream(package, "1Table" if flags & TABLE_STREAM_1 else "0Table", path)
            return _Document(word, table).read()
    except UnreadableDocument:
        raise
    # a damaged file: a part's place or length pointing past its stream, a short read, a bad container
    # (olefile raises OSError for a damaged container)
    except (struct.error, IndexError, KeyError, ValueError, OSError, UnicodeError):
        raise UnreadableDocument(
            str(path), "is a damaged Word (.doc) file (open it in Word and save it again)"
        ) from None


def _stream(package: olefile.OleFileIO, name: str, path: Path) -> bytes:
    if not package.exists(name):
        raise UnreadableDocument(str(path), "is not a valid Word 97-2003 (.doc) file")
    return bytes(package.openstream(name).read())


@dataclass
class _Paragraph:
    text: str
    end: str  # PARAGRAPH_END or CELL_END
    style: int = 0
    properties: dict[int, bytes] = field(default_factory=dict)
    bold: bool = False  # every letter of it set in bold
    last: int = 0  # the place of its end mark in the document's text

    @property
    def in_table(self) -> bool:
        return self.properties.get(IN_TABLE, b"\x00")[:1] != b"\x00"

    @property
    def ends_row(self) -> bool:  # the mark ending a table's row, no cell of its own
        return self.properties.get(ROW_END, b"\x00")[:1] != b"\x00"


@dataclass
class _Level:
    start: int = 1
    number_format: int = 0
    template: str = ""  # the number's text, each level's number a character 0 to 8 ("\x00.\x01.")


class _Document:
    def __init__(self, word: bytes, table: bytes) -> None:
        self.word, self.table = word, table

    def part(self, pair: int) -> bytes:
        place, length = _place(self.word, pair)
        if place + length > len(self.table):
            raise ValueError("a part beyond the table stream")
        return self.table[place : place + length]

    def read(self) -> tuple[str, str]:
        lengths = [max(0, struct.unpack_from("<i", self.word, at)[0]) for at in STORY_LENGTHS]
        starts = [sum(lengths[:number]) for number in range(len(lengths))]
        characters = self._characters()
        styles = _Styles(self.part(STYLESHEET))
        runs = _ParagraphRuns(self.word, self.part(PARAGRAPH_PAGES))
        bold, deleted = _character_spans(self.word, self.part(CHARACTER_PAGES))

        def story(start: int, end: int) -> list[_Paragraph]:
            start = max(0, start)  # a damaged file's places may be anywhere
            return list(_paragraphs(characters[start:end], runs, bold, deleted, first=start))

        body = story(0, lengths[MAIN])
        boxes = self._text_boxes(starts[TEXT_BOXES], story)
        # a text box is read after the paragraph it is anchored in, as the .docx reader reads one; anchored in a
        # table, after the table
        placed: list[_Paragraph] = []
        waiting: list[_Paragraph] = []
        for paragraph in body:
            if waiting and not paragraph.in_table:
                placed, waiting = placed + waiting, []
            placed.append(paragraph)
            while boxes and boxes[0][0] <= paragraph.last:
                (waiting if paragraph.in_table else placed).extend(boxes.pop(0)[1])
        placed += waiting + [paragraph for _, box in boxes for paragraph in box]
        margins = story(starts[HEADERS], starts[HEADERS] + lengths[HEADERS])
        return _Layout(styles, _Lists(self.table, self.word)).lines(placed), margin_lines(p.text for p in margins)

    def _text_boxes(
        self, start: int, story: Callable[[int, int], list[_Paragraph]]
    ) -> list[tuple[int, list[_Paragraph]]]:
        """The main text's text boxes, by where each is anchored in it: each box's text is a span of the text box
        story, named by the shape that draws it."""
        shapes, texts = self.part(SHAPES), self.part(TEXT_BOX_TEXTS)
        count = (len(shapes) - 4) // (4 + SHAPE_SIZE)
        anchors: dict[int, int] = {}  # shape id -> where it is anchored
        for number in range(count):
            shape = struct.unpack_from("<I", shapes, 4 * (count + 1) + SHAPE_SIZE * number)[0]
            anchors[shape] = struct.unpack_from("<i", shapes, 4 * number)[0]
        count = (len(texts) - 4) // (4 + TEXT_BOX_SIZE)
        boxes = []
        for number in range(count):
            shape = struct.unpack_from("<I", texts, 4 * (count + 1) + TEXT_BOX_SIZE * number + 14)[0]
            first, last = struct.unpack_from("<ii", texts, 4 * number)
            if shape in anchors:  # its own paragraphs, a table of its own kept apart from any table around it
                apart = _Paragraph("", PARAGRAPH_END)
                boxes.append((anchors[shape], [apart, *story(start + first, start + last), apart]))
        return sorted(boxes, key=lambda box: box[0])

    def _characters(self) -> list[tuple[str, int]]:
        """Every character of the document's stories in order, with where it stands in the WordDocument stream."""
        pieces = self.part(PIECES)
        at = 0
        while at < len(pieces) and pieces[at] == 1:  # formatting kept for fast saves, before the piece table
            at += 3 + struct.unpack_from("<H", pieces, at + 1)[0]
        if at >= len(pieces) or pieces[at] != 2:
            raise ValueError("no piece table")
        length = struct.unpack_from("<I", pieces, at + 1)[0]
        plc = pieces[at + 5 : at + 5 + length]
        count = (len(plc) - 4) // 12
        positions = struct.unpack_from(f"<{count + 1}i", plc, 0)
        characters: list[tuple[str, int]] = []
        for number in range(count):
            place = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * number + 2)[0]
            size = max(0, positions[number + 1] - positions[number])
            if len(characters) + size > len(self.word):  # more characters than the file has bytes: pieces overlap
                raise ValueError("a damaged piece table")
            if place & 0x40000000:  # one byte a character, in Windows' Western code page
                first = (place & 0x3FFFFFFF) // 2
                raw = self.word[first : first + size]
                characters += [
                    (chr(b) if b < 0x80 else bytes([b]).decode("cp1252", "replace"), first + n)
                    for n, b in enumerate(raw)
                ]
            else:
                first = place & 0x3FFFFFFF
                raw = self.word[first : first + 2 * size]
                characters += [
                    (raw[2 * n : 2 * n + 2].decode("utf-16-le", "replace"), first + 2 * n) for n in range(len(raw) // 2)
                ]
        return characters


def _place(word: bytes, pair: int) -> tuple[int, int]:
    """Where a part of the file is kept in the table stream, and its length, as the file information block says."""
    place, length = struct.unpack_from("<II", word, PAIRS_AT + 8 * pair)
    return place, length


def _properties(data: bytes) -> dict[int, bytes]:
    """A list of paragraph properties (sprm and operand), by number."""
    found: dict[int, bytes] = {}
    at = 0
    while at + 2 <= len(data):
        sprm = struct.unpack_from("<H", data, at)[0]
        at += 2
        kind = sprm >> 13
        if sprm == TABLE_DEFINITION and at + 2 <= len(data):
            size, at = struct.unpack_from("<H", data, at)[0] - 1, at + 2
        elif kind == VARIABLE and at < len(data):
            size, at = data[at], at + 1
        else:
            size = _OPERAND_SIZE.get(kind, 1)
        found.setdefault(sprm, data[at : at + size])
        at += max(size, 0)
    return found


def _formatting_runs(word: bytes, index: bytes, entry: int) -> Iterator[tuple[int, int, bytes, int]]:
    """Each run of characters a page of formatting (an FKP) describes: where it starts and ends in the file, the page,
    and where on the page its properties are (0 for none). `index` lists the pages; each run's entry on its page is
    `entry` bytes long, the first its properties' place in words."""
    count = (len(index) - 4) // 8
    for number in range(count):
        page_number = struct.unpack_from("<I", index, 4 * (count + 1) + 4 * number)[0] & 0x3FFFFF
        page = word[page_number * PAGE : (page_number + 1) * PAGE]
        if len(page) < PAGE:
            continue
        runs = page[PAGE - 1]
        edges = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for run in range(runs):
            yield edges[run], edges[run + 1], page, page[4 * (runs + 1) + entry * run] * 2


class _ParagraphRuns:
    """Each run of the file's characters sharing paragraph properties: where it starts and ends, its style and its
    properties."""

    def __init__(self, word: bytes, index: bytes) -> None:
        self.starts: list[int] = []
        self.runs: list[tuple[int, int, bytes]] = []  # end, style, properties
        for start, end, page, offset in _formatting_runs(word, index, PARAGRAPH_ENTRY):
            style, properties = 0, b""
            if offset:
                size = page[offset]
                body = (
                    page[offset + 2 : offset + 2 + 2 * page[offset + 1]]
                    if size == 0
                    else page[offset + 1 : offset + 2 * size]
                )
                if len(body) >= 2:
                    style, properties = struct.unpack_from("<H", body, 0)[0], body[2:]
            self.starts.append(start)
            self.runs.append((end, style, properties))
        order = sorted(range(len(self.starts)), key=self.starts.__getitem__)
        self.starts = [self.starts[n] for n in order]
        self.runs = [self.runs[n] for n in order]

    def at(self, place: int) -> tuple[int, dict[int, bytes]]:
        """The style and properties of the paragraph whose end mark stands at `place`."""
        number = bisect.bisect_right(self.starts, place) - 1
        if number < 0 or place >= self.runs[number][0]:
            return 0, {}
        _, style, properties = self.runs[number]
        return style, _properties(properties)


class _Spans:
    """Sorted spans of the file's characters, each where a character property is set."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def __contains__(self, place: int) -> bool:
        number = bisect.bisect_right(self.starts, place) - 1
        return number >= 0 and place < self.ends[number]


def _character_spans(word: bytes, index: bytes) -> tuple[_Spans, _Spans]:
    """Where the file's characters are set in bold by their own formatting (not their style's, as the .docx reader
    reads a run's), and where they are a tracked deletion, text Word shows struck through until the change is
    accepted or rejected (the .docx reader leaves `w:del` out)."""
    bold: list[tuple[int, int]] = []
    deleted: list[tuple[int, int]] = []
    for start, end, page, offset in _formatting_runs(word, index, CHARACTER_ENTRY):
        properties = _properties(page[offset + 1 : offset + 1 + page[offset]]) if offset else {}
        if properties.get(BOLD) in (b"\x01", b"\x81"):
            bold.append((start, end))
        if properties.get(DELETED, b"\x00")[:1] != b"\x00":
            deleted.append((start, end))
    return _Spans(bold), _Spans(deleted)


def _paragraphs(
    characters: list[tuple[str, int]], runs: _ParagraphRuns, bold: _Spans, deleted: _Spans, first: int = 0
) -> Iterator[_Paragraph]:
    """The story's paragraphs, a field's code left out and its result kept, tracked deletions left out. `first`: the
    place of the story's first character in the document's text."""
    text: list[str] = []
    all_bold = True
    fields: list[bool] = []  # open fields, innermost last: is its code still being read?
    for number, (character, place) in enumerate(characters, first):
        if place in deleted:
            continue
        if character == FIELD_START:
            fields.append(True)
        elif character == FIELD_SEPARATOR and fields:
            fields[-1] = False
        elif character == FIELD_END and fields:
            fields.pop()
        elif any(fields):
            continue
        elif character in (PARAGRAPH_END, CELL_END, PAGE_BREAK):
            style, properties = runs.at(place)
            end = CELL_END if character == CELL_END else PARAGRAPH_END
            yield _Paragraph("".join(text), end, style, properties, all_bold and bool("".join(text).strip()), number)
            text, all_bold = [], True
        elif character not in _DROPPED:
            text.append(_SHOWN_AS.get(character, character))
            all_bold = all_bold and (character.isspace() or place in bold)
    if "".join(text).strip():
        yield _Paragraph("".join(text), PARAGRAPH_END, last=first + len(characters))


class _Styles:
    """The stylesheet: each style's built-in number, the style it is based on and its own paragraph properties."""

    def __init__(self, sheet: bytes) -> None:
        self.styles: dict[int, tuple[int, int, dict[int, bytes]]] = {}
        if len(sheet) < 6:
            return
        header = struct.unpack_from("<H", sheet, 0)[0]
        count, base_size = struct.unpack_from("<HH", sheet, 2)
        at = 2 + header
        for number in range(count):
            size = struct.unpack_from("<H", sheet, at)[0]
            style = sheet[at + 2 : at + 2 + size]
            at += 2 + size
            if size < 10:
                continue
            builtin = struct.unpack_from("<H", style, 0)[0] & 0x0FFF
            kind_and_base = struct.unpack_from("<H", style, 2)[0]
            own: dict[int, bytes] = {}
            name_length = struct.unpack_from("<H", style, base_size)[0] if base_size + 2 <= len(style) else 0
            upx = base_size + 2 + 2 * name_length + 2
            upx += upx % 2
            if kind_and_base & 0x0F == 1 and upx + 2 <= len(style):  # a paragraph style: its first UPX is its PAPX
                upx_size = struct.unpack_from("<H", style, upx)[0]
                own = _properties(style[upx + 4 : upx + 2 + upx_size])
            self.styles[number] = (builtin, kind_and_base >> 4, own)

    def builtin(self, number: int) -> int:
        return self.styles.get(number, (0, 0, {}))[0]

    def property(self, number: int, sprm: int) -> bytes | None:
        """A paragraph property the style sets, or a style it is based on does."""
        for _ in range(16):  # a loop of bases, in a damaged file, ends here
            _, base, own = self.styles.get(number, (0, 0x0FFF, {}))
            if sprm in own:
                return own[sprm]
            if base == 0x0FFF or base == number:
                return None
            number = base
        return None


class _Lists:
    """The document's lists: each list's levels by its id, and each override (what a paragraph names) -> its list
    and the levels it restarts."""

    def __init__(self, table: bytes, word: bytes) -> None:
        self.levels: dict[int, list[_Level]] = {}
        self.overrides: list[tuple[int, dict[int, int]]] = []  # (list id, level -> first number)
        place, length = _place(word, LISTS)
        if length >= 2:
            count = struct.unpack_from("<h", table, place)[0]
            lists = [
                (struct.unpack_from("<I", table, place + 2 + 28 * n)[0], table[place + 2 + 28 * n + 26] & 1)
                for n in range(max(count, 0))
            ]
            at = place + length
            for list_id, simple in lists:
                levels = []
                for _ in range(1 if simple else LIST_LEVELS):
                    level, at = _level(table, at)
                    levels.append(level)
                self.levels[list_id] = levels
        place, length = _place(word, LIST_OVERRIDES)
        if length >= 4:
            count = struct.unpack_from("<I", table, place)[0]
            heads = [
                (struct.unpack_from("<I", table, place + 4 + 16 * n)[0], table[place + 4 + 16 * n + 12])
                for n in range(min(count, length // 16))
            ]
            at = place + 4 + 16 * len(heads)
            for list_id, changed in heads:
                at += 4  # the override's cp, never used
                starts: dict[int, int] = {}
                for _ in range(changed):
                    start, flags = struct.unpack_from("<iB", table, at)
                    at += 8
                    if flags & 0x10:
                        starts[flags & 0x0F] = start
                    if flags & 0x20:  # its own level's formatting follows
                        _, at = _level(table, at)
                self.overrides.append((list_id, starts))


def _level(table: bytes, at: int) -> tuple[_Level, int]:
    """A list level (LVL) at `at`, and where the next begins."""
    start, number_format = struct.unpack_from("<iB", table, at)
    character_size, paragraph_size = table[at + 24], table[at + 25]
    at += 28 + paragraph_size + character_size
    length = struct.unpack_from("<H", table, at)[0]
    template = table[at + 2 : at + 2 + 2 * length].decode("utf-16-le", "replace")
    return _Level(start, number_format, template), at + 2 + 2 * length


def _whole(rows: list[list[list[str]]], row: list[list[str]], cell: list[str]) -> list[list[list[str]]]:
    """A table's rows, with the row and cell a file ended before their marks (a damaged or cut table) kept."""
    if cell:
        row = [*row, [text for text in cell if text]]
    return [*rows, row] if row else rows


class _Layout:
    """The paragraphs as lines the way the .docx reader writes them."""

    def __init__(self, styles: _Styles, lists: _Lists) -> None:
        self.styles, self.lists = styles, lists
        self.counters: dict[int, dict[int, int]] = {}  # list id -> level -> the number it is at
        self.started: set[int] = set()  # overrides met: a restart happens once, where the list first uses it

    def lines(self, paragraphs: list[_Paragraph]) -> str:
        titled = any(self.styles.builtin(p.style) == TITLE_STYLE and p.text.strip() for p in paragraphs)
        lines: list[str] = []
        rows: list[list[list[str]]] = []  # the table being read, its rows of cells of paragraphs
        row: list[list[str]] = []
        cell: list[str] = []
        for paragraph in paragraphs:
            if paragraph.in_table:
                if paragraph.ends_row:
                    rows, row = [*rows, row], []
                    continue
                cell.append(paragraph.text.strip())
                if paragraph.end == CELL_END:
                    row, cell = [*row, [text for text in cell if text]], []
                continue
            if rows or row or cell:
                lines += [*table_lines(_whole(rows, row, cell)), ""]
                rows, row, cell = [], [], []
            lines += self._paragraph(paragraph, titled, first=not lines)
        if rows or row or cell:
            lines += table_lines(_whole(rows, row, cell))
        return "\n".join(lines)

    def _paragraph(self, paragraph: _Paragraph, titled: bool, first: bool) -> list[str]:
        text = paragraph.text.strip()
        if not text:
            return []
        builtin = self.styles.builtin(paragraph.style)
        marker = self._marker(paragraph)
        if builtin in HEADING_STYLES or builtin == TITLE_STYLE:
            level = 1 if builtin == TITLE_STYLE else builtin + titled
            title = f"{marker.strip()} {text}" if marker.strip() not in ("", "-") else text
            return [f"{'#' * min(level, 6)} {title}", ""]
        if not marker and paragraph.bold and len(text.split()) <= BOLD_TITLE_WORDS:
            # a title typed in bold rather than styled as one: the document's own, first, else a section's
            return [f"# {text}" if first and not titled else f"**{text}**", ""]
        return [f"{marker}{text}", ""]

    def _marker(self, paragraph: _Paragraph) -> str:
        """'1. ', '2.3 ', '  - ' or '' for a paragraph Word does not number, indented two spaces a level."""
        override = paragraph.properties.get(LIST_OVERRIDE) or self.styles.property(paragraph.style, LIST_OVERRIDE)
        override_number = struct.unpack("<H", override)[0] if override and len(override) == 2 else 0
        if not 0 < override_number <= len(self.lists.overrides):
            return ""
        raw_level = paragraph.properties.get(LIST_LEVEL) or self.styles.property(paragraph.style, LIST_LEVEL) or b"\x00"
        depth = min(raw_level[0], LIST_LEVELS - 1)
        list_id, starts = self.lists.overrides[override_number - 1]
        levels = self.lists.levels.get(list_id, [])
        level = levels[min(depth, len(levels) - 1)] if levels else _Level(number_format=BULLET)
        indent = "  " * depth
        if level.number_format == BULLET:
            return f"{indent}- "
        if level.number_format == NO_NUMBER:
            return ""
        counters = self.counters.setdefault(list_id, {})
        if override_number not in self.started:
            self.started.add(override_number)
            for restarted, start in starts.items():
                counters[restarted] = start - 1
        number = next_number(counters, depth, level.start)
        if level.number_format in (UPPER_LETTER, LOWER_LETTER):  # "a)", as the .docx reader writes a letter
            return f"{indent}{numeral(number, 'a')}) "
        drawn = "".join(self._number(ch, counters, levels) if ord(ch) < LIST_LEVELS else ch for ch in level.template)
        return f"{indent}{(drawn or f'{number}.').strip()} "

    @staticmethod
    def _number(placeholder: str, counters: dict[int, int], levels: list[_Level]) -> str:
        depth = ord(placeholder)
        number_format = levels[depth].number_format if depth < len(levels) else 0
        return numeral(counters.get(depth, 1), _NUMBER_FORMATS.get(number_format, "1"))
