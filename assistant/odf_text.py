"""An OpenDocument text file's words (.odt: LibreOffice's own format), laid out as the Word reader lays out a
.docx: headings as `#` lines, list paragraphs with the number or bullet the document shows (ODF, like Word,
numbers lists as it draws them: the numbers are not in the text), tables a row a line, and the pages' headers
and footers apart, as the margins.

An .odt file is a zip of XML parts: `content.xml` holds the text and its automatic styles, `styles.xml` the
named styles, list styles and the page headers and footers. Both are read with lxml (python-docx's own XML
parser), with entities and network access turned off, and only after their unpacked size is checked.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from assistant.errors import UnreadableDocument
from assistant.office_text import (
    BOLD_TITLE_WORDS,
    MAX_UNPACKED_PART,
    margin_lines,
    numeral,
    table_lines,
    whole_number,
)

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xml": "http://www.w3.org/XML/1998/namespace",
}


def _q(name: str) -> str:
    """'text:p' as lxml names it: '{urn:...:text:1.0}p'."""
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_P, _H, _SPAN = _q("text:p"), _q("text:h"), _q("text:span")
_LIST, _LIST_ITEM, _LIST_HEADER = _q("text:list"), _q("text:list-item"), _q("text:list-header")
_TABLE, _ROW, _CELL = _q("table:table"), _q("table:table-row"), _q("table:table-cell")
_SECTION, _FRAME, _TEXT_BOX = _q("text:section"), _q("draw:frame"), _q("draw:text-box")
_S, _TAB, _LINE_BREAK = _q("text:s"), _q("text:tab"), _q("text:line-break")
# parts of a paragraph that are not its text: a footnote's or a comment's own words, a drawing's (its text
# boxes are read after the paragraph), and a deleted change's record
# (and a heading's or list item's number as last drawn, read as its marker)
_NUMBER = _q("text:number")
_NOT_INLINE = frozenset(
    {_q("text:note"), _q("office:annotation"), _FRAME, _q("text:tracked-changes"), _q("text:change"), _NUMBER}
)
# the rows of a table, however they are grouped
_ROW_GROUPS = frozenset({_q("table:table-header-rows"), _q("table:table-rows"), _q("table:table-row-group")})
# blocks that hold other blocks
_CONTAINERS = frozenset({_SECTION, _q("text:index-body"), _q("office:text")})
MAX_SPACES = 100  # a run of spaces (`text:s`) is never wider than a line: a file saying more is damaged
OUTLINE_LEVELS = 10  # the deepest heading ODF has


def read_odt(path: Path) -> tuple[str, str]:
    """The document's text in reading order, and its page headers' and footers' text (the margins). Raises
    UnreadableDocument naming the file and why."""
    try:
        with zipfile.ZipFile(path) as package:
            if _encrypted(package):
                why = "is a password-protected OpenDocument file (save a copy without the password)"
                raise UnreadableDocument(str(path), why)
            content = _part(package, "content.xml", path)
            styles = _part(package, "styles.xml", path) if "styles.xml" in package.namelist() else None
    # RuntimeError: a zip encrypted as a whole; zlib.error: damaged packed data; ValueError: a damaged part's name;
    # NotImplementedError: a zip feature Python's zipfile doesn't read
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, zlib.error, ValueError, NotImplementedError):
        raise UnreadableDocument(str(path), "is not a valid OpenDocument (.odt) file") from None
    body = content.find("office:body/office:text", _NS)
    if body is None:
        raise UnreadableDocument(str(path), "is an OpenDocument file without text (a spreadsheet or a drawing?)")
    reader = _Reader(_Styles.of(content, styles))
    lines = list(reader.blocks(body))
    return "\n".join(lines), _margins(styles)


def _encrypted(package: zipfile.ZipFile) -> bool:
    """LibreOffice encrypts a password-protected file's parts and lists how in its manifest."""
    try:
        info = package.getinfo("META-INF/manifest.xml")
    except KeyError:
        return False
    return info.file_size <= MAX_UNPACKED_PART and b"encryption-data" in package.read(info)


def _part(package: zipfile.ZipFile, name: str, path: Path) -> Any:  # an lxml element
    try:
        info = package.getinfo(name)
    except KeyError:
        raise UnreadableDocument(str(path), f"is not a valid OpenDocument (.odt) file (it has no {name})") from None
    if info.file_size > MAX_UNPACKED_PART:
        why = f"is too large to read ({name} unpacks to {info.file_size // (1024 * 1024)} MB)"
        raise UnreadableDocument(str(path), why)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(package.read(info), parser)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, ValueError, zlib.error):
        raise UnreadableDocument(str(path), f"is damaged (its {name} cannot be read)") from None


def _margins(styles: Any) -> str:
    """Every page header's and footer's text (see `margin_lines`)."""
    if styles is None:
        return ""
    kinds = ("header", "footer", "header-left", "footer-left", "header-first", "footer-first")
    return margin_lines(
        _inline_text(paragraph)
        for page in styles.iterfind("office:master-styles/style:master-page", _NS)
        for kind in kinds
        for part in page.iterfind(f"style:{kind}", _NS)
        for paragraph in part.iter(_P, _H)
    )


def _inline_text(element: Any) -> str:
    """A paragraph's words as it shows them: its spans' and links' text, its spaces, tabs and line breaks."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == _S:
            parts.append(" " * min(whole_number(child.get(_q("text:c")), 1), MAX_SPACES))
        elif child.tag == _TAB:
            parts.append("\t")
        elif child.tag == _LINE_BREAK:
            parts.append("\n")
        elif child.tag not in _NOT_INLINE and isinstance(child.tag, str):
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


@dataclass
class _Styles:
    """What the reader needs of the document's styles: which paragraph and text styles are bold or a title, each
    style's parent, and the list styles' levels."""

    parents: dict[str, str] = field(default_factory=dict)  # style -> the style it is based on
    bold: dict[str, bool] = field(default_factory=dict)  # style -> its own font weight, where it sets one
    list_of_paragraph: dict[str, str] = field(default_factory=dict)  # paragraph style -> its list style
    lists: dict[str, dict[int, _Level]] = field(default_factory=dict)  # list style -> level (1...) -> how drawn
    outline: dict[int, _Level] = field(default_factory=dict)  # how headings are numbered, by level

    @classmethod
    def of(cls, content: Any, styles: Any) -> _Styles:
        found = cls()
        for root in (styles, content):  # the document's automatic styles last: they refine the named ones
            if root is None:
                continue
            for style in root.iter(_q("style:style")):
                name = style.get(_q("style:name"), "")
                if parent := style.get(_q("style:parent-style-name")):
                    found.parents[name] = parent
                if list_style := style.get(_q("style:list-style-name")):
                    found.list_of_paragraph[name] = list_style
                weight = style.find("style:text-properties", _NS)
                if weight is not None and (value := weight.get(_q("fo:font-weight"))):
                    found.bold[name] = value == "bold" or (value.isdigit() and int(value) >= 600)
            for list_style in root.iter(_q("text:list-style")):
                found.lists[list_style.get(_q("style:name"), "")] = _levels(list_style)
            for outline_style in root.iter(_q("text:outline-style")):
                found.outline = _levels(outline_style)
        return found

    def chain(self, name: str) -> Iterator[str]:
        """The style and those it is based on, nearest first."""
        seen: set[str] = set()
        while name and name not in seen:
            seen.add(name)
            yield name
            name = self.parents.get(name, "")

    def is_bold(self, name: str) -> bool:
        return next((self.bold[style] for style in self.chain(name) if style in self.bold), False)

    def is_title(self, name: str) -> bool:
        return any(style.lower() == "title" for style in self.chain(name))

    def list_style_of(self, paragraph_style: str) -> str:
        """The list style a paragraph style numbers its paragraphs by, its own or one it is based on."""
        return next((self.list_of_paragraph[s] for s in self.chain(paragraph_style) if s in self.list_of_paragraph), "")


@dataclass(frozen=True)
class _Level:
    """How a list level draws its items' marker: a bullet, or a number in a format with what stands around it."""

    number_format: str = ""  # "1", "a", "A", "i", "I"; "" for a bullet or nothing drawn
    bullet: bool = True
    prefix: str = ""
    suffix: str = ""
    shown_levels: int = 1  # "2.3": the numbers of this many levels, up to this one
    start: int = 1


def _levels(list_style: Any) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for level in list_style:
        depth = whole_number(level.get(_q("text:level")), 1)
        if level.tag in (_q("text:list-level-style-number"), _q("text:outline-level-style")):
            levels[depth] = _Level(
                number_format=level.get(_q("style:num-format"), "1") or "",
                bullet=False,
                prefix=level.get(_q("style:num-prefix"), ""),
                suffix=level.get(_q("style:num-suffix"), ""),
                shown_levels=whole_number(level.get(_q("text:display-levels")), 1),
                start=whole_number(level.get(_q("text:start-value")), 1),
            )
        else:  # a bullet, or a picture as one
            levels[depth] = _Level()
    return levels


class _Reader:
    """Walks the body's blocks in reading order, writing the lines segmentation reads."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.counters: dict[str, list[int]] = {}  # a list's numbering (by id) -> the number each level is at
        self.last_list_of_style: dict[str, str] = {}  # list style -> the numbering its last list drew
        self.started = False  # a line of text has been written
        self.under_title = False  # a document with a Title has its headings one level under it

    def blocks(self, body: Any) -> Iterator[str]:
        self.under_title = any(
            self.styles.is_title(p.get(_q("text:style-name"), "")) and _inline_text(p).strip() for p in body.iter(_P)
        )
        for block in self._read(body):
            yield from block

    def _read(self, container: Any) -> Iterator[list[str]]:
        for child in container:
            if child.tag == _H:
                yield self._heading(child)
            elif child.tag == _P:
                yield self._paragraph(child)
            elif child.tag == _LIST:
                yield self._list(child, depth=1, style="", numbering="")
            elif child.tag == _TABLE:
                yield [*table_lines(_table_rows(child)), ""]
            elif child.tag in _CONTAINERS:
                yield from self._read(child)
            # an index, the declarations before the text, forms and the tracked changes' record: no rule

    def _heading(self, heading: Any) -> list[str]:
        text = " ".join(_inline_text(heading).split())
        if not text:
            return self._text_boxes(heading)
        depth = min(whole_number(heading.get(_q("text:outline-level")), 1), OUTLINE_LEVELS)
        number = self._number_shown(heading) or self._draw("outline", self.styles.outline, depth).strip()
        title = f"{number} {text}" if number and number != "-" else text  # "3." of a heading numbered by outline
        self.started = True
        return [f"{'#' * min(depth + self.under_title, 6)} {title}", "", *self._text_boxes(heading)]

    def _paragraph(self, paragraph: Any, marker: str = "") -> list[str]:
        text = _inline_text(paragraph).strip()
        boxes = self._text_boxes(paragraph)
        if not text:
            return boxes
        style = paragraph.get(_q("text:style-name"), "")
        if marker:
            line = f"{marker}{text}"
        elif self.styles.is_title(style):
            line = f"# {text}"
        elif self._bold_title(paragraph, style, text):
            # a title typed in bold rather than styled as one: the document's own, first, else a section's
            line = f"# {text}" if not self.started and not self.under_title else f"**{text}**"
        else:
            line = text
        self.started = True
        return [line, "", *boxes]

    def _bold_title(self, paragraph: Any, style: str, text: str) -> bool:
        """A short paragraph all in bold, by its own style or its spans'."""
        if len(text.split()) > BOLD_TITLE_WORDS:
            return False
        bold = self.styles.is_bold(style)
        if (paragraph.text or "").strip() and not bold:
            return False
        for child in paragraph:
            if child.tag == _SPAN and _inline_text(child).strip():
                if not (self.styles.is_bold(child.get(_q("text:style-name"), "")) or bold):
                    return False
            elif child.tag != _SPAN and _inline_text(child).strip() and not bold:
                return False
            if (child.tail or "").strip() and not bold:
                return False
        return True

    def _list(self, element: Any, depth: int, style: str, numbering: str) -> list[str]:
        """A list's items with their markers; a list inside an item is the next level of the same list."""
        style = element.get(_q("text:style-name")) or style or self._list_style_of_first_paragraph(element)
        if depth == 1:
            numbering = self._numbering(element, style)
        lines: list[str] = []
        for item in element:
            if item.tag not in (_LIST_ITEM, _LIST_HEADER):
                continue
            if item.tag == _LIST_ITEM and (restart := item.get(_q("text:start-value"))):
                self._restart(numbering, style, depth, whole_number(restart, 1))
            marker = self._draw(numbering, self.styles.lists.get(style, {}), depth) if item.tag == _LIST_ITEM else ""
            for child in item:
                if child.tag in (_P, _H):
                    shown = self._number_shown(child)
                    lines += self._paragraph(child, marker=f"{shown} " if shown else marker)
                    marker = ""  # the item's further paragraphs are its own, unnumbered
                elif child.tag == _LIST:
                    lines += self._list(child, depth + 1, style, numbering)
                elif child.tag == _TABLE:
                    lines += [*table_lines(_table_rows(child)), ""]
        return lines

    def _list_style_of_first_paragraph(self, element: Any) -> str:
        first = element.find(".//text:p", _NS)
        return self.styles.list_style_of(first.get(_q("text:style-name"), "")) if first is not None else ""

    def _numbering(self, element: Any, style: str) -> str:
        """Which numbering a list goes on with: the one it names, the last list's in its style when the document
        says it continues it, or a new one of its own."""
        numbering: str
        if continued := element.get(_q("text:continue-list")):
            numbering = continued
        elif element.get(_q("text:continue-numbering")) == "true" and style in self.last_list_of_style:
            numbering = self.last_list_of_style[style]
        else:
            numbering = element.get(_q("xml:id")) or f"list {len(self.counters)}"
            self.counters.pop(numbering, None)
        if own := element.get(_q("xml:id")):
            self.counters[own] = self.counters.setdefault(numbering, [])  # a later list may continue it by name
        self.last_list_of_style[style] = numbering
        return numbering

    def _restart(self, numbering: str, style: str, depth: int, start: int) -> None:
        self._draw(numbering, self.styles.lists.get(style, {}), depth, dry=True)
        self.counters[numbering][depth - 1] = start - 1

    def _draw(self, numbering: str, levels: dict[int, _Level], depth: int, dry: bool = False) -> str:
        """The next item's marker at this depth ("2.3 ", "b) ", "  - "), indented two spaces a level below the
        first; the levels under it start again."""
        counters = self.counters.setdefault(numbering, [])
        del counters[depth:]
        while len(counters) < depth:
            counters.append(levels.get(len(counters) + 1, _Level()).start - 1)
        if dry:
            return ""
        counters[depth - 1] += 1
        level = levels.get(depth, _Level())
        indent = "  " * (depth - 1)
        if level.bullet:
            return f"{indent}- " if levels is not self.styles.outline else ""
        if not level.number_format:
            return ""
        shown = counters[max(0, depth - level.shown_levels) : depth]
        return f"{indent}{level.prefix}{'.'.join(numeral(n, level.number_format) for n in shown)}{level.suffix} "

    @staticmethod
    def _number_shown(paragraph: Any) -> str:
        """The number the application last drew for a heading or item, where it kept one (`text:number`)."""
        number = paragraph.find("text:number", _NS)
        return " ".join((number.text or "").split()) if number is not None else ""

    @staticmethod
    def _text_boxes(paragraph: Any) -> list[str]:
        """The paragraphs of text boxes anchored in this paragraph, after it."""
        lines: list[str] = []
        for box in paragraph.iter(_TEXT_BOX):
            for inner in box.iter(_P, _H):
                if text := _inline_text(inner).strip():
                    lines += [text, ""]
        return lines


def _table_rows(table: Any) -> list[list[list[str]]]:
    """A table's rows, each a list of its cells, each a list of its paragraphs' text. A cell another spans over
    (`covered-table-cell`) is no cell of its own."""
    rows: list[list[list[str]]] = []

    def read(container: Any) -> None:
        for child in container:
            if child.tag == _ROW:
                rows.append([_cell_paragraphs(cell) for cell in child if cell.tag == _CELL])
            elif child.tag in _ROW_GROUPS:
                read(child)

    read(table)
    return rows


def _cell_paragraphs(cell: Any) -> list[str]:
    return [text for p in cell.iter(_P, _H) if (text := _inline_text(p).strip())]
