"""Read a policy file's text: .txt, .md, .html, .docx (python-docx) and .pdf (pypdf).

A web page (a saved .html file, or page source saved as .txt) is read as its text, laid out as Markdown.

Every failure is an `UnreadableDocument` naming the file and saying why in plain words.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from assistant.errors import UnreadableDocument
from assistant.html_text import html_to_text, looks_like_html

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
SUPPORTED_NAMES = ".txt, .md, .html, .docx or .pdf"  # for messages
MAX_BYTES = 20 * 1024 * 1024  # a policy is never this big; a file this big is not a policy
BINARY_SAMPLE = 8192  # bytes read to tell text from binary: more than 1% zero bytes is binary...
STRAY_ZEROS = 8  # ...and more than a few


def read_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnreadableDocument(str(path), f"unsupported file type {suffix or '(none)'}; use {SUPPORTED_NAMES}")
    try:
        size = path.stat().st_size
    except OSError as err:
        raise UnreadableDocument(str(path), f"cannot be opened ({err.strerror})") from None
    if size > MAX_BYTES:
        raise UnreadableDocument(str(path), f"is too large ({size // (1024 * 1024)} MB)")
    if suffix == ".docx":
        text = _read_docx(path)
    elif suffix == ".pdf":
        text = _read_pdf(path)
    else:
        text = _read_plain(path)
        if suffix in (".html", ".htm") or looks_like_html(text):
            text = html_to_text(text)
    if not text.strip():
        raise UnreadableDocument(str(path), "contains no text")
    return text


def _read_plain(path: Path) -> str:
    data = path.read_bytes()
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


def _read_docx(path: Path) -> str:
    import docx  # imported here: most installs only ever read text files
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise UnreadableDocument(str(path), "is not a valid Word (.docx) file") from None
    lines: list[str] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
        if not text:
            continue
        if style.startswith("heading"):
            level = "".join(ch for ch in style if ch.isdigit()) or "2"
            lines.append(f"{'#' * min(int(level), 6)} {text}")
        elif "list" in style:
            lines.append(f"- {text}")
        else:
            lines.append(text)
        lines.append("")
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text.strip() for cell in row.cells))
        lines.append("")
    return "\n".join(lines)


def _read_pdf(path: Path) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-but-readable PDFs warn loudly
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise UnreadableDocument(str(path), "is a password-protected PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableDocument:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise UnreadableDocument(str(path), "is not a valid PDF file") from None
    # a blank line between pages: segmentation repairs sentences split across them
    return "\n\n".join(pages)
