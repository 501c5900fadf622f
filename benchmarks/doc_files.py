"""Word 97-2003 (.doc) files from other writers than LibreOffice: does `assistant/doc_text.py` read them, and to the
words LibreOffice reads from them? (run by hand)

    git clone --depth 1 https://github.com/apache/poi /tmp/poi      # its test-data: real Word files, old and odd
    .venv/bin/python benchmarks/doc_files.py /tmp/poi/test-data/document

Every `.doc` in the folder is read by policybot, and turned into text by LibreOffice's `soffice` (its `.doc` import is
the most complete free one). Printed: how many were read, named (and why) or raised an error no reader catches,
the slowest read, and for the files both read, how many give the same words (numbers and bullets aside), within
5% of them, or further apart, and how many of LibreOffice's words policybot's text lacks. LibreOffice's text keeps
tracked deletions and footnotes, and leaves out text boxes, so neither side is the truth where they differ.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

from assistant.documents import read_document
from assistant.errors import UnreadableDocument

_MARKER = re.compile(r"^#+ |^\s*(?:- |\d+(?:\.\d+)*\.? |[a-z]\) )", re.MULTILINE)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", _MARKER.sub(" ", text).lower())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() == ".doc")
    ours: dict[str, str] = {}
    outcomes: Counter[str] = Counter()
    slowest = 0.0
    for path in files:
        start = time.perf_counter()
        try:
            ours[path.name] = read_document(path).text
            outcomes["read"] += 1
        except UnreadableDocument as err:
            outcomes[f"named: {err.why}"] += 1
        except Exception as err:  # what this run looks for: an error no reader catches
            outcomes[f"ERROR {type(err).__name__}"] += 1
        slowest = max(slowest, time.perf_counter() - start)
    print(f"{len(files)} .doc files; slowest read {slowest:.3f} s")
    for outcome, count in outcomes.most_common():
        print(f"  {count:4d} {outcome}")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", folder, *map(str, files)],
            capture_output=True,
            timeout=1800,
        )
        theirs = {p.stem: p.read_text(encoding="utf-8-sig", errors="replace") for p in Path(folder).glob("*.txt")}
    same = close = 0
    far: list[tuple[str, float, int, int]] = []
    lacked = total = 0
    for name, text in ours.items():
        other = theirs.get(Path(name).stem, "")
        if not other.strip():
            continue
        mine, lo = words(text), words(other)
        total += len(lo)
        if mine == lo:
            same += 1
            continue
        matcher = difflib.SequenceMatcher(None, mine, lo, autojunk=False)
        missing = sum(j2 - j1 for op, _, _, j1, j2 in matcher.get_opcodes() if op in ("replace", "insert"))
        extra = sum(i2 - i1 for op, i1, i2, _, _ in matcher.get_opcodes() if op in ("replace", "delete"))
        lacked += missing
        if matcher.ratio() >= 0.95:
            close += 1
        else:
            far.append((name, matcher.ratio(), missing, extra))
    print(f"read by both: {same + close + len(far)}; the same words {same}, within 5% {close}, further {len(far)}")
    print(f"of LibreOffice's {total} words in them, policybot's text lacks {lacked}")
    for name, ratio, missing, extra in far:
        print(f"  {name}: {ratio:.3f} (lacks {missing} of LibreOffice's words, has {extra} it lacks)")


if __name__ == "__main__":
    main()
