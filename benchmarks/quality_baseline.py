"""Answer quality beside a plain BM25 baseline (run by hand).

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/quality_baseline.py ../shared/eval/questions.jsonl
    .venv/bin/python benchmarks/quality_baseline.py benchmarks/corpus_questions.jsonl --documents ../shared/corpus

Both rankers see the same clauses (our segmentation); the baseline is `bm25s` with the same
Snowball stemmer and English stopwords, and no vocabulary, typo repair or re-ranking. Figures are
top-1 (the first clause answers it) and recall@3 over the `answer` questions, ranking only: the
baseline has no way to abstain, so `policybot eval` is the place for the full figures. With the
semantic re-ranker installed (the 'semantic' extra and its model), a third row reorders our first five
clauses, and the closest of the next fifteen, with it, as answers do.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import bm25s
import Stemmer

from assistant.answers import PolicyAdvisor
from assistant.evaluation import hit_matches, parse_questions
from assistant.knowledge import KnowledgeBase, load_knowledge
from assistant.semantic import REACH, load_reranker
from assistant.settings import BUNDLED_KNOWLEDGE


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument(
        "--documents", type=Path, help="default: ../seeds beside the question file, else the bundled knowledge"
    )
    args = parser.parse_args()
    beside = args.file.resolve().parent.parent / "seeds"
    folder = args.documents or (beside if beside.is_dir() else BUNDLED_KNOWLEDGE / "documents")
    questions = [q for q in parse_questions(args.file.read_text().splitlines(), str(args.file)) if q.kind == "answer"]
    stemmer = Stemmer.Stemmer("english")
    loaded: dict[str, tuple[KnowledgeBase, PolicyAdvisor, bm25s.BM25]] = {}
    reranker = load_reranker(True, None)
    scores = {"policybot": [0, 0], "bm25s": [0, 0]}
    if reranker is not None:
        scores["policybot + semantic re-ranker"] = [0, 0]
    for question in questions:
        if question.knowledge not in loaded:
            knowledge = load_knowledge(folder if question.knowledge == "*" else folder / question.knowledge)
            texts = [c.quote for c in knowledge.clauses]
            baseline = bm25s.BM25()
            baseline.index(
                bm25s.tokenize(texts, stopwords="en", stemmer=stemmer, show_progress=False), show_progress=False
            )
            loaded[question.knowledge] = (knowledge, PolicyAdvisor(knowledge, contact="-"), baseline)
        knowledge, advisor, baseline = loaded[question.knowledge]
        found_by_us = advisor.index.search(question.question, limit=REACH)
        rows = {"policybot": [knowledge.clauses[r.index].quote for r in found_by_us[:3]]}
        if reranker is not None:
            reranked = reranker.rerank(question.question, found_by_us, knowledge.clauses)
            rows["policybot + semantic re-ranker"] = [knowledge.clauses[r.index].quote for r in reranked[:3]]
        query = bm25s.tokenize([question.question], stopwords="en", stemmer=stemmer, show_progress=False)
        k = min(3, len(knowledge.clauses))
        ids, _ = baseline.retrieve(query, k=k, show_progress=False)
        rows["bm25s"] = [knowledge.clauses[int(i)].quote for i in ids[0]]
        for name, ranked in rows.items():
            found = [hit_matches(text, question.expect) for text in ranked]
            scores[name][0] += bool(found and found[0])
            scores[name][1] += any(found)
    print(f"{len(questions)} answer questions from {args.file.name}")
    print("| ranker | top-1 | recall@3 |\n|---|---:|---:|")
    for name, (top1, top3) in scores.items():
        print(f"| {name} | {top1 / len(questions):.3f} | {top3 / len(questions):.3f} |")


if __name__ == "__main__":
    main()
