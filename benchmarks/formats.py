"""The same policies as Word (.docx, .doc), LibreOffice, RTF, PDF and web page files: do they answer as their text does?
(run by hand)

    sudo apt-get install libreoffice-writer-nogui pandoc chromium ghostscript   # the converters (Debian's packages)
    .venv/bin/python benchmarks/formats.py                     # the new-policy sets L to S
    .venv/bin/python benchmarks/formats.py --sets L,M --keep /tmp/formats   # and keep the files made
    .venv/bin/python benchmarks/formats.py --corpus            # the sets on ../shared/corpus too

Each set's documents (`benchmarks/new_policies_*/<set>/docs/*.txt`) are made into the files an
organisation would have, and its questions answered from each, lexically:

- `word`: a Word file. A Markdown document goes through pandoc, so its headings, lists and bold are
  Word's own; any other through LibreOffice, a paragraph a line, as Word has them.
- `word pdf`: that Word file printed to PDF by LibreOffice: proportional type, wrapped at the page's width,
  and read back by pypdf with no blank lines between paragraphs.
- `headed pdf`: the Word file given a running header (the document's name and version) and a page footer
  ("Page N | Uncontrolled when printed"), as most organisations' are, then printed to PDF.
- `ghostscript pdf`: that PDF re-written by Ghostscript (`pdfwrite`), as PDF printers, CUPS-PDF and "reduce file
  size" tools do: no space kept at a wrapped line's end, and joined letters ("fi") mapped a byte off.
- `odt`: the headed Word file saved by LibreOffice in its own format (OpenDocument text): its lists,
  headings and tables as LibreOffice writes them, the header and footer in its page style.
- `doc`: the headed Word file saved by LibreOffice as Word 97-2003 (`.doc`), read by `assistant/doc_text.py`.
  LibreOffice writes a list that pandoc's Word file starts again (its first item) as a list of its own, so the file
  itself numbers such a list "1.", "1.", "2." (LibreOffice reads it back so).
- `rtf`: the headed Word file saved by LibreOffice as Rich Text Format: list numbers and bullets written before
  their items, no heading styles a reader of it keeps, the header and footer in groups of their own.
- `browser pdf`: a web page printed to PDF by Chromium (headless, without its own header and footer), as a
  policy published on a website and saved from the browser is, and as Google Docs' PDFs are (the same Skia
  PDF writer): bullets drawn as shapes, not letters. A Markdown document's page is pandoc's; any other's is
  a page of its lines, each a `<p>`, as a site's editor keeps a policy pasted in (LibreOffice's own page of it
  is one `<pre>` block, which a browser prints cut off at the page's edge).
- `weasyprint pdf`: the same pages printed by WeasyPrint (the `bench` extra), the HTML-to-PDF engine many sites
  and CMS exports use: untagged, each line ended by moving to the next.
- `web page`: a saved web page. A Markdown document goes through pandoc (headings, lists, paragraphs as
  tags); any other through LibreOffice, which keeps the text whole in one `<pre>` block.

A text file wrapped by hand at a fixed width (as text taken from a PDF is) has no faithful Word, PDF or web
page form: its lines would stay short in each, so its questions are left out and counted apart. Printed for each
format: the questions passing (as `policybot eval` counts them) on the same questions as the text files,
and the ones that pass only in one of the two.
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import weasyprint
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from adapters.evaluation import measure
from assistant.evaluation import EvalQuestion, parse_questions
from assistant.segmentation import wrap_width

HERE = Path(__file__).resolve().parent
SETS = HERE / "new_policies_2026_12_04"
CORPUS = HERE.parent.parent / "shared" / "corpus"
CONTACT = "the Designated Safeguarding Lead"


def convert(source: Path, folder: Path, target: str) -> Path:
    """`source` as a `target` file ("docx", "pdf" or "html") in `folder`, by LibreOffice."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", target, "--outdir", str(folder), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder / f"{source.stem}.{target}"


def as_word(text_file: Path, folder: Path) -> Path:
    markdown = any(line.startswith("#") for line in text_file.read_text(encoding="utf-8").splitlines())
    if markdown and shutil.which("pandoc"):
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{text_file.stem}.docx"
        # "-smart": quotes and dashes stay as the text has them, so the expected snippets still match
        subprocess.run(["pandoc", "-f", "markdown-smart", "-o", str(target), str(text_file)], check=True)
        return target
    return convert(text_file, folder, "docx")


def with_header_and_footer(word_file: Path, folder: Path) -> Path:
    """The Word file with a running header and a page-numbered footer on every page, as python-docx writes them."""
    document = docx.Document(str(word_file))
    section = document.sections[0]
    section.header.paragraphs[0].text = f"{word_file.stem.replace('-', ' ').replace('_', ' ').title()} | Version 2.1"
    footer = section.footer.paragraphs[0]
    footer.text = "Page "
    number = OxmlElement("w:fldSimple")
    number.set(qn("w:instr"), "PAGE")
    footer.add_run()._r.append(number)
    footer.add_run(" | Uncontrolled when printed")
    folder.mkdir(parents=True, exist_ok=True)
    document.save(str(folder / word_file.name))
    return folder / word_file.name


def as_web_page(text_file: Path, folder: Path) -> Path:
    markdown = any(line.startswith("#") for line in text_file.read_text(encoding="utf-8").splitlines())
    if markdown and shutil.which("pandoc"):
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{text_file.stem}.html"
        title = f"title={text_file.stem}"  # pandoc wants a page title; the document's own heading stays
        subprocess.run(
            ["pandoc", "-f", "markdown-smart", "-s", "-M", title, "-o", str(target), str(text_file)], check=True
        )
        return target
    return convert(text_file, folder, "html")


def printed_by_browser(text_file: Path, folder: Path) -> Path:
    """The document as a web page printed to PDF by a headless Chromium; returns the page."""
    lines = text_file.read_text(encoding="utf-8").splitlines()
    if any(line.startswith("#") for line in lines):
        page = as_web_page(text_file, folder / "page")
    else:
        page = folder / "page" / f"{text_file.stem}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines if line.strip())
        page.write_text(
            f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{text_file.stem}</title></head>'
            f"<body>{paragraphs}</body></html>",
            encoding="utf-8",
        )
    target = folder / f"{text_file.stem}.pdf"
    headless = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
    subprocess.run(
        [*headless, f"--print-to-pdf={target}", str(page)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return page


def rewritten_by_ghostscript(pdf: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / pdf.name
    subprocess.run(
        ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-sOutputFile={target}", str(pdf)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return target


def passed(questions: list[EvalQuestion], folder: Path, suffix: str) -> dict[str, bool]:
    renamed = [q.model_copy(update={"knowledge": f"{Path(q.knowledge).stem}{suffix}"}) for q in questions]
    report = measure(renamed, folder, contact=CONTACT, reranker=None)
    return {outcome.question.id: outcome.passed for outcome in report.outcomes}


FORMS = (
    "text",
    "word",
    "word pdf",
    "headed pdf",
    "ghostscript pdf",
    "odt",
    "doc",
    "rtf",
    "browser pdf",
    "weasyprint pdf",
    "web page",
)
CHROMIUM = next((name for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), "chromium")


def make_forms(docs: Path, work: Path, skip: set[str]) -> dict[str, tuple[Path, str]]:
    """Every form of the documents in `docs` but those named in `skip`: form -> (its folder, its suffix)."""
    word_dir, pdf_dir, headed_dir, page_dir = work / "word", work / "pdf", work / "headed", work / "web"
    odt_dir, rtf_dir, browser_dir, weasy_dir = work / "odt", work / "rtf", work / "browser", work / "weasyprint"
    ghostscript_dir, doc_dir = work / "ghostscript", work / "doc"
    for text_file in sorted(docs.glob("*.txt")):
        if text_file.name not in skip:
            word_file = as_word(text_file, word_dir)
            rewritten_by_ghostscript(convert(word_file, pdf_dir, "pdf"), ghostscript_dir)
            headed = with_header_and_footer(word_file, headed_dir / "word")
            convert(headed, headed_dir, "pdf")
            convert(headed, odt_dir, "odt")
            convert(headed, doc_dir, "doc")
            convert(headed, rtf_dir, "rtf")
            page = printed_by_browser(text_file, browser_dir)
            weasy_dir.mkdir(parents=True, exist_ok=True)
            weasyprint.HTML(filename=str(page)).write_pdf(str(weasy_dir / f"{text_file.stem}.pdf"))
            as_web_page(text_file, page_dir)
    places = (docs, word_dir, pdf_dir, headed_dir, ghostscript_dir, odt_dir, doc_dir, rtf_dir, browser_dir, weasy_dir)
    places += (page_dir,)
    suffixes = (".txt", ".docx", ".pdf", ".pdf", ".pdf", ".odt", ".doc", ".rtf", ".pdf", ".pdf", ".html")
    return {form: (place, suffix) for form, place, suffix in zip(FORMS, places, suffixes, strict=True)}


def compare(name: str, questions: list[EvalQuestion], forms: dict[str, tuple[Path, str]]) -> dict[str, int]:
    """Each form's questions passing, printed beside the text's; returns the counts."""
    outcomes = {form: passed(questions, place, suffix) for form, (place, suffix) in forms.items()}
    for form, results in outcomes.items():
        if form != "text":
            only_text = [q for q, ok in outcomes["text"].items() if ok and not results[q]]
            only_here = [q for q, ok in results.items() if ok and not outcomes["text"][q]]
            print(
                f"{name} {form:10s} {sum(results.values()):3d} / {len(questions)}  text only: {only_text}  "
                f"{form} only: {only_here}"
            )
    return {form: sum(results.values()) for form, results in outcomes.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default="L,M,N,P,R,S", help="comma-separated set names (not held-out ones)")
    parser.add_argument(
        "--corpus", action="store_true", help="also the question sets on ../shared/corpus (Markdown documents)"
    )
    parser.add_argument("--keep", type=Path, help="write the files made here, and keep them")
    args = parser.parse_args()
    if not all(shutil.which(tool) for tool in ("soffice", CHROMIUM, "gs")):
        raise SystemExit(
            "formats.py needs LibreOffice's soffice, Chromium and Ghostscript (see the module's docstring)"
        )
    work = args.keep or Path(tempfile.mkdtemp(prefix="policybot-formats-"))
    totals = dict.fromkeys(FORMS, 0)
    asked = wrapped_out = 0
    for name in args.sets.split(","):
        docs = SETS / name / "docs"
        questions = parse_questions((SETS / name / "questions.jsonl").read_text(encoding="utf-8").splitlines(), name)
        hard_wrapped = {p.name for p in docs.glob("*.txt") if wrap_width(p.read_text(encoding="utf-8").split("\n"))}
        kept = [q for q in questions if q.knowledge not in hard_wrapped]
        wrapped_out += len(questions) - len(kept)
        asked += len(kept)
        for form, count in compare(name, kept, make_forms(docs, work / name, hard_wrapped)).items():
            totals[form] += count
    print(
        f"\n{asked} questions on documents with a faithful Word, PDF and web page form "
        f"({wrapped_out} on hand-wrapped ones left out)"
    )
    for form, total in totals.items():
        print(f"  {form:10s} {total:4d} passed")
    if args.corpus:
        corpus_forms = make_forms(CORPUS, work / "corpus", set())
        corpus_totals = dict.fromkeys(FORMS, 0)
        for path in sorted(HERE.glob("*.jsonl")):
            if "worry_battery" in path.name or "heldout" in path.name:
                continue  # a worry battery, or a set kept for its totals
            questions = parse_questions(path.read_text(encoding="utf-8").splitlines(), path.name)
            if not all((CORPUS / q.knowledge).exists() for q in questions):
                continue  # a set on the seeds
            for form, count in compare(path.stem, questions, corpus_forms).items():
                corpus_totals[form] += count
        print("\nthe question sets on ../shared/corpus")
        for form, total in corpus_totals.items():
            print(f"  {form:10s} {total:4d} passed")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
