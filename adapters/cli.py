"""The `policybot` command: dispatches to one adapter's `main()`.

Subcommands import their adapter lazily, so `policybot ask` never pays for Slack or Discord.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NoReturn

COMMANDS: dict[str, tuple[str, str]] = {
    "ask": ("adapters.console", "answer policy questions from the terminal"),
    "eval": ("adapters.evaluation", "measure answers against a question set (.jsonl)"),
    "report": ("adapters.report_console", "file a confidential report into the local store"),
    "reports": (
        "adapters.report_console",
        "the safeguarding lead's side: list, show, ack, close, export, purge",
    ),
    "keygen": ("adapters.report_console", "print a new POLICYBOT_REPORT_KEY"),
    "train-concerns": ("adapters.train_concerns", "fit the learned worry check to labelled examples"),
    "train-reranker": ("adapters.train_reranker", "fit the semantic re-ranker's question map to question sets"),
    "slack": ("adapters.slack_bot", "run the Slack app (HTTP or --socket)"),
    "discord": ("adapters.discord_bot", "run the Discord bot"),
}


class UsageError(Exception):
    """Bad command-line usage: one line on stderr, exit 2, never a traceback."""


class Parser(argparse.ArgumentParser):
    """An argument parser that raises UsageError instead of exiting, so each command prints it its way."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def usage() -> str:
    lines = ["usage: policybot COMMAND [options]", "", "commands:"]
    lines += [f"  {name:<16}{about}" for name, (_, about) in COMMANDS.items()]
    lines += ["", "Run 'policybot COMMAND --help' for a command's options."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in {"-h", "--help", "help"}:
        print(usage())
        return 0
    command, rest = args[0], args[1:]
    if command not in COMMANDS:
        print(f"policybot: unknown command {command!r}\n\n{usage()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[command][0])
    try:
        result: int = module.main([command, *rest])
    except BrokenPipeError:  # `policybot eval ... | head`: the reader left; nothing more to say
        sys.stderr.close()
        return 0
    return result


if __name__ == "__main__":
    sys.exit(main())
