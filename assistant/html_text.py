"""A web page's policy text, laid out the way segmentation reads a Markdown file.

Many organisations publish their policies as web pages, and an admin saves the page (or its source)
rather than a PDF. Headings become `#` lines, list items `- ` or `1. ` lines, paragraphs and line breaks stay
where the page puts them, a paragraph entirely in bold becomes a `**bold**` heading, and scripts,
styles and server-side code (`<% %>`) are dropped. Text is kept as written, entities decoded.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from assistant.office_text import table_lines

# tags whose content is never policy text (a site's navigation included). Not "<template>": a Vue page
# holds all its text in one.
_SKIPPED = frozenset({"script", "style", "head", "noscript", "svg", "comment", "nav"})
_BLOCKS = frozenset(
    "p div section article main header footer aside table tr ul ol dl dt dd blockquote pre form "
    "fieldset figure figcaption address center".split()
)
_CELLS = frozenset({"td", "th"})
# Phrasing elements flow within a line. Any other tag, a page component's included ("<Text>", "<BulletList>",
# "<Subheading>" in a React or Svelte page), starts a block; a component named as a heading is one.
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd label mark q s samp small span strong sub sup time u var "
    "wbr img input button select option link navlink router-link nuxt-link".split()
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_BOLD = frozenset({"b", "strong"})
_BOLD_ON, _BOLD_OFF = "\x01", "\x02"  # marks kept until lines are known, then a bold line is a heading
_UNDER_ITEM = "\x03"  # a paragraph that goes on a list item ("<li><p>...</p><p>...</p>"): indented under it
_SERVER_CODE = re.compile(r"<%.*?%>", re.DOTALL)
# block-level markup; a Markdown file may carry a few such tags (a "<br>" in a table), a web page many,
# closed as well as opened
_BLOCK_TAG = re.compile(r"<(?:p|br|div|h[1-6]|li|ul|ol|table|tr|td)\b[^>]*>", re.IGNORECASE)
_BLOCK_END = re.compile(r"</(?:p|div|h[1-6]|li|ul|ol|table|tr|td)\s*>", re.IGNORECASE)
MIN_BLOCK_TAGS = 8
BLOCK_TAGS_PER_KB = 1.0
_ANY_TAG = re.compile(r"<[A-Za-z/][^>]*>")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s", re.MULTILINE)
MIN_TAGGED_LINES = 0.3  # share of non-blank lines with a tag on them

# a line of the page's own code rather than its text: a React page's imports and exports, its styles,
# a Svelte page's template blocks ("{#snippet ...}", "{@render ...}") and a heading they fill in ("{name}"),
# a closing brace
_CODE_LINE = re.compile(
    r"^(?:(?:import|export)\s|(?:const|let|var|function)\s+\w+|return\b|[{}()\[\];,`]+$|\{[#/:@][^}]*\}$"
    r"|#+ \{[^}]*\}$)"
)
# A React or Next page's script, read line by line before its markup: the lines that are only code go,
# and a data list's words ("name: 'KIRSTY HART'", "role: 'Designated Person for Safeguarding'") stay as text,
# an object to a paragraph; a page often keeps who its safeguarding lead is there.
_SCRIPT_DIRECTIVE = re.compile(r"""^\s*['"]use (?:client|server|strict)['"];?\s*$""")
_SCRIPT_LINE = re.compile(
    r"^\s*(?:(?:import|export)\s|(?:const|let|var|function|type|interface)\s+\w+|return\b|[{}()\[\];,]+$"
    r"|\w+\s*:\s*(?:[\w.]+,?|[\[{(])?\s*$|\{/\*.*\*/\}\s*$|\{?[\w.]+\.map\(.*$|\)\s*\}?\)?\}?\s*$)"
)
_SCRIPT_STRING = re.compile(r"""^\s*['"]?\w+['"]?\s*:\s*(['"`])(.*)\1\s*,?\s*$""")
_OBJECT_END = re.compile(r"^\s*\}\s*,?\s*$")
_ONE_LINE_OBJECT = re.compile(r"^\s*\{(.*)\}\s*\]?\s*,?\s*$")
_KEYED_STRING = re.compile(r"""['"]?\w+['"]?\s*:\s*(['"`])((?:\\.|(?!\1).)*)\1""")
_PHONE = re.compile(r"\d{6}")
_DATA_LIST = re.compile(r"^\s*(?:export\s+)?(?:const|let|var)\s+(\w+)\b[^=]*=\s*\[")
_USED_LIST = re.compile(r"\{\s*(\w+)\s*(?:\.map\(|\})")  # "{team.map(", "members={team}"
_QUOTED = re.compile(r"""(['"`])(?:\\.|(?!\1).)*\1""")
# a JSX expression in the page's text that is code ("{member.name}", "{member.contact && (") shows nothing
_JSX_EXPRESSION = re.compile(r"\{[^{}]*(?:\.\w|=>|&&|\|\||\(\))[^{}]*\}?")
_JSX_STRING = re.compile(r"""\{\s*(["'`])((?:(?!\1).)*)\1\s*\}""")  # {" "} and {"words"}: their words
# a Next page's settings ("export const metadata = { title: ..., description: ... }"): not the page's text
_PAGE_SETTINGS = re.compile(r"^\s*export\s+(?:const|let)\s+(?:metadata|meta|frontmatter|head)\b[^=]*=\s*\{")
_LONE_STRING = re.compile(r"""^\s*(['"`])(.*)\1\s*,?\s*$""")  # a value on the line after its key
# a Svelte page's heading snippet, "{@render header('travel', 'Travelling to the event')}": its last quoted
# argument is the section's title
_TEMPLATE_HEADING = re.compile(
    r"^\{@?(?:render\s+)?\w*(?:head|title)\w*\(.*['\"]([^'\"]{2,100})['\"]\s*\)\}$", re.IGNORECASE
)


def looks_like_html(text: str) -> bool:
    """Text that is mostly web-page markup: many block tags for its length, closed as well as opened, on
    many of its lines. A Markdown file with an HTML table or a few line breaks in it stays Markdown."""
    tags = len(_BLOCK_TAG.findall(text))
    if (
        tags < MIN_BLOCK_TAGS
        or tags * 1024 / max(1, len(text)) < BLOCK_TAGS_PER_KB
        or len(_BLOCK_END.findall(text)) < MIN_BLOCK_TAGS / 2
        or _MARKDOWN_HEADING.search(text)
    ):
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    return sum(bool(_ANY_TAG.search(line)) for line in lines) >= MIN_TAGGED_LINES * len(lines)


# what a table holding a page's parts has in it: a table of these lays the page out, and is read as they are;
# a table of data has rows of cells, each a few words or a paragraph or two (a site's editor puts each in a <p>)
_LAYS_OUT = frozenset("table ul ol li dl blockquote pre section article form figure".split()) | frozenset(_HEADINGS)
_WITHIN_A_CELL = frozenset({"p", "div", "br"})  # a cell's own lines: one line in its row


@dataclass
class _TableRead:
    """A table being read: where its text begins among the page's parts, and its rows' cells' text."""

    start: int
    rows: list[list[str]] = field(default_factory=list)
    of_data: bool = True

    def as_lines(self) -> str:
        """Its rows as a Word table's are written (`table_lines`); "" for a table of one column, whose cells are
        paragraphs the page's own parts already keep."""
        rows = [[[" ".join(cell.split())] for cell in row] for row in self.rows if any(cell.strip() for cell in row)]
        if max(map(len, rows), default=0) < 2:
            return ""
        return "\n\n" + "\n".join(table_lines(rows)) + "\n\n"


class _PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tables: list[_TableRead] = []  # open tables, innermost last
        self.skipping = 0
        self.lists: list[int] = []  # open lists, innermost last: the next item's number, 0 for bullets
        self.item_open = False  # a list item's marker is written and its text not yet begun
        self.has_title_heading = False  # the page has its own <h1>, or a component has given its title
        self.preformatted = 0  # open <pre> blocks: a text file pasted into a page keeps its lines

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping:
            self._read_in_table(tag)
        if tag in _SKIPPED:
            self.skipping += 1
        elif self.skipping:
            return  # the lists and headings of a skipped part (a site's menu) are not the page's
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            marker = "- "
            if self.lists and self.lists[-1]:
                marker = f"{self.lists[-1]}. "
                self.lists[-1] += 1
            self.parts.append(f"\n{'  ' * max(0, len(self.lists) - 1)}{marker}")
            self.item_open = True
        elif tag in ("ol", "ul"):
            self.lists.append(1 if tag == "ol" else 0)
            self.parts.append("\n\n")
        elif tag in _HEADINGS:
            self.parts.append(f"\n\n{'#' * _HEADINGS[tag]} ")
        elif tag in _BLOCKS:
            if tag == "pre":
                self.preformatted += 1
            if not self.item_open:  # "<li><p>text": the item's paragraph is its text, on its marker's line
                self.parts.append("\n\n" + _UNDER_ITEM * len(self.lists))
        elif tag in _CELLS:
            self.parts.append("\n")
        elif tag in _BOLD:
            self.parts.append(_BOLD_ON)
        elif self._titles(tag, attrs):
            pass
        elif tag not in _INLINE:
            self.parts.append(f"\n\n{_component_heading(tag)}")

    def _read_in_table(self, tag: str) -> None:
        """Keeps a table's cells as they open, alongside the page's parts (see `_TableRead`)."""
        if self.tables and tag in _LAYS_OUT:
            self.tables[-1].of_data = False  # a nested table too: the outer one lays the page out
        if tag == "table":
            self.tables.append(_TableRead(len(self.parts)))
        elif self.tables and tag == "tr":
            self.tables[-1].rows.append([])
        elif self.tables and tag in _CELLS and self.tables[-1].rows:
            self.tables[-1].rows[-1].append("")
        elif self.tables and tag in _WITHIN_A_CELL and self.tables[-1].rows and self.tables[-1].rows[-1]:
            self.tables[-1].rows[-1][-1] += " "

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping:
            self._read_in_table(tag)
        if tag == "br":
            self.parts.append("\n")
        elif not self.skipping:
            self._titles(tag, attrs)

    def _titles(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """A page component given the page's title (`<PageTitle title="...">`, `<Page title="...">`) heads the
        page, unless the page has a heading of its own for it."""
        title = dict(attrs).get("title")
        if tag in _INLINE or tag in _BLOCKS or tag in _HEADINGS or not title or self.has_title_heading:
            return False
        self.parts.append(f"\n\n# {title}\n\n")
        self.has_title_heading = True
        return True

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif self.skipping:
            return
        elif tag == "table" and self.tables:
            table = self.tables.pop()
            if table.of_data and (lines := table.as_lines()):
                del self.parts[table.start :]  # its cells a line each, as read so far: a row a line instead
                self.parts.append(lines)
                return
        elif tag in ("ol", "ul"):
            if self.lists:
                self.lists.pop()
            self.parts.append("\n\n")
        elif tag in _CELLS:
            self.parts.append("\n")
        elif tag in _BOLD:
            self.parts.append(_BOLD_OFF)
        elif tag not in _INLINE:  # a heading, a block or a page component ends its paragraph
            if tag == "pre":
                self.preformatted = max(0, self.preformatted - 1)
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:  # runs of whitespace are one space, as a browser shows them, but in <pre>
            self.parts.append(data if self.preformatted else re.sub(r"\s+", " ", data))
            if self.tables and self.tables[-1].rows and self.tables[-1].rows[-1]:
                self.tables[-1].rows[-1][-1] += data
            self.item_open = self.item_open and not data.strip()


def _component_heading(tag: str) -> str:
    """The Markdown heading mark a page component stands for: `<Heading>` a section, `<Subheading>` less."""
    if "subheading" in tag or "subtitle" in tag:
        return "### "
    if "heading" in tag or tag.endswith("title"):
        return "## "
    return ""


def _line(raw: str) -> str:
    """One output line: spaces collapsed (a list item's indent kept), and a line wholly in bold marked as a
    bold heading."""
    if raw.startswith(_UNDER_ITEM):
        words = raw.lstrip(_UNDER_ITEM)
        return "   " * (len(raw) - len(words)) + " ".join(words.split()) if words.strip() else ""
    indent = raw[: len(raw) - len(raw.lstrip(" "))] if raw.lstrip(" ")[:1] in ("-", *"0123456789") else ""
    line = indent + " ".join(raw.split())
    if heading := _TEMPLATE_HEADING.match(line):
        return f"## {heading.group(1)}"
    inner = line.strip(" " + _BOLD_ON + _BOLD_OFF)
    wholly_bold = line.startswith(_BOLD_ON) and line.endswith(_BOLD_OFF) and _BOLD_ON not in line[1:]
    plain = inner.replace(_BOLD_ON, "").replace(_BOLD_OFF, "")
    if wholly_bold and plain and not plain.startswith(("#", "- ")):
        return f"**{plain}**"
    return line.replace(_BOLD_ON, "").replace(_BOLD_OFF, "")


def _script_as_text(source: str) -> str:
    """A React or Next page with its code lines dropped and its data strings kept, an object a paragraph."""
    if not re.search(r"^(?:import\s.*\sfrom\s|export\s+default\b)", source, re.MULTILINE):
        return source  # not a script: a plain web page
    reader = _ScriptReader()
    for line in source.split("\n"):
        reader.read(line)
    return reader.text()


class _ScriptReader:
    """Reads a page's script a line at a time. A data list's paragraphs stand where the page shows the list
    (`{team.map(`, `members={team}`), after the heading above it, not where the code defines it, before the
    page's title; the template that shows each item adds nothing (its labels, its code)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.words: list[str] = []  # the data object being read
        self.lists: dict[str, tuple[int, list[str]]] = {}  # a data list's name -> where it is defined, paragraphs
        self.defining: str | None = None  # the data list being read
        self.brackets = 0  # square brackets open in that list
        self.in_template = False  # inside a template string a code line opened (a styled component's CSS)
        self.in_map = 0  # parentheses open in the template a list is shown with
        self.in_settings = 0  # braces open in the page's settings object

    def read(self, line: str) -> None:
        if self.in_template:
            self.in_template = line.count("`") % 2 == 0
            return
        code = _QUOTED.sub("", line)
        if self.in_map > 0:
            self.in_map += code.count("(") - code.count(")")
            return
        if self.in_settings > 0 or _PAGE_SETTINGS.match(line):
            self.in_settings += code.count("{") - code.count("}")
            return
        if self.defining is None and (defined := _DATA_LIST.match(line)):
            self.defining, self.brackets = defined.group(1), 0
            self.lists[self.defining] = (len(self.lines), [])
        if self.defining is not None:
            self.brackets += code.count("[") - code.count("]")
        list_ends = self.defining is not None and self.brackets <= 0
        lone = _LONE_STRING.match(line) if self.defining is not None else None  # a value under its key
        if found := _SCRIPT_STRING.match(line) or lone:  # "  name: 'KIRSTY HART',"
            self.words += _data_words([found.group(2)])
        elif found := _ONE_LINE_OBJECT.match(line):  # "{ role: 'Welfare Officer', name: 'Sam Jones' },"
            self.words += _data_words([value for _, value in _KEYED_STRING.findall(found.group(1))])
            self._end_object()
        else:
            if list_ends or _OBJECT_END.match(line) or not _SCRIPT_LINE.match(line):
                self._end_object()
            self._markup(line, code)
        if list_ends:
            self._end_object()
            self.defining = None

    def _end_object(self) -> None:
        if self.words:
            paragraph = f"<p>{' '.join(self.words)}</p>"
            (self.lists[self.defining][1] if self.defining is not None else self.lines).append(paragraph)
            self.words = []

    def _markup(self, line: str, code: str) -> None:
        if self.defining is None:
            for name in _USED_LIST.findall(line):
                if name in self.lists:
                    self.lines.extend(self.lists.pop(name)[1])
            if ".map(" in line:
                self.in_map = code.count("(") - code.count(")")
        if not (_SCRIPT_DIRECTIVE.match(line) or _SCRIPT_LINE.match(line)):
            self.lines.append(_JSX_STRING.sub(r"\2", _JSX_EXPRESSION.sub("", line)))
        else:
            self.in_template = line.count("`") % 2 == 1

    def text(self) -> str:
        self._end_object()
        lines = list(self.lines)
        # a list the page never shows by name stays where it is defined
        for position, paragraphs in sorted(self.lists.values(), key=lambda item: -item[0]):
            lines[position:position] = paragraphs
        return "\n".join(lines)


def _data_words(values: list[str]) -> list[str]:
    """The values of a data object that are words, a name, an address, a phone number; not a class name or a
    path."""
    values = [value.replace("\\'", "'").replace('\\"', '"') for value in values]
    return [html.escape(value) for value in values if " " in value.strip() or "@" in value or _PHONE.search(value)]


# the start of an HTML block in a Markdown file: a block tag opening a line ("<div class=\"alert\">", "<table>")
_HTML_BLOCK_START = re.compile(
    r"^\s{0,3}<(?:div|table|section|article|aside|center|form|figure|blockquote|details|header|footer|dl|ul|ol|p"
    r"|h[1-6]|br)\b",
    re.IGNORECASE,
)


def html_blocks_as_text(text: str) -> str:
    """A Markdown file's HTML blocks (a contacts box, a table of review dates) as text: each runs from a line
    a block tag opens to the next blank line, as Markdown reads it."""
    if "<" not in text:
        return text
    out: list[str] = []
    block: list[str] = []
    for line in [*text.split("\n"), ""]:
        if block and not line.strip():
            out += [html_to_text("\n".join(block)).strip(), ""]
            block = []
        elif block or _HTML_BLOCK_START.match(line):
            block.append(line)
        else:
            out.append(line)
    return "\n".join(out[:-1])


def html_to_text(markup: str) -> str:
    """A page's text with its structure as Markdown: headings, lists, paragraphs; no code or markup."""
    parser = _PageText()
    parser.has_title_heading = "<h1" in markup.lower()
    parser.feed(_script_as_text(_SERVER_CODE.sub("", markup)))
    parser.close()
    lines = [line for line in map(_line, "".join(parser.parts).split("\n")) if not _CODE_LINE.match(line)]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
