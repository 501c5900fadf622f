"""`policybot eval FILE.jsonl`: run a question set and print the figures and the failures."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from assistant.answers import PolicyAdvisor, configured_reranker
from assistant.errors import ConfigurationError, KnowledgeError, UserFacingError
from assistant.evaluation import EvalQuestion, Outcome, Report, parse_questions
from assistant.knowledge import load_knowledge
from assistant.semantic import SemanticReranker
from assistant.settings import BUNDLED_KNOWLEDGE, CoreSettings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policybot eval",
        description="Measure answers against a question set (.jsonl, see shared/eval/README.md).",
    )
    parser.add_argument("file", type=Path, help="the question set")
    parser.add_argument(
        "--documents",
        type=Path,
        help="folder holding the files the questions name (default: ../seeds beside the file, "
        "else the bundled knowledge)",
    )
    parser.add_argument("--verbose", action="store_true", help="show each failure's top hits")
    return parser


def _documents_folder(question_file: Path, given: Path | None) -> Path:
    if given is not None:
        return given
    beside = question_file.resolve().parent.parent / "seeds"
    return beside if beside.is_dir() else BUNDLED_KNOWLEDGE / "documents"


def _format_failure(outcome: Outcome, verbose: bool) -> str:
    q = outcome.question
    line = f"  {q.id} [{q.kind} -> {outcome.answer.status.value}] {q.question[:90]}"
    if verbose:
        for hit in outcome.answer.hits[:3]:
            line += f"\n      {hit.score:6.2f} {hit.clause.ref}: {hit.clause.text[:100]}"
    return line


class PolicyAdvisors:
    """The advisor on each policy a question set names (a file in `folder`, or "*" for all of them), each
    loaded once. Raises KnowledgeError for a policy that can't be read."""

    def __init__(self, folder: Path, *, contact: str, reranker: SemanticReranker | None = None) -> None:
        self.folder, self.contact, self.reranker = folder, contact, reranker
        self._advisors: dict[str, PolicyAdvisor] = {}

    def __getitem__(self, knowledge: str) -> PolicyAdvisor:
        if knowledge not in self._advisors:
            path = self.folder if knowledge == "*" else self.folder / knowledge
            self._advisors[knowledge] = PolicyAdvisor(
                load_knowledge(path), contact=self.contact, reranker=self.reranker
            )
        return self._advisors[knowledge]


def measure(questions: list[EvalQuestion], folder: Path, *, contact: str, reranker: SemanticReranker | None) -> Report:
    """Answer every question from the policy it names (each loaded once). Raises KnowledgeError for a policy
    that can't be read, and UserFacingError, its message led by the question's id, for a question refused."""
    advisors = PolicyAdvisors(folder, contact=contact, reranker=reranker)
    report = Report()
    for question in questions:
        try:
            answer = advisors[question.knowledge].answer_now(question.question)
        except UserFacingError as error:
            raise UserFacingError(f"{question.id}: {error.message}") from None
        report.outcomes.append(Outcome(question, answer))
    return report


def run(argv: list[str], out: TextIO, err: TextIO) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        questions = parse_questions(args.file.read_text(encoding="utf-8").splitlines(), str(args.file))
    except (OSError, UnicodeDecodeError) as error:
        print(f"policybot eval: cannot read {args.file}: {error}", file=err)
        return 2
    except ValueError as error:
        print(f"policybot eval: {error}", file=err)
        return 2
    folder = _documents_folder(args.file, args.documents)
    settings = CoreSettings(_env_file=None)
    try:  # one model for every policy the questions name
        reranker = configured_reranker(settings)
    except ConfigurationError as error:
        print(f"policybot eval: {error}", file=err)
        return 2
    try:
        report = measure(questions, folder, contact=settings.safeguarding_contact, reranker=reranker)
    except KnowledgeError as error:
        print(f"policybot eval: {error}", file=err)
        return 2
    except UserFacingError as error:
        print(f"policybot eval: {error.message}", file=err)
        return 2

    print(f"{len(questions)} questions", file=out)
    print(f"semantic re-ranker  {'on' if reranker else 'off'}", file=out)  # which ranking the figures measure
    for name, value in report.figures().items():
        shown = "n/a" if value is None else f"{value:.3f}"
        print(f"{name:<20}{shown}", file=out)
    failures = report.failures
    print(f"failed: {len(failures)}", file=out)
    for outcome in failures:
        print(_format_failure(outcome, args.verbose), file=out)
    return 0


def main(argv: list[str]) -> int:
    return run(argv[1:], sys.stdout, sys.stderr)
