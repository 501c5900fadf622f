r"""A Rich Text Format file's words (.rtf: what Word, WordPad and LibreOffice save for any word processor), read
by striprtf and laid out as the lines segmentation reads: a paragraph a line with a blank line after it, list
items with the bullet or number the file writes before them ("•", "1.", "a."), a table's rows a line each, their
cells apart by " | ", and headings as `#` lines. The pages' headers and footers (its `\header` and `\footer` groups,
which striprtf leaves out of the text) are the margins.

RTF marks a heading only by its paragraph style's number (`\s2`), which the stylesheet names ("Heading 2",
"heading 2" as Word writes it, "Title"); striprtf keeps words, not styles. So before it reads the file, each
heading paragraph's style number is followed by a private-use character standing for its level, which comes out
at the start of the heading's line.
"""

from __future__ import annotations

import re
from pathlib import Path

from striprtf.striprtf import rtf_to_text

from assistant.errors import UnreadableDocument
from assistant.office_text import margin_lines

# a list item as Word and LibreOffice write it: its marker (a bullet, "1.", "a)", "2.3") and a tab
_LIST_ITEM = re.compile(r"^\s*(?P<marker>[•·o▪\-\uf0b7\uf0a7]|\(?[0-9a-zA-Z]{1,3}(?:\.[0-9]{1,3})*[.)])\t\s*")
_BULLETS = frozenset("•·o▪-\uf0b7\uf0a7")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # raw bytes of an embedded object (\bin), never words
# a style's entry in the stylesheet, "{\s2 ...properties... Heading 2;}", and a paragraph's style number
_STYLE_ENTRY = re.compile(r"\{\\s(\d+)\b[^{};]*?\b(title|heading ?(\d))\s*;\}", re.IGNORECASE)
_STYLE_NUMBER = re.compile(r"\\s(\d+)(?![\d])")
LEVEL_MARK = 0xE000  # private-use characters: U+E001 a heading of level 1 ... U+E009 of level 9
MAX_HEADING_LEVEL = 9
_BRACE_OR_ESCAPE = re.compile(r"\\.|[{}]", re.DOTALL)  # an escaped brace or backslash is text, not a group's edge
_DELETED = re.compile(r"\\deleted(?![a-z0-9])")  # a tracked deletion's mark ("\deleted0" turns it off)
_MARGIN_GROUP = re.compile(r"\{\\(?:header|footer)[lrf]?(?![a-z])")  # a page's header or footer, each page kind


def read_rtf(path: Path) -> tuple[str, str]:
    """The text of an RTF file (ASCII with escapes, by the format's definition), and its pages' headers and footers.
    Raises UnreadableDocument naming the file and why."""
    data = path.read_bytes()
    if not data.lstrip().startswith(b"{\\rtf"):
        raise UnreadableDocument(str(path), "is not a valid Rich Text Format (.rtf) file")
    # the file's 8-bit characters are escapes in its code page (\'e9); any byte outside ASCII is stray
    # (striprtf's one function is untyped: it takes and gives a str)
    rtf = _without_deletions(data.decode("latin-1"))
    words = rtf_to_text(_headings_marked(rtf), encoding="cp1252", errors="replace")  # type: ignore[no-untyped-call]
    text = _CONTROL.sub("", words)
    titled = any(ord(line.lstrip()[:1] or " ") == LEVEL_MARK for line in text.split("\n"))
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line.endswith("|") and "|" in line[:-1]:  # a table row: "Role|Name|Phone|"
            lines.append(" | ".join(cell.strip() for cell in line[:-1].split("|")))
            continue
        if lines and " | " in lines[-1]:
            lines.append("")  # a table's end
        if (mark := ord(line[0]) - LEVEL_MARK) in range(MAX_HEADING_LEVEL + 1):
            title = line[1:].strip()
            if title:  # a Title is level 0; its document's headings go one level under it
                lines += [f"{'#' * min(max(mark + titled, 1), 6)} {title}", ""]
            continue
        if item := _LIST_ITEM.match(raw):
            marker = item["marker"]
            line = f"{'-' if marker in _BULLETS else marker} {raw[item.end() :].strip()}"
        lines += [line, ""]
    return "\n".join(lines), _margins(rtf)


def _margins(rtf: str) -> str:
    """The words of the file's header and footer groups, a line a paragraph, each once."""
    paragraphs: list[str] = []
    for found in _MARGIN_GROUP.finditer(rtf):
        inside = rtf[found.end() : _closing_brace(rtf, found.end())]
        words = rtf_to_text("{\\rtf1 " + inside + "}", encoding="cp1252", errors="replace")  # type: ignore[no-untyped-call]
        paragraphs += _CONTROL.sub("", words).split("\n")
    return margin_lines(paragraphs)


def _without_deletions(rtf: str) -> str:
    """The RTF without the text tracked changes delete: from each `\\deleted` to the end of its group, where Word and
    LibreOffice keep struck-through words until the change is accepted or rejected (the .docx reader leaves `w:del`
    out too)."""
    kept: list[str] = []
    at = 0
    while found := _DELETED.search(rtf, at):
        kept.append(rtf[at : found.start()])
        at = _closing_brace(rtf, found.end())  # the brace itself is kept: it closes the group
    kept.append(rtf[at:])
    return "".join(kept)


def _closing_brace(rtf: str, at: int) -> int:
    """Where the group that `at` stands in closes (or the file's end, cut short). A picture's hex between is passed
    over by the pattern, not a character at a time."""
    depth = 0
    for mark in _BRACE_OR_ESCAPE.finditer(rtf, at):
        depth += {"{": 1, "}": -1}.get(mark[0], 0)
        if depth < 0:
            return mark.start()
    return len(rtf)


def _headings_marked(rtf: str) -> str:
    """The RTF with each heading paragraph's style number followed by the character marking its level."""
    levels = {
        number: int(level) if level else 0
        for number, _, level in _STYLE_ENTRY.findall(rtf)
        if not level or 1 <= int(level) <= MAX_HEADING_LEVEL
    }
    if not levels:
        return rtf

    def marked(found: re.Match[str]) -> str:
        level = levels.get(found[1])
        # "\\u57345?": the character, and the one a reader without Unicode shows instead (skipped by striprtf)
        return found[0] if level is None else f"{found[0]} \\u{LEVEL_MARK + level}?"

    return _STYLE_NUMBER.sub(marked, rtf)
