"""Where each topic of the vocabulary is found in a set of policies, with the words around it. Run by hand.

A topic group (`topic = true` in `knowledge/vocabulary.toml`) decides "the policy doesn't say": asked about
parking, a policy that never mentions parking answers no_match. A word the stemmer merges with another
("the receipts" and "the receipt of any communication", "printing" and "screen prints") makes a policy seem
to cover a topic it doesn't. This lists every topic phrase found in the given policies, most frequent first,
with a few words either side, so such collisions can be read and fixed.

    python benchmarks/vocabulary_audit.py ../shared/seeds ../shared/corpus
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.documents import SUPPORTED, read_document  # noqa: E402
from assistant.errors import UnreadableDocument  # noqa: E402
from assistant.knowledge import load_knowledge  # noqa: E402
from assistant.text_analysis import Analyzer, tokenize  # noqa: E402

CONTEXT_WORDS = 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders (or files) of policies")
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge", help="where vocabulary.toml is")
    args = parser.parse_args()
    vocabulary = load_knowledge(args.knowledge).vocabulary
    groups = vocabulary.group
    analyzer = Analyzer.from_vocabulary(vocabulary)
    topics = {f"~{number}" for number, group in enumerate(groups) if group.topic}
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    examples: dict[tuple[str, str], str] = {}  # (topic, phrase) -> the first place it was found
    files = [f for folder in args.folders for f in ([folder] if folder.is_file() else sorted(folder.rglob("*")))]
    for file in files:
        if file.suffix.lower() not in SUPPORTED:
            continue
        try:
            words = tokenize(read_document(file).text)
        except UnreadableDocument as error:
            print(f"skipped: {error}", file=sys.stderr)
            continue
        for start, length, concepts in analyzer.matches(analyzer.stem_all(words)):
            phrase = " ".join(words[start : start + length])
            around = " ".join(words[max(0, start - CONTEXT_WORDS) : start + length + CONTEXT_WORDS])
            for concept in topics.intersection(concepts):
                counts[concept][phrase] += 1
                examples.setdefault((concept, phrase), f"“{around}” ({file.name})")
    for concept in sorted(counts, key=lambda c: int(c[1:])):
        print(f"{groups[int(concept[1:])].terms[0]}:")
        for phrase, count in counts[concept].most_common():
            print(f"  {count:4}  {phrase!r:28} e.g. {examples[concept, phrase]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
