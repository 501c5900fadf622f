"""`policybot train-reranker`: fit the semantic re-ranker's question map to question sets and save it.

Run by hand, on questions about the policy the bot answers from: the map helps questions about the policies it
was fitted with questions about, and measurably nothing on others (README, "The question map").
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from adapters.cli import Parser, UsageError
from assistant.answers import PolicyAdvisor
from assistant.errors import ConfigurationError, KnowledgeError
from assistant.evaluation import EvalQuestion, parse_questions
from assistant.knowledge import load_knowledge
from assistant.semantic import QuestionMap, SemanticReranker, load_reranker
from assistant.semantic_tuning import TuningExample, answered_first, fit_question_map, tuning_examples
from assistant.settings import CoreSettings


def _parser() -> Parser:
    parser = Parser(
        prog="policybot train-reranker",
        description="Fit the semantic re-ranker's question map to question sets (.jsonl, the eval format; "
        "their 'answer' questions are used).",
    )
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE", help="question sets")
    parser.add_argument(
        "--documents",
        type=Path,
        action="append",
        default=[],
        help="a folder of the policies the questions name; repeatable (a set's own docs/ folder beside it, "
        "and ../seeds beside it, are looked in too)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        help="where to write the map (POLICYBOT_SEMANTIC_TUNING then names it to use it)",
    )
    return parser


def _questions(path: Path) -> list[EvalQuestion]:
    try:
        return parse_questions(path.read_text(encoding="utf-8").splitlines(), str(path))
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"policybot train-reranker: cannot read {path}: {error}") from None
    except ValueError as error:
        raise UsageError(f"policybot train-reranker: {error}") from None


def _folder_for(path: Path, questions: list[EvalQuestion], given: list[Path]) -> Path:
    """The first folder holding every policy file the set's questions name."""
    names = {q.knowledge for q in questions if q.knowledge != "*"}
    for folder in [path.parent / "docs", *given, path.resolve().parent.parent / "seeds"]:
        if folder.is_dir() and all((folder / name).exists() for name in names):
            return folder
    raise UsageError(
        f"policybot train-reranker: {path}: no folder holds the policies it names; give it with --documents"
    )


def _examples(path: Path, given: list[Path], reranker: SemanticReranker) -> list[TuningExample]:
    questions = _questions(path)
    folder = _folder_for(path, questions, given)
    examples = []
    for name in sorted({q.knowledge for q in questions}):  # each policy loaded once, lexical
        advisor = PolicyAdvisor(load_knowledge(folder if name == "*" else folder / name), contact="-")
        examples += tuning_examples(advisor, [q for q in questions if q.knowledge == name], reranker)
    return examples


def run(argv: list[str], out: TextIO, err: TextIO) -> int:
    try:
        args = _parser().parse_args(argv)
        settings = CoreSettings(_env_file=None)
        # fitted from the model alone, never from a map already in use
        reranker = load_reranker(True, settings.semantic_model, settings.semantic_store)
        if reranker is None:
            raise UsageError(
                "policybot train-reranker: the semantic re-ranker is not installed (see the README's Quick start)"
            )
        examples = [example for path in args.files for example in _examples(path, args.documents, reranker)]
        matrix = fit_question_map(examples)
        QuestionMap(matrix, reranker.encoder.tag).write(args.out)
    except UsageError as error:
        print(error, file=err)
        return 2
    except OSError as error:
        print(f"policybot train-reranker: {error.filename}: {error.strerror}", file=err)
        return 2
    except (ConfigurationError, KnowledgeError, ValueError) as error:  # each names what is wrong
        print(f"policybot train-reranker: {error}", file=err)
        return 2
    print(
        f"fitted on {len(examples)} answerable questions: the re-ranker quotes an answering clause first for "
        f"{answered_first(examples)} of them alone, {answered_first(examples, matrix)} with the map "
        f"(measure it on other questions with policybot eval) -> {args.out}",
        file=out,
    )
    return 0


def main(argv: list[str]) -> int:
    return run(argv[1:], sys.stdout, sys.stderr)
