"""`policybot train-concerns`: fit the learned worry check to labelled examples and save its weights.

Run by hand when the examples change; the model is data in the knowledge folder, read at startup.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from adapters.cli import Parser, UsageError
from assistant.settings import BUNDLED_KNOWLEDGE
from assistant.worry_model import train


def _parser() -> Parser:
    parser = Parser(
        prog="policybot train-concerns",
        description='Fit the worry check to examples (.jsonl lines of {"text": str, "concern": bool}).',
    )
    parser.add_argument(
        "--examples",
        type=Path,
        default=BUNDLED_KNOWLEDGE / "concern_examples.jsonl",
        help="labelled messages (default: the bundled examples)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=BUNDLED_KNOWLEDGE / "concern_model.json",
        help="where to write the model (default: the bundled knowledge; a knowledge folder's own "
        "concern_model.json is used instead when present)",
    )
    return parser


def _examples(path: Path) -> list[tuple[str, bool]]:
    examples: list[tuple[str, bool]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text, concern = row["text"], row["concern"]
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            raise UsageError(f'{path}:{number}: expected {{"text": ..., "concern": true|false}} ({err})') from None
        if not isinstance(text, str) or not isinstance(concern, bool):
            raise UsageError(f"{path}:{number}: text must be a string and concern true or false")
        examples.append((text, concern))
    return examples


def run(argv: list[str], out: TextIO, err: TextIO) -> int:
    try:
        args = _parser().parse_args(argv)
        examples = _examples(args.examples)
        model = train(examples)
        args.out.write_text(model.model_dump_json(indent=1) + "\n", encoding="utf-8")
    except UsageError as error:
        print(error, file=err)
        return 2
    except OSError as error:
        print(f"policybot train-concerns: {error.filename}: {error.strerror}", file=err)
        return 2
    except ValueError as error:
        print(f"policybot train-concerns: {error}", file=err)
        return 2
    worries = sum(concern for _, concern in examples)
    print(
        f"trained on {len(examples)} examples ({worries} worries): {len(model.weights)} weights -> {args.out}",
        file=out,
    )
    return 0


def main(argv: list[str]) -> int:
    return run(argv[1:], sys.stdout, sys.stderr)
