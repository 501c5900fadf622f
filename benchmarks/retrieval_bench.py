"""Retrieval benchmark (run by hand): policybot's index against bm25s on the same synthetic corpora.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/retrieval_bench.py            # 1k, 10k, 100k clauses
    .venv/bin/python benchmarks/retrieval_bench.py --sizes 1000

Corpora are synthesised from the bundled seed policies' clauses: each synthetic clause joins
sentences of two real clauses and renames the organisation, so the vocabulary and clause lengths
stay those of real policies while the corpus grows. Queries are the development question set.
Each (engine, size) runs in a fresh process, so peak memory (max RSS over the baseline after
imports) is its own. One core: the process is pinned to CPU 0 where the OS allows it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT.parent / "shared" / "eval" / "questions.jsonl"
FALLBACK_QUESTIONS = [
    "can I accept a parent's friend request?",
    "can I post photos of the kids on my own instagram?",
    "who do I tell if a colleague posts something offensive?",
    "is it ok to text a young person from my personal phone?",
]


def synthetic_corpus(size: int) -> list[str]:
    from assistant.knowledge import load_knowledge

    texts = [c.text for c in load_knowledge(ROOT / "knowledge").clauses]
    rng = random.Random(size)
    sentences = [re.split(r"(?<=[.!?])\s+", text) for text in texts]
    corpus = []
    for number in range(size):
        first, second = rng.choice(sentences), rng.choice(sentences)
        text = " ".join(first[: rng.randint(1, len(first))] + second[: rng.randint(1, len(second))])
        corpus.append(
            text.replace("LEAPS Suffolk", f"Org{number % 997}").replace("Interest Link", f"Club{number % 389}")
        )
    return corpus


def questions() -> list[str]:
    if QUESTIONS.is_file():
        return [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines() if line.strip()]
    return FALLBACK_QUESTIONS


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(engine: str, size: int) -> dict[str, float]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    corpus = synthetic_corpus(size)
    queries = questions()
    if engine == "policybot":
        from assistant.knowledge import load_knowledge
        from assistant.models import Clause
        from assistant.retrieval import build_index

        vocabulary = load_knowledge(ROOT / "knowledge").vocabulary
        clauses = [
            Clause(document="d", source="s", ref=str(i), heading="", text=t, position=i) for i, t in enumerate(corpus)
        ]
        baseline = rss_mb()
        start = time.perf_counter()
        index = build_index(clauses, vocabulary)
        build = time.perf_counter() - start

        def search(q: str) -> object:
            return index.search(q, limit=3)

    else:
        import bm25s
        import Stemmer

        stemmer = Stemmer.Stemmer("english")
        baseline = rss_mb()
        start = time.perf_counter()
        tokens = bm25s.tokenize(corpus, stopwords="en", stemmer=stemmer, show_progress=False)
        retriever = bm25s.BM25()
        retriever.index(tokens, show_progress=False)
        build = time.perf_counter() - start

        def search(q: str) -> object:
            query = bm25s.tokenize([q], stopwords="en", stemmer=stemmer, show_progress=False)
            return retriever.retrieve(query, k=3, show_progress=False)

    for q in queries[:5]:  # warm up
        search(q)
    timings = []
    for _ in range(5):
        for q in queries:
            start = time.perf_counter()
            search(q)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "build_s": build,
        "p50_ms": statistics.median(timings),
        "p99_ms": timings[int(len(timings) * 0.99) - 1],
        "peak_mb": rss_mb() - baseline,
    }


def ask_wall_time() -> float:
    """`policybot ask` on the bundled knowledge, the whole process, best of 5."""
    best = float("inf")
    command = [str(ROOT / ".venv" / "bin" / "policybot"), "ask", "can I accept a parent's friend request?"]
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--child", nargs=2, metavar=("ENGINE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]))))
        return
    print("| clauses | engine | build (s) | query p50 (ms) | query p99 (ms) | peak memory (MB) |")
    print("|---:|---|---:|---:|---:|---:|")
    for size in args.sizes:
        for engine in ("policybot", "bm25s"):
            result = subprocess.run(
                [sys.executable, __file__, "--child", engine, str(size)], capture_output=True, text=True, check=True
            )
            r = json.loads(result.stdout.strip().splitlines()[-1])
            print(
                f"| {size:,} | {engine} | {r['build_s']:.2f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
                f"{r['peak_mb']:.0f} |"
            )
    print(f"\n`policybot ask` whole process on the bundled knowledge (best of 5): {ask_wall_time():.2f} s")


if __name__ == "__main__":
    main()
