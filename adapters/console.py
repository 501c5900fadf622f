"""`policybot ask`: the terminal adapter, and the cheapest end-to-end harness of the core.

Translate in (arguments, stdin lines) -> `PolicyAdvisor.answer` -> render out (plain text for
people, one JSON object per answer for programs). This module's `run` is the single error
boundary: expected outcomes print a one-line message; anything else is logged once and the user
sees a fixed apology, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import shutil
import sys
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from adapters.cli import Parser, UsageError
from assistant import messages
from assistant.answers import DEFAULT_TOP_K, PolicyAdvisor, build_advisor
from assistant.errors import ConfigurationError, KnowledgeError, UserFacingError
from assistant.knowledge import load_knowledge
from assistant.models import Answer, AnswerStatus
from assistant.reading import readable
from assistant.settings import CoreSettings, load

log = logging.getLogger("policybot.console")
REPORT_COMMAND = "`policybot report`"


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="policybot ask",
        description="Answer a question from your organisation's policy, quoting the clauses that answer it.",
    )
    parser.add_argument("question", nargs="+", help="the question, or - to read one question per line from stdin")
    parser.add_argument(
        "--knowledge",
        type=Path,
        help="a policy file or folder (default: $POLICYBOT_KNOWLEDGE, else the bundled knowledge)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object per answer")
    parser.add_argument("--top", type=int, default=DEFAULT_TOP_K, metavar="K", help="at most K clauses (default 3)")
    return parser


# --- render -------------------------------------------------------------------------------------


def render_json(answer: Answer) -> str:
    return json.dumps(
        {
            "question": answer.question,
            "status": answer.status.value,
            "hits": [
                {
                    "document": hit.clause.document,
                    "source": hit.clause.source,
                    "clause": hit.clause.ref,
                    "text": hit.clause.quote,
                    "score": hit.score,
                }
                for hit in answer.hits
            ],
        },
        ensure_ascii=False,
    )


def render_text(answer: Answer, width: int) -> str:
    wrap = max(40, min(width, 100)) - 4
    lines: list[str] = []
    reminder = textwrap.wrap(messages.report_reminder(answer.contact, REPORT_COMMAND), wrap)
    if answer.status is AnswerStatus.NO_MATCH:
        return "\n".join([messages.no_match(answer.contact), "", *reminder])
    if answer.immediate_danger:
        lines += [messages.DANGER_FIRST, ""]
    if answer.status is AnswerStatus.CONCERN:
        lines += textwrap.wrap(messages.concern(answer.contact, REPORT_COMMAND), wrap)
    else:
        lines.append(messages.ANSWER_INTRO)
    for hit in answer.hits:
        clause = hit.clause
        lines.append("")
        if clause.context:
            lines += textwrap.wrap(readable(clause.context), wrap, initial_indent="  ", subsequent_indent="  ")
        for paragraph in readable(clause.text).split("\n"):
            lines += textwrap.wrap(paragraph, wrap, initial_indent="  │ ", subsequent_indent="  │ ")
        lines.append(f"  — {messages.citation(clause.document, clause.ref)}")
    for notice in answer.stale:
        lines += ["", *textwrap.wrap(messages.stale_policy(notice.document, notice.review_text), wrap)]
    if answer.status is AnswerStatus.ANSWERED:
        lines += ["", *reminder]
    return "\n".join(lines)


# --- run ----------------------------------------------------------------------------------------


def _questions(args: argparse.Namespace, stdin: TextIO) -> Iterable[str]:
    if args.question == ["-"]:
        for line in stdin:
            if line.strip():
                yield line
        return
    yield " ".join(args.question)


async def _answer_all(advisor: PolicyAdvisor, args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> int:
    width = shutil.get_terminal_size((100, 20)).columns
    status = 0
    first = True
    for number, question in enumerate(_questions(args, stdin), start=1):
        try:
            answer = await advisor.answer(question, top_k=args.top)
        except UserFacingError as error:
            where = f"line {number}: " if args.question == ["-"] else ""
            print(f"policybot ask: {where}{error.message}", file=err)
            status = 2 if args.question != ["-"] else status
            continue
        if args.json:
            print(render_json(answer), file=out)
        else:
            if not first:
                print("\n" + "─" * min(width, 60) + "\n", file=out)
            print(render_text(answer, width), file=out)
        first = False
    return status


def run(argv: list[str], out: TextIO, err: TextIO, stdin: TextIO) -> int:
    try:
        args = _parser().parse_args(argv)
    except UsageError as error:
        print(f"{error}\n{_parser().format_usage().rstrip()}", file=err)
        return 2
    except SystemExit as exit_:  # --help
        return int(exit_.code or 0)
    if args.top < 1:
        print("policybot ask: --top must be 1 or more", file=err)
        return 2
    try:
        overrides = {"knowledge": args.knowledge} if args.knowledge else {}
        settings = load(CoreSettings, **overrides)
        knowledge = load_knowledge(settings.knowledge)
        advisor = build_advisor(settings, knowledge)
    except (ConfigurationError, KnowledgeError) as error:
        print(f"policybot ask: {error}", file=err)
        return 2
    for problem in knowledge.problems:
        print(f"policybot ask: warning: {problem}", file=err)
    try:
        return asyncio.run(_answer_all(advisor, args, out, err, stdin))
    except BrokenPipeError:
        raise  # the reader left (`| head`): not a fault; the command line ends quietly
    except Exception:  # the error boundary: a fault, logged once; never a traceback for the user
        log.exception("policybot ask failed")
        print(f"policybot ask: {messages.SORRY}", file=err)
        return 1


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    stdin = open(sys.stdin.fileno(), encoding="utf-8", errors="replace", closefd=False)
    return run(argv[1:], sys.stdout, sys.stderr, stdin)
