"""Read a policy file's text: .txt, .md, .html, .docx (python-docx), .doc (olefile, and our reader of Word 97-2003's
format), .odt (its XML, by lxml), .rtf (striprtf) and .pdf (pypdf).

A web page (a saved .html file, or page source saved as .txt) is read as its text, laid out as Markdown.

Every failure is an `UnreadableDocument` naming the file and saying why in plain words.
"""

from __future__ import annotations

import codecs
import itertools
import os
import re
import traceback
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import UnreadableDocument
from assistant.html_text import html_blocks_as_text, html_to_text, looks_like_html
from assistant.models import Frozen
from assistant.office_text import (
    BOLD_TITLE_WORDS,
    MAX_UNPACKED_PART,
    margin_lines,
    next_number,
    numeral,
    table_lines,
    whole_number,
)
from assistant.pdf_tables import PageTable, may_hold_a_table, put_tables_back, set_tables_aside
from assistant.segmentation import is_list_marker, split_front_matter

# a page's source as a website keeps it: its markup and code around the policy's words
PAGE_SOURCES = (".vue", ".svelte", ".jsx", ".tsx", ".js", ".astro")
SUPPORTED = (
    ".txt",
    ".md",
    ".markdown",
    ".mdx",
    ".rst",
    ".html",
    ".htm",
    ".docx",
    ".doc",
    ".odt",
    ".rtf",
    ".pdf",
    *PAGE_SOURCES,
)
SUPPORTED_NAMES = ".txt, .md, .rst, .html, .docx, .doc, .odt, .rtf, .pdf or a web page's source"  # for messages
WORD_LINES_MIN = 40  # lines on a page before it can be one word a line...
WORD_LINES_SHARE = 0.8  # ...when this share of them are single words
WORD_LIST_LEVELS = 9  # the levels a Word list has; a file saying more is damaged
MAX_BYTES = 20 * 1024 * 1024  # a policy is never this big; a file this big is not a policy
MAX_UNPACKED = 256 * 1024 * 1024  # all of a zipped document's parts unpacked (one: `MAX_UNPACKED_PART`)
BINARY_SAMPLE = 8192  # bytes read to tell text from binary: more than 1% zero bytes is binary...
STRAY_ZEROS = 8  # ...and more than a few
EDGE_LINES = 2  # a page's first and last lines, where its running header and footer stand
PAGE_LINES_MIN = 5  # lines of text on a page before its wrapping can be told...
PAGE_LINE_CHARS = 20  # ...counting lines longer than a title
WRAP_SPACES = 0.3  # share of those lines ending in a space, on a page whose wrapped lines keep theirs
TITLE_SHARE = 0.6  # of the page's widest line: a line ended on purpose this short, ending no sentence, is a title
# an address's parts are at most 64 and 253 characters long: bounded, a long run of letters is refused at once
_BROKEN_EMAIL = re.compile(r"(?P<start>[\w.+-]{1,64}@[\w.-]{0,253})[ \t]*\n(?P<rest>[\w-]{1,63}(?:\.[\w-]{1,63})*)")
_ENDS_SENTENCE = re.compile(r"[.!?:]\W*$")
_STARTS_PARAGRAPH = re.compile(r"^[\"'“‘(]?[A-Z0-9•▪●◦·\-*]")


# typesetting's joined letters, as a PDF's text (and text copied out of one) often keeps them: "conﬁdential"
# would be read as the words "con" and "dential"...
_AS_PLAIN_LETTERS = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
    # and characters that show nothing yet split a word: Word's optional hyphen, a web page's zero-width space
    | dict.fromkeys(["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"], "")
)
_SOFT_HYPHEN_BREAK = re.compile(r"\u00ad[ \t]*\n[ \t]*")
# ...and the letters of a joined pair as some PDF writers map them back (Ghostscript's "fi" is U+6600 U+6900, each
# letter's code shifted a byte: "identi昀椀ed"); read back only beside a Latin letter, where no CJK text stands
_SHIFTED = "".join(chr(code << 8) for code in range(ord("a"), ord("z") + 1))
_SHIFTED_LETTERS = re.compile(f"(?<=[A-Za-z])[{_SHIFTED}]+|[{_SHIFTED}]+(?=[a-z])")

_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the signature of the container a .doc is kept in
# files an office keeps its policies in that we can't read, and how to make one we can
_SAVE_AS = {
    ".pages": "export it from Pages as Word (.docx)",
}


def unsupported(suffix: str) -> str:
    """Why a file of this type is not read, and what to do instead."""
    if hint := _SAVE_AS.get(suffix.lower()):
        return f"unsupported file type {suffix} ({hint})"
    return f"unsupported file type {suffix or '(none)'}; use {SUPPORTED_NAMES}"


class DocumentText(Frozen):
    """A policy file's text, and its margins: the running header and footer of its pages ("Review date: May
    2021 | Page 3"), never quoted but read for what a document states of itself."""

    text: str
    margins: str = ""


def read_document(path: Path) -> DocumentText:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnreadableDocument(str(path), unsupported(suffix))
    try:
        size = path.stat().st_size
    except OSError as err:
        raise UnreadableDocument(str(path), f"cannot be opened ({err.strerror})") from None
    if size > MAX_BYTES:
        raise UnreadableDocument(str(path), f"is too large ({size // (1024 * 1024)} MB)")
    margins = ""
    if suffix in (".doc", ".docx", ".rtf"):
        suffix = _saved_as(path, suffix)  # a word processor's file is often one kind under another kind's name
    if suffix == ".docx":
        text, margins = _read_docx(path)
    elif suffix == ".doc":
        from assistant.doc_text import read_doc  # imported here, as python-docx is: most installs read text files

        text, margins = read_doc(path)
    elif suffix == ".odt":
        from assistant.odf_text import read_odt  # imported here, as python-docx is: most installs read text files

        text, margins = read_odt(path)
    elif suffix == ".rtf":
        from assistant.rtf_text import read_rtf

        text, margins = read_rtf(path)
    elif suffix == ".pdf":
        text, margins = _read_pdf(path)
    else:
        text = _read_plain(path)
        if suffix in (".html", ".htm", *PAGE_SOURCES) or looks_like_html(text):
            settings, page = split_front_matter(text)  # a Jekyll page's settings stay for its title
            text = settings + html_to_text(page)
        else:
            text = html_blocks_as_text(text)
    # a soft hyphen ends a line inside a word; elsewhere it, and the zero-width marks, show nothing
    text = _SOFT_HYPHEN_BREAK.sub("", text).translate(_AS_PLAIN_LETTERS)
    text = _SHIFTED_LETTERS.sub(lambda found: "".join(chr(ord(c) >> 8) for c in found.group(0)), text)
    if not text.strip():
        if suffix == ".pdf":  # a scan is pictures of pages: there are no words in it to read
            raise UnreadableDocument(
                str(path), "contains no text (a scanned PDF? save the policy as a PDF or .docx from Word)"
            )
        raise UnreadableDocument(str(path), "contains no text")
    return DocumentText(text=text, margins=margins)


def _saved_as(path: Path, named: str) -> str:
    """What a Word or RTF file holds, by its first bytes, whatever its name says: a zipped Word document (.docx),
    Word 97-2003's compound file (.doc), or Rich Text (.rtf)."""
    try:
        with path.open("rb") as file:
            start = file.read(len(_COMPOUND_FILE))
    except OSError as err:
        raise UnreadableDocument(str(path), f"cannot be opened ({err.strerror})") from None
    if start.startswith(b"PK\x03\x04"):
        return ".docx"
    if start == _COMPOUND_FILE:
        return ".doc"
    return ".rtf" if start.lstrip().startswith(b"{\\rtf") else named


def _read_plain(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Notepad's "Unicode", Word's "Unicode Text"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableDocument(str(path), "is not valid UTF-16 text") from None
    # An image or a program is full of zero bytes; a text pasted out of a PDF may carry a stray one
    sample = data[:BINARY_SAMPLE]
    if sample.count(b"\x00") > max(STRAY_ZEROS, len(sample) // 100):
        raise UnreadableDocument(str(path), "is a binary file, not text")
    data = data.replace(b"\x00", b"")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableDocument(str(path), "is not valid UTF-8 or Windows-1252 text")


def _read_docx(path: Path) -> tuple[str, str]:
    """A Word document's text in reading order: headings as `#` lines, tables where they stand, and list
    paragraphs with the bullet or number Word shows (its automatic numbers are not in the text); and its
    sections' headers and footers, the margins."""
    import docx  # imported here: most installs only ever read text files
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    if unpacked := _unpacked_too_large(path):
        raise UnreadableDocument(str(path), f"is too large to read (it unpacks to {unpacked // (1024 * 1024)} MB)")
    try:
        document = docx.Document(str(path))
    # (damaged packed data: zlib.error, or OSError and EOFError from a damaged offset or length; NotImplementedError:
    # a zip feature Python's zipfile doesn't read)
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        OSError,
        EOFError,
        zlib.error,
        NotImplementedError,
    ):
        raise UnreadableDocument(str(path), "is not a valid Word (.docx) file") from None
    except SyntaxError:  # lxml's XMLSyntaxError: a part cut short (a half-copied file) or written wrong
        raise UnreadableDocument(
            str(path), "is a damaged Word (.docx) file (open it in Word and save it again)"
        ) from None
    numbering = _WordNumbering(document)
    blocks = list(_word_blocks(document))
    # a document with a Title has its headings one level under it: "# Title", then "## Heading 1"
    under_title = any(
        not isinstance(block, Table) and _style_of(block) == "title" and _paragraph_text(block).strip()
        for block in blocks
    )
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            lines += [*_word_table_lines(block), ""]
            continue
        text = _paragraph_text(block).strip()
        style = _style_of(block)
        boxed = [line for box_text in _text_boxes(block) for line in (box_text, "")]  # after their anchor
        if not text or style.startswith("toc"):
            lines += boxed
            continue  # Word's table of contents ("TOC 1"): every section's title and page, no rule
        if style.startswith("heading") or style == "title":
            level = 1 if style == "title" else int("".join(ch for ch in style if ch.isdigit()) or "1") + under_title
            number = numbering.marker(block).strip()  # "3." of a heading Word numbers itself
            title = f"{number} {text}" if number and number != "-" else text
            lines.append(f"{'#' * min(level, 6)} {title}")
        elif marker := numbering.marker(block):
            lines.append(f"{marker}{text}")
        elif "list" in style:
            lines.append(f"- {text}")
        elif _bold_title(block, text):
            # a title typed in bold rather than styled as one: the document's own, first, else a section's
            lines.append(f"# {text}" if not lines and not under_title else f"**{text}**")
        else:
            lines.append(text)
        lines += ["", *boxed]
    return "\n".join(lines), _word_margins(document)


def _unpacked_too_large(path: Path) -> int:
    """The size a zipped document unpacks to, where one of its parts or all of them are more than a policy ever
    is (a zip bomb: python-docx reads every part into memory), else 0. A file that is no zip is left for the
    reader to name."""
    try:
        with zipfile.ZipFile(path) as package:
            sizes = [info.file_size for info in package.infolist()]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return 0
    total = sum(sizes)
    return total if max(sizes, default=0) > MAX_UNPACKED_PART or total > MAX_UNPACKED else 0


def _word_margins(document: Any) -> str:  # a python-docx Document
    """The text of every header and footer of the document's sections (see `margin_lines`)."""
    return margin_lines(
        _element_text(paragraph)
        for element in _margin_elements(document)
        for paragraph in element.iter(_W_P)  # its tables' too: footers are often laid out in one
    )


def _margin_elements(document: Any) -> Iterator[Any]:  # a python-docx Document
    """Each section's own headers and footers (not those linked to the section before's, read there)."""
    kinds = ("header", "footer", "first_page_header", "first_page_footer", "even_page_header", "even_page_footer")
    for section in document.sections:
        for kind in kinds:
            try:
                part = getattr(section, kind)
                if not part.is_linked_to_previous:
                    yield part._element
            except KeyError:  # a header the file names but no longer holds (python-docx finds no part): skipped
                continue


def _word_blocks(document: Any) -> Iterator[Any]:  # a python-docx Document
    """The body's paragraphs and tables in reading order, with those inside content controls: a cover page's
    title and review date, a template's filled-in fields (python-docx's own `iter_inner_content` passes over
    them). A table of contents' control is left out: its entries are no rule."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def inside(element: Any) -> Iterator[Any]:
        for child in element.iterchildren():
            if child.tag == _W_P:
                yield Paragraph(child, document._body)
            elif child.tag == _W_TBL:
                yield Table(child, document._body)
            elif child.tag == _W_SDT and not _is_contents(child):
                for content in child.iterchildren(_w("sdtContent")):
                    yield from inside(content)
            elif child.tag == _W_CUSTOM_XML:  # a template's data binding around blocks, as a control's
                yield from inside(child)

    return inside(document.element.body)


def _is_contents(control: Any) -> bool:  # a w:sdt element
    gallery = control.find(f"{_w('sdtPr')}/{_w('docPartObj')}/{_w('docPartGallery')}")
    return gallery is not None and "contents" in (gallery.get(_w("val")) or "").lower()


def _word_table_lines(table: Any) -> list[str]:  # a python-docx Table
    """A Word table's rows as `table_lines` writes them, each cell its paragraphs. Rows, cells and paragraphs kept
    in content controls are read too (a template's repeating section of contacts, a form's filled-in fields:
    python-docx's rows and cells pass over them). A cell merged across columns counts once; one merged down from
    the cell above gives that cell's text again, as python-docx's cells do."""
    rows: list[list[list[str]]] = []
    above: dict[int, list[str]] = {}  # grid column -> the paragraphs of the cell a merge down starts from
    for tr in _wrapped_in_controls(table._tbl, _W_TR):
        column = _number_in(tr.find(f"{_w('trPr')}/{_w('gridBefore')}"), default=0)
        cells: list[list[str]] = []
        for tc in _wrapped_in_controls(tr, _W_TC):
            merge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
            if merge is not None and merge.get(_w("val"), "continue") == "continue":
                paragraphs = above.get(column, [])
            else:
                paragraphs = [_element_text(p) for p in tc.iter(_W_P) if not _in_text_box(p, tc)]
                above[column] = paragraphs
            cells.append(paragraphs)
            column += _number_in(tc.find(f"{_w('tcPr')}/{_w('gridSpan')}"), default=1)
        rows.append(cells)
    return table_lines(rows)


def _wrapped_in_controls(element: Any, tag: str) -> Iterator[Any]:
    """The element's children of this tag, with those a content control or a custom XML element wraps."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _W_SDT:
            for content in child.iterchildren(_w("sdtContent")):
                yield from _wrapped_in_controls(content, tag)
        elif child.tag == _W_CUSTOM_XML:
            yield from _wrapped_in_controls(child, tag)


def _number_in(element: Any | None, default: int) -> int:
    """The whole number a Word property element states (`w:val`), or the default where it is missing or damaged."""
    return whole_number(element.get(_w("val")) if element is not None else None, default)


def _in_text_box(paragraph: Any, cell: Any) -> bool:
    """A paragraph of a text box drawn in the cell: not the cell's text."""
    for above in paragraph.iterancestors():
        if above is cell:
            return False
        if above.tag == _w("txbxContent"):
            return True
    return False


def _paragraph_text(paragraph: Any) -> str:  # a python-docx Paragraph
    """The paragraph's text as it reads with its tracked changes accepted: what was inserted in, what was
    deleted out (python-docx's own `text` leaves insertions out, so a policy under review lost words).
    A text box's paragraphs, inside a drawing, are not this paragraph's: see `_text_boxes`."""
    return _element_text(paragraph._p)


def _element_text(p: Any) -> str:  # a w:p element
    parts: list[str] = []
    for element in p.iter(_W_T, _W_TAB, _W_BR, _W_CR):
        above = element.getparent()
        while above is not None and above is not p and above.tag not in _NOT_READ:
            above = above.getparent()
        if above is p:  # not deleted, moved away or in a text box of its own
            parts.append((element.text or "") if element.tag == _W_T else _SHOWN_AS[element.tag])
    return "".join(parts)


def _text_boxes(paragraph: Any) -> list[str]:
    """The paragraphs of the text boxes anchored in a paragraph ("Designated Safeguarding Lead: ..." boxed on a
    policy's front page). Word keeps a second copy of each box for older readers, in a fallback: read once."""
    return [
        text
        for box in paragraph._p.iter(_w("txbxContent"))
        if not any(ancestor.tag == _MC_FALLBACK for ancestor in box.iterancestors())
        for inner in box.iterchildren(_w("p"))
        if (text := _element_text(inner).strip())
    ]


def _bold_title(paragraph: Any, text: str) -> bool:
    """A short paragraph all in bold: "Physical abuse:", "Commitment to Safeguarding"."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and len(text.split()) <= BOLD_TITLE_WORDS and all(run.bold for run in runs)


def _style_of(paragraph: Any) -> str:  # a python-docx Paragraph
    return (paragraph.style.name or "").lower() if paragraph.style is not None else ""


class _WordNumbering:
    """The bullet or number Word draws before a list paragraph, from the document's numbering definitions:
    "1.", "a)", or "2.3" where a level's text is "%1.%2"."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, str], tuple[str, str, int]] = {}  # (list id, level) -> (format, text, start)
        self.counters: dict[str, dict[int, int]] = {}  # list id -> level -> the number it is at
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # a document with no lists
        abstract = {node.get(_w("abstractNumId")): _levels(node) for node in root.findall(_w("abstractNum"))}
        for num in root.findall(_w("num")):
            ref = num.find(_w("abstractNumId"))
            # a list that goes on after a paragraph between ("4." after "3.") is a list of its own starting there
            starts = {
                override.get(_w("ilvl")): _number_in(start, default=1)
                for override in num.findall(_w("lvlOverride"))
                if (start := override.find(_w("startOverride"))) is not None
            }
            for level, (fmt, text, start) in abstract.get(ref.get(_w("val")) if ref is not None else None, {}).items():
                self.levels[(num.get(_w("numId")), level)] = (fmt, text, starts.get(level, start))

    def marker(self, paragraph: Any) -> str:
        """'1. ', '2.3 ', '  - ' or '' for a paragraph Word does not number, indented two spaces a level."""
        found = _num_properties(paragraph)
        if found is None:
            return ""
        num_id, level = found
        fmt, text, start = self.levels.get((num_id, level), ("bullet", "", 1))
        indent = "  " * int(level)
        if fmt == "bullet":
            return f"{indent}- "
        if fmt == "none":
            return ""
        counters = self.counters.setdefault(num_id, {})
        depth = int(level)
        number = next_number(counters, depth, start)
        if fmt in ("lowerLetter", "upperLetter"):
            return f"{indent}{numeral(number, 'a')}) "
        drawn = re.sub(r"%(\d)", lambda m: str(counters.get(int(m.group(1)) - 1, 1)), text or f"%{depth + 1}.")
        return f"{indent}{drawn.strip()} "


def _levels(abstract_num: Any) -> dict[str, tuple[str, str, int]]:
    """A list definition's levels: format ("decimal", "bullet", "lowerLetter"...), text ("%1.%2") and first
    number."""
    levels: dict[str, tuple[str, str, int]] = {}
    for level in abstract_num.findall(_w("lvl")):
        fmt, text, start = level.find(_w("numFmt")), level.find(_w("lvlText")), level.find(_w("start"))
        levels[level.get(_w("ilvl"))] = (
            fmt.get(_w("val")) if fmt is not None else "decimal",
            text.get(_w("val")) if text is not None else "",
            _number_in(start, default=1),
        )
    return levels


def _w(name: str) -> str:
    return f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{name}"


_W_T, _W_TAB, _W_BR, _W_CR = _w("t"), _w("tab"), _w("br"), _w("cr")
_W_P, _W_TBL, _W_SDT, _W_TR, _W_TC = _w("p"), _w("tbl"), _w("sdt"), _w("tr"), _w("tc")
_W_CUSTOM_XML = _w("customXml")
# deleted or moved-away text, and a text box's own paragraphs
_NOT_READ = frozenset({_w("del"), _w("moveFrom"), _w("txbxContent")})
_SHOWN_AS = {_W_TAB: "\t", _W_BR: "\n", _W_CR: "\n"}
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _num_properties(paragraph: Any) -> tuple[str, str] | None:
    """A paragraph's list id and level, its own or its style's (a "List Number" paragraph numbers by style)."""
    for holder in (paragraph._p, getattr(paragraph.style, "element", None)):
        ppr = holder.find(_w("pPr")) if holder is not None else None
        num = ppr.find(_w("numPr")) if ppr is not None else None
        if num is None:
            continue
        num_id = num.find(_w("numId"))
        level = num.find(_w("ilvl"))
        if num_id is not None and num_id.get(_w("val")) != "0":
            return num_id.get(_w("val")), str(min(_number_in(level, default=0), WORD_LIST_LEVELS - 1))
    return None


def _read_pdf(path: Path) -> tuple[str, str]:
    """A PDF's text, a blank line between its paragraphs, and its running header and footer, the margins."""
    import logging

    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-but-readable PDFs warn loudly
    try:
        reader = PdfReader(str(path))
        # a PDF published with its editing or printing locked is encrypted, but with an empty password to open:
        # any viewer opens it, and so do we; one that asks for a password to open can't be read
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise UnreadableDocument(str(path), "is a password-protected PDF (save a copy without the password)")
        tables: list[PageTable] = []  # set aside while the pages' paragraphs are found
        pages = [_page_text(page, tables) for page in reader.pages]
    except UnreadableDocument:
        raise
    except DependencyError:  # an encryption pypdf reads only with a library not installed
        raise UnreadableDocument(str(path), "is a PDF encrypted in a way this install can't read") from None
    # (NotImplementedError: a damaged stream names a filter pypdf doesn't know; zlib.error: its data won't unpack)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, NotImplementedError, zlib.error):
        raise UnreadableDocument(str(path), "is not a valid PDF file") from None
    except (AttributeError, AssertionError) as err:
        # pypdf asserts what a damaged object stream says it is, and takes a damaged one's dictionary for a stream;
        # the same errors raised by our own code are a bug, and show as one
        if not _raised_in_pypdf(err):
            raise
        raise UnreadableDocument(str(path), "is not a valid PDF file") from None
    # a blank line between pages: segmentation repairs sentences split across them
    pages, margins = _without_page_edges([_emails_whole(_words_into_lines(page)) for page in pages])
    return put_tables_back("\n\n".join(_paragraphs_apart(page) for page in pages), tables), margins


def _raised_in_pypdf(err: BaseException) -> bool:
    """The error was raised in pypdf's own code."""
    frames = traceback.extract_tb(err.__traceback__)
    return bool(frames) and f"{os.sep}pypdf{os.sep}" in frames[-1].filename


def _page_text(page: Any, tables: list[PageTable]) -> str:  # a pypdf PageObject
    """A page's text as pypdf reads it, its tables set aside (see `assistant/pdf_tables.py`)."""
    plain = _plain_text(page)
    if not may_hold_a_table(plain):
        return plain
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # pypdf's newer layout mode failing on an odd page costs only that page's tables
        return plain
    return set_tables_aside(plain, layout, tables)


# what paints a shape (fill, stroke, both; an image or a shading) and what shows text, in a content stream
_PAINTS = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"S", b"s", b"Do", b"sh"})
_SHOWS_TEXT = frozenset({b"Tj", b"TJ", b"'", b'"'})
PARAGRAPH_GAP = 1.3  # a gap between lines this many times the page's usual one ends a paragraph
USUAL_GAP_QUANTILE = 4  # the usual gap is the one a quarter of the way up the page's gaps, smallest first
MIN_GAPS = 3  # lines on a page (less one) before its usual gap can be told


def _plain_text(page: Any) -> str:  # a pypdf PageObject
    """pypdf's plain text of the page, with what it loses of a page's look written back: a blank line where the
    space between two lines ends a paragraph, and "• " for a bullet drawn as a shape.

    pypdf gives a page's lines with no blank line between paragraphs. The lines' heights on the page tell them:
    a paragraph's lines are evenly spaced, and the space after its last line is wider (a title's too). Spacing
    is measured in the size of the line's own type, so a large title's wrapped lines stay together.
    A browser's PDF (Chromium's, and Google Docs', both Skia's writer) draws a list's bullets as discs, not as
    a "•" in a font, so its items ran together as one paragraph. Such a PDF is tagged: a list item's label is
    marked content `/Lbl`. A label that paints a shape and shows no text is a drawn bullet, and the item's
    first words, next in the content stream, start a line with one. pypdf's text is the pieces its
    `visitor_text` is given, in order, so both go in between."""
    pieces: list[tuple[str, float | None, float, float]] = []  # the text, its height, its type's size, its left
    marked: list[bool] = []  # open marked-content sections, innermost last: is it a list label?
    label = {"painted": False, "wrote": False}
    bullet_next = False

    def operator_seen(operator: bytes, operands: list[Any], *_: Any) -> None:
        nonlocal bullet_next
        if operator in (b"BDC", b"BMC"):
            opens_label = bool(operands) and str(operands[0]) == "/Lbl" and not any(marked)
            if opens_label:
                label.update(painted=False, wrote=False)
            marked.append(opens_label)
        elif operator == b"EMC" and marked:
            if marked.pop() and label["painted"] and not label["wrote"]:
                bullet_next = True
        elif any(marked):
            label["painted"] |= operator in _PAINTS
            label["wrote"] |= operator in _SHOWS_TEXT

    def text_seen(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        nonlocal bullet_next
        if bullet_next and text.strip():
            starts_line = not pieces or pieces[-1][0].endswith("\n")
            pieces.append(("• " if starts_line else "\n• ", None, 0.0, 0.0))
            bullet_next = False
        # where the text matrix puts the text, through the page's transformation: its height on the page, and
        # the size its type is drawn at there
        height = tm[4] * cm[1] + tm[5] * cm[3] + cm[5] if text.strip() else None
        pieces.append((text, height, abs(size * tm[3] * cm[3]), tm[4] * cm[0] + tm[5] * cm[2] + cm[4]))

    page.extract_text(visitor_operand_before=operator_seen, visitor_text=text_seen)
    lines: list[_PageLine] = [_PageLine()]
    for text, height, size, left in pieces:
        for number, part in enumerate(text.split("\n")):
            if number:
                lines.append(_PageLine())
                height = None  # a line begun inside a piece stands where the piece doesn't say
            line = lines[-1]
            line.text += part
            if line.height is None and height is not None and part.strip():
                line.height, line.size, line.left = height, size, left
    return "\n".join(_apart_by_spacing(_markers_put_back(lines)))


@dataclass
class _PageLine:
    text: str = ""
    height: float | None = None  # where its first words stand on the page
    size: float = 0.0  # the size of their type
    left: float = 0.0  # where they start across it
    marked: bool = False  # given a list marker drawn after it


SAME_LINE = 0.1  # lines whose heights differ by less than this share of their type's size stand side by side


def _markers_put_back(lines: list[_PageLine]) -> list[_PageLine]:
    """A list's bullets and numbers a PDF writer draws after the page's text, each put back before the line it
    stands beside. WeasyPrint (the HTML-to-PDF engine of many sites and CMS exports) draws every marker of a page
    once its text is done, so a page's list items ran together and its "1." stood last, quoted as a clause. A
    lone marker that comes after the line at its height, and to its left, is that line's."""
    kept: list[_PageLine] = []
    for line in lines:
        marker = line.text.strip()
        beside = None
        if line.height is not None and is_list_marker(marker) and not marker.isdigit():  # "12": a page number
            beside = next(
                (
                    earlier
                    for earlier in kept
                    if earlier.height is not None
                    and abs(earlier.height - line.height) < SAME_LINE * line.size
                    and earlier.left > line.left
                    and not earlier.marked
                ),
                None,
            )
        if beside is None:
            kept.append(line)
        else:
            beside.text, beside.left, beside.marked = f"{marker} {beside.text.lstrip()}", line.left, True
    return kept


def _apart_by_spacing(lines: list[_PageLine]) -> list[str]:
    """The lines, a blank one after each whose gap to the next (in the next line's type size) is wider than the
    page's usual gap, where the line ends a sentence or is short: a long line ending no sentence before a blank
    one reads as a sentence a page break cut, which segmentation joins back to the paragraph after it."""
    widest = max((len(line.text.rstrip()) for line in lines), default=0)
    placed = [(n, line) for n, line in enumerate(lines) if line.height is not None and line.size > 0]
    gaps = {
        n: abs(line.height - below.height) / below.size
        for (n, line), (_, below) in itertools.pairwise(placed)
        if line.height is not None and below.height is not None
    }
    # a paragraph's own line spacing is the smallest regular gap: a short page may have more paragraph gaps
    # than line gaps, so not their median but a low quantile
    usual = sorted(gaps.values())[len(gaps) // USUAL_GAP_QUANTILE] if len(gaps) >= MIN_GAPS else 0.0
    out: list[str] = []
    for n, line in enumerate(lines):
        out.append(line.text)
        ends = _ENDS_SENTENCE.search(line.text) is not None or len(line.text.rstrip()) <= TITLE_SHARE * widest
        if usual > 0 and gaps.get(n, 0.0) > PARAGRAPH_GAP * usual and ends:
            out.append("")
    return out


def _emails_whole(page: str) -> str:
    """E-mail addresses a narrow table cell broke across lines, whole again: "dsl@eastgatemu" / "sic.example.org"
    is "dsl@eastgatemusic.example.org". The first part ends in a domain no address can end in (no dot yet, or
    a dot or hyphen last); the next line begins with the rest of it."""

    def whole(found: re.Match[str]) -> str:
        domain, rest = found["start"].split("@", 1)[1], found["rest"]
        # a domain is written in lower case: "...@studentrobotics.org." / "Safeguarding Officers" ends a sentence
        if rest[:1].islower() and (domain.endswith((".", "-")) or ("." not in domain and "." in rest)):
            return found["start"] + rest
        return found.group(0)  # a whole address at a line's end, or a line of words after a part of one

    return _BROKEN_EMAIL.sub(whole, page) if "@" in page else page


def _edge_key(line: str) -> str:
    """A page's header or footer line as it reads on every page: its numbers ("Page 3 of 7") as any number."""
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _without_page_edges(pages: list[str]) -> tuple[list[str], str]:
    """The pages without their running header and footer: a line with words in it among the first or last
    lines of at least half the pages, two at least ("Lantern Young Carers Social Media | Version 2.1",
    "Page 2 | Uncontrolled when printed"). Left in, it would land mid-sentence wherever a page break cut
    one; segmentation's `_without_running_lines` drops them only when they repeat five times, and a short
    policy's pages are few. And those lines, each once: the margins."""
    split = [page.split("\n") for page in pages]
    edges: list[dict[int, str]] = []  # per page: the number of each line at its edges -> its key
    for lines in split:
        filled = [number for number, line in enumerate(lines) if line.strip()]
        edges.append({n: _edge_key(lines[n]) for n in filled[:EDGE_LINES] + filled[-EDGE_LINES:]})
    counts = Counter(key for keys in edges for key in set(keys.values()))
    running = {
        key for key, count in counts.items() if count >= max(2, len(pages) / 2) and any(ch.isalpha() for ch in key)
    }
    if not running:
        return pages, ""
    kept = [
        "\n".join(line for n, line in enumerate(lines) if at_edges.get(n) not in running)
        for lines, at_edges in zip(split, edges, strict=True)
    ]
    dropped = {
        key: lines[n].strip() for lines, at_edges in zip(split, edges, strict=True) for n, key in at_edges.items()
    }
    return kept, "\n".join(line for key, line in dropped.items() if key in running)


def _paragraphs_apart(page: str) -> str:
    """A page's paragraphs and titles with a blank line between them, as a text file has them.

    pypdf gives a page's lines with no blank line between paragraphs, so a title between two paragraphs would
    run into them. Where a PDF keeps the space at each wrapped line's end (LibreOffice's PDFs do), a line
    without one was ended on purpose: when it ends a sentence, its paragraph ends; when it is short and ends no
    sentence, it is a title ("KEY CONTACTS") after a paragraph's end, or after a list item's end when a
    paragraph's wrapped first line follows it. Pages without that space are left as they are: telling a
    short last line from a wrapped one by its length alone misreads proportional fonts."""
    lines = page.split("\n")
    text_lines = [line for line in lines if len(line.strip()) > PAGE_LINE_CHARS]
    if len(text_lines) < PAGE_LINES_MIN or sum(line[-1:].isspace() for line in text_lines) < WRAP_SPACES * len(
        text_lines
    ):
        return page
    width = max(len(line.rstrip()) for line in text_lines)

    def on_purpose(n: int) -> bool:
        return 0 <= n < len(lines) and bool(lines[n].strip()) and not lines[n][-1:].isspace()

    def title_like(n: int) -> bool:
        line = lines[n].strip()
        return on_purpose(n) and len(line) <= TITLE_SHARE * width and not _ENDS_SENTENCE.search(line)

    def apart(n: int) -> bool:  # the line ends its paragraph by the space after it, as the page spaces them
        return 0 <= n < len(lines) and not lines[n].strip()

    def heads_a_paragraph(n: int) -> bool:
        # "...or the emergency services" / "Reporting incidents" / "All safeguarding incidents and concerns must "
        following = lines[n + 1] if n + 1 < len(lines) else ""
        return (
            title_like(n)
            and lines[n].strip()[:1].isupper()
            and (on_purpose(n - 1) or apart(n - 1))
            and following[-1:].isspace()
            and _STARTS_PARAGRAPH.match(following.strip()) is not None
        )

    heads = [heads_a_paragraph(n) for n in range(len(lines))] + [False]  # a last entry for the line after
    out: list[str] = []
    ended = True  # the line before ended its paragraph (or the page began)
    for n, (line, following) in enumerate(zip(lines, [*lines[1:], ""], strict=True)):
        out.append(line)
        if apart(n):
            ended = True
            continue
        title = title_like(n) and (ended or heads[n])
        ended = on_purpose(n) and (title or _ENDS_SENTENCE.search(line) is not None)
        if (ended or heads[n + 1]) and _STARTS_PARAGRAPH.match(following.strip()):
            out.append("")
    return "\n".join(out)


def _words_into_lines(page: str) -> str:
    """A page some PDF makers (Google Docs) give one word per line, back as lines of text: its words joined,
    a line ending where a sentence or a title ends. Left a word a line, every word would be a line of its own,
    and a word on many pages ("Safeguarding") would be taken for a running header."""
    lines = [line for line in page.split("\n") if line.strip()]
    if len(lines) < WORD_LINES_MIN or sum(len(line.split()) == 1 for line in lines) < WORD_LINES_SHARE * len(lines):
        return page
    return re.sub(r"(?<=[.?!:;])\s+", "\n", " ".join(" ".join(lines).split()))
