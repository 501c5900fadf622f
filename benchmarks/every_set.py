"""Every question set at once: each set's figures, and which questions changed since a saved run (by hand).

    .venv/bin/python benchmarks/every_set.py --save /tmp/before.json       # before a change
    .venv/bin/python benchmarks/every_set.py --compare /tmp/before.json    # after it: what moved

Finds the development set (`../shared/eval/questions.jsonl`), the sets in `benchmarks/` (on the seeds or
on `../shared/corpus`, whichever holds the files they name) and the sets of `benchmarks/new_policies_*/`
(each with its own `docs/`). Held-out sets (`heldout` in their name) are left out unless `--heldout` is
given: read their totals only. `--without V_heldout` leaves a set out altogether, so one written at a session's
start stays unseen until its end. Lexical unless POLICYBOT_SEMANTIC_RANKING says otherwise.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from adapters.evaluation import measure
from assistant.answers import configured_reranker
from assistant.evaluation import Report, parse_questions
from assistant.semantic import SemanticReranker
from assistant.settings import CoreSettings

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SHORT = {
    "top1_accuracy": "top1",
    "recall_at_3": "r@3",
    "no_match_precision": "nmP",
    "no_match_recall": "nmR",
    "concern_detection": "concerns",
    "false_concerns": "false",
}


def question_sets(heldout: bool) -> list[tuple[str, Path, Path | None]]:
    """(name, question file, documents folder or None to find it) for every set, development first."""
    sets: list[tuple[str, Path, Path | None]] = [("dev", SHARED / "eval" / "questions.jsonl", None)]
    sets += [(path.stem, path, None) for path in sorted(HERE.glob("*.jsonl")) if "worry_battery" not in path.name]
    for path in sorted(HERE.glob("new_policies_*/*/questions.jsonl")):
        sets.append((f"{path.parent.parent.name[-10:]}/{path.parent.name}", path, path.parent / "docs"))
    return [s for s in sets if heldout or "heldout" not in s[0]]


def documents_for(names: set[str]) -> Path:
    """The seeds when they hold every file the questions name, else the corpus."""
    seeds = SHARED / "seeds"
    return seeds if all(name == "*" or (seeds / name).exists() for name in names) else SHARED / "corpus"


def run_set(path: Path, documents: Path | None, settings: CoreSettings, reranker: SemanticReranker | None) -> Report:
    questions = parse_questions(path.read_text(encoding="utf-8").splitlines(), str(path))
    folder = documents or documents_for({q.knowledge for q in questions})
    return measure(questions, folder, contact=settings.safeguarding_contact, reranker=reranker)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--save", type=Path, help="write each question's outcome here")
    parser.add_argument("--compare", type=Path, help="list the questions whose outcome changed since this run")
    parser.add_argument("--heldout", action="store_true", help="include the held-out sets (totals only!)")
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="NAME",
        help="leave out the sets whose name has NAME (a fresh set kept unseen until a session's end); repeatable",
    )
    args = parser.parse_args()
    settings = CoreSettings(_env_file=None)
    reranker = configured_reranker(settings)
    outcomes: dict[str, dict[str, object]] = {}
    for name, path, documents in question_sets(args.heldout):
        if any(part in name for part in args.without):
            continue
        report = run_set(path, documents, settings, reranker)
        shown = "  ".join(f"{SHORT[key]}={'-' if v is None else f'{v:.3f}'}" for key, v in report.figures().items())
        print(f"{name:40s} {len(report.outcomes):3d}  {shown}")
        for outcome in report.outcomes:
            outcomes[f"{name}/{outcome.question.id}"] = {  # ids repeat across sets
                "set": name,
                "passed": outcome.passed,
                "status": outcome.answer.status.value,
                "top1": outcome.top1,
                "in_top3": outcome.in_top3,
                "question": outcome.question.question[:100],
            }
    if args.save:
        args.save.write_text(json.dumps(outcomes, indent=0), encoding="utf-8")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        for qid, now in outcomes.items():
            then = before.get(qid)
            if then is None:
                continue
            # a question can keep passing or failing while its answer moves: recall@3 and status count too
            moved = [key for key in ("passed", "top1", "in_top3", "status") if key in then and then[key] != now[key]]
            if moved:
                change = "MOVE" if then["passed"] == now["passed"] else "GAIN" if now["passed"] else "LOSS"
                flips = ", ".join(f"{key} {then[key]} -> {now[key]}" for key in moved)
                print(f"{change} {qid} ({flips}): {now['question']}")


if __name__ == "__main__":
    main()
