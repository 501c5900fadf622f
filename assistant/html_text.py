"""A web page's policy text, laid out the way segmentation reads a Markdown file.

Many organisations publish their policies as web pages, and an admin saves the page (or its source)
rather than a PDF. Headings become `#` lines, list items `- ` or `1. ` lines, paragraphs and line breaks stay
where the page puts them, a paragraph entirely in bold becomes a `**bold**` heading, and scripts,
styles and server-side code (`<% %>`) are dropped. Text is kept as written, entities decoded.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

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
# a Svelte page's template blocks ("{#snippet ...}", "{@render ...}"), a closing brace
_CODE_LINE = re.compile(
    r"^(?:(?:import|export)\s|(?:const|let|var|function)\s+\w+|return\b|[{}()\[\];,`]+$|\{[#/:@][^}]*\}$)"
)
# A React or Next page's script, read line by line before its markup: the lines that are only code go,
# and a data list's words ("name: 'KIRSTY HART'", "role: 'Designated Person for Safeguarding'") stay as text,
# an object to a paragraph; a page often keeps who its safeguarding lead is there.
_SCRIPT_DIRECTIVE = re.compile(r"""^\s*['"]use (?:client|server|strict)['"];?\s*$""")
_SCRIPT_LINE = re.compile(
    r"^\s*(?:(?:import|export)\s|(?:const|let|var|function|type|interface)\s+\w+|return\b|[{}()\[\];,]+$"
    r"|\w+\s*:\s*(?:[\w.]+,?|[\[{(])\s*$|\{/\*.*\*/\}\s*$|\{?[\w.]+\.map\(.*$|\)\s*\}?\)?\}?\s*$)"
)
_SCRIPT_STRING = re.compile(r"""^\s*['"]?\w+['"]?\s*:\s*(['"`])(.*)\1\s*,?\s*$""")
_OBJECT_END = re.compile(r"^\s*\}\s*,?\s*$")
# a JSX expression in the page's text that is code ("{member.name}", "{member.contact && (") shows nothing
_JSX_EXPRESSION = re.compile(r"\{[^{}]*(?:\.\w|=>|&&|\|\||\(\))[^{}]*\}?")
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


class _PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.lists: list[int] = []  # open lists, innermost last: the next item's number, 0 for bullets
        self.item_open = False  # a list item's marker is written and its text not yet begun

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
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
            if not self.item_open:  # "<li><p>text": the item's paragraph is its text, on its marker's line
                self.parts.append("\n\n")
        elif tag in _CELLS:
            self.parts.append("\n")
        elif tag in _BOLD:
            self.parts.append(_BOLD_ON)
        elif tag not in _INLINE:
            self.parts.append(f"\n\n{_component_heading(tag)}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif self.skipping:
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
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:  # runs of whitespace are one space, as a browser shows them
            self.parts.append(re.sub(r"\s+", " ", data))
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
    lines: list[str] = []
    words: list[str] = []  # the data object being read
    in_template = False  # inside a template string a code line opened (a styled component's CSS)
    for line in source.split("\n"):
        if in_template:
            in_template = line.count("`") % 2 == 0
            continue
        if found := _SCRIPT_STRING.match(line):
            value = found.group(2).replace("\\'", "'").replace('\\"', '"')
            if " " in value.strip() or "@" in value:  # words, a name, an address; not a class name or a path
                words.append(html.escape(value))
            continue
        if words and (_OBJECT_END.match(line) or not _SCRIPT_LINE.match(line)):
            lines.append(f"<p>{' '.join(words)}</p>")
            words = []
        if not (_SCRIPT_DIRECTIVE.match(line) or _SCRIPT_LINE.match(line)):
            lines.append(_JSX_EXPRESSION.sub("", line))
        else:
            in_template = line.count("`") % 2 == 1
    return "\n".join(lines)


def html_to_text(markup: str) -> str:
    """A page's text with its structure as Markdown: headings, lists, paragraphs; no code or markup."""
    parser = _PageText()
    parser.feed(_script_as_text(_SERVER_CODE.sub("", markup)))
    parser.close()
    lines = [line for line in map(_line, "".join(parser.parts).split("\n")) if not _CODE_LINE.match(line)]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
