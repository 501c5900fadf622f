"""Training examples for the re-ranker's adapter (by hand): each answerable question of the chosen sets, the
clauses that answer it and the lexical ranking's strongest clauses that don't.

    .venv/bin/python benchmarks/adapter_examples.py --out /tmp/adapter-examples.jsonl

By default the seed and corpus sets in `benchmarks/` (held-out ones too), never the development set of the
bars nor the sets on new policies, which measure whether the adapter carries over to policies it never saw.
Then `benchmarks/train_adapter.py` fits the adapter to them.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from every_set import documents_for, question_sets

from adapters.evaluation import PolicyAdvisors
from assistant.answers import clean_question
from assistant.evaluation import hit_matches, parse_questions

NEGATIVES = 4  # the clauses ranked highest that don't answer: the near misses the model must learn to tell apart
REACH = 20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--new-policies", action="store_true", help="also the sets on new policies")
    args = parser.parse_args()
    written = 0
    with args.out.open("w", encoding="utf-8") as out:
        for name, path, documents in question_sets(heldout=True):
            if name == "dev" or (documents is not None and not args.new_policies):
                continue
            questions = parse_questions(path.read_text(encoding="utf-8").splitlines(), str(path))
            folder = documents or documents_for({q.knowledge for q in questions})
            advisors = PolicyAdvisors(folder, contact="-")
            for question in questions:
                if question.kind != "answer":
                    continue
                advisor = advisors[question.knowledge]
                ranked = advisor.index.search(clean_question(question.question), REACH)
                # matched as `policybot eval` matches (the quote, with its list's intro line); the model reads the
                # clause's text, as the re-ranker gives it
                clauses = [advisor.knowledge.clauses[r.index] for r in ranked]
                matched = [(clause.text, hit_matches(clause.quote, question.expect)) for clause in clauses]
                answering = [text for text, answers in matched if answers]
                others = [text for text, answers in matched if not answers][:NEGATIVES]
                if answering and others:
                    out.write(
                        json.dumps({"question": question.question, "answers": answering, "others": others}) + "\n"
                    )
                    written += 1
    print(f"{written} questions written to {args.out}")


if __name__ == "__main__":
    main()
