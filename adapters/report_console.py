"""Confidential reports from the terminal: the whole flow without any chat platform.

    policybot keygen                                  print a new POLICYBOT_REPORT_KEY
    policybot report [--as YOU] [--what TEXT ...]     file a report (asks each question if no --what)
    policybot reports list|show|ack|note|decide|close|export|purge|problems --as LEAD_ID
    policybot reports show SG-2026-0001 --as discord:123456789012345678   (a chat platform's reports)

"Private delivery" to a console lead prints a pointer to the report (never its text); the lead
reads it with `policybot reports show`. Bad usage exits 2 with one line; a refusal or invalid input
exits 1 with the reason; anything unexpected exits 1 with a fixed apology, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import getpass
import io
import json
import logging
import os
import sys
import uuid
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TextIO

from adapters.cli import Parser, UsageError
from assistant import messages
from assistant.bootstrap import open_report_desk
from assistant.encryption import generate_key
from assistant.errors import ConfigurationError, KnowledgeError, UserFacingError
from assistant.feedback import question_set_from_votes
from assistant.knowledge import load_knowledge
from assistant.models import (
    Decision,
    DeliveryProblem,
    Recipients,
    Report,
    ReportCategory,
    ReportDraft,
    ReportSummary,
    UserRef,
)
from assistant.ports import Clock
from assistant.reports import ReportDesk, recipients_from_ids
from assistant.settings import CoreSettings, DiscordLeads, SlackLeads, load

log = logging.getLogger(__name__)

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


# --- the console's private delivery -----------------------------------------------------------


class ConsoleNotifier:
    """`ReportNotifier` for the local flow: tells the terminal who was notified, never the text."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    async def send_report(self, recipient: UserRef, report: Report, *, escalation: bool) -> None:
        print(messages.console_delivered(report.reference, recipient.user_id), file=self._out)

    async def send_reporter_notice(self, reporter: UserRef, reference: str, notice: str) -> None:
        print(messages.console_reporter_notice(reporter.user_id, notice), file=self._out)


# --- rendering --------------------------------------------------------------------------------


def render_summary(summary: ReportSummary) -> str:
    danger = "  IMMEDIATE DANGER" if summary.immediate_danger else ""
    missing = f"  (not delivered to {', '.join(summary.undelivered_to)})" if summary.undelivered_to else ""
    when = summary.created_at.strftime("%Y-%m-%d %H:%M UTC")
    return f"{summary.reference}  {summary.status.value:<12}  {when}  {summary.category.value}{danger}{missing}"


def render_report(report: Report) -> str:
    lines = [
        f"Reference:        {report.reference}",
        f"Status:           {report.status.value}",
        f"Received:         {report.created_at.strftime('%Y-%m-%d %H:%M UTC')}",
        f"Category:         {report.category.value}",
        f"Immediate danger: {'YES' if report.immediate_danger else 'no'}",
        f"From:             {report.reporter.display_name or '-'} ({report.reporter.key})",
    ]
    if report.concerns_recipient:
        lines.append(f"About a lead:     {report.concerns_recipient} (not sent to them)")
    lines += ["", "What happened:", report.what_happened]
    for label, value in (
        ("Who", report.who),
        ("When and where", report.when_where),
        ("Evidence", report.evidence),
    ):
        if value:
            lines += ["", f"{label}:", value]
    lines += ["", "Chronology:"]
    lines += [
        f"  {entry.at.strftime('%Y-%m-%d %H:%M:%S')}  {entry.actor:<24} {entry.action}"
        + (f": {entry.detail}" if entry.detail else "")
        for entry in report.chronology
    ]
    return "\n".join(lines)


def render_problem(problem: DeliveryProblem) -> str:
    return messages.delivery_problem(problem.reference, problem.recipient, permanent=problem.permanent) + (
        f" (attempts: {problem.attempts}; last error: {problem.last_error})"
    )


# --- argument parsing -------------------------------------------------------------------------


def report_parser() -> Parser:
    parser = Parser(prog="policybot report", description="File a confidential safeguarding report.")
    parser.add_argument("--as", dest="user", help="your id (default: your login name)")
    parser.add_argument("--name", default="", help="your name, as the lead will see it")
    parser.add_argument("--what", help="what happened: facts, the child's own words, no opinion")
    parser.add_argument("--who", default="", help="who it concerns (names or initials)")
    parser.add_argument("--when-where", default="", help="when and where it happened")
    parser.add_argument("--category", choices=[c.value for c in ReportCategory], default=ReportCategory.OTHER.value)
    parser.add_argument("--danger", action="store_true", help="someone is in immediate danger")
    parser.add_argument("--evidence", default="", help="evidence kept (screenshots, messages: do not delete)")
    parser.add_argument("--about-lead", default=None, help="id of the lead/deputy this is about (not sent to them)")
    parser.add_argument("--submission-id", default=None, help="makes a retried command file one report")
    return parser


def reports_parser() -> Parser:
    parser = Parser(prog="policybot reports", description="The safeguarding lead's side.")
    actions = parser.add_subparsers(dest="action", required=True, parser_class=Parser)

    def action(name: str, about: str, *, reference: bool = True) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=about, description=about)
        sub.add_argument(
            "--as", dest="lead", required=True, help="your lead id (slack:ID or discord:ID for those platforms)"
        )
        if reference:
            sub.add_argument("reference", help="e.g. SG-2026-0042")
        return sub

    action("list", "list open reports", reference=False)
    action("show", "show one report with its chronology (the read is recorded)")
    action("ack", "acknowledge a report (the reporter is told privately)")
    action("note", "add a note").add_argument("text")
    decide = action("decide", "record a referral decision and its reason")
    decide.add_argument("decision", choices=[d.value for d in Decision])
    decide.add_argument("reason")
    action("close", "close a report with its outcome").add_argument("outcome")
    export = action("export", "export every report you received", reference=False)
    export.add_argument("--format", choices=["json", "csv"], default="json")
    export.add_argument("--output", help="write to this file (readable only by you) instead of the terminal")
    votes = action(
        "votes",
        "write the questions staff marked answered as a question set (for policybot eval and train-reranker)",
        reference=False,
    )
    votes.add_argument("--output", required=True, help="the question set to write (readable only by you)")
    votes.add_argument("--knowledge", type=Path, help="the policies the bot answers from (default: as configured)")
    action("purge", "delete closed reports older than the retention period", reference=False)
    action("problems", "deliveries that are failing and being retried", reference=False)
    return parser


# --- commands ---------------------------------------------------------------------------------


def console_settings() -> CoreSettings:
    settings = load(CoreSettings)
    if not settings.console_safeguarding_leads:
        raise ConfigurationError(messages.CONSOLE_NO_LEADS)
    return settings


def ask(prompt: str, stdin: TextIO, stdout: TextIO) -> str:
    stdout.write(prompt)
    stdout.flush()
    return stdin.readline().rstrip("\n")


def ask_lines(prompt: str, stdin: TextIO, stdout: TextIO) -> str:
    print(prompt, file=stdout)
    lines = []
    for line in iter(stdin.readline, ""):
        if not line.strip():
            break
        lines.append(line.rstrip("\n"))
    return "\n".join(lines)


def draft_from_prompts(args: argparse.Namespace, reporter: UserRef, stdin: TextIO, stdout: TextIO) -> ReportDraft:
    print(messages.REPORT_FORM_INTRO, file=stdout)
    danger = ask("Is someone in immediate danger right now? [y/N] ", stdin, stdout).strip().lower()
    immediate = danger in {"y", "yes"}
    if immediate:
        print(messages.CALL_999, file=stdout)
    what = ask_lines("What happened? Finish with an empty line.", stdin, stdout)
    who = ask("Who does it concern (names or initials)? ", stdin, stdout)
    when_where = ask("When and where did it happen? ", stdin, stdout)
    categories = list(ReportCategory)
    for number, option in enumerate(categories, 1):
        print(f"  {number}. {option.value}", file=stdout)
    choice = ask(f"Category [1-{len(categories)}, default {len(categories)}]: ", stdin, stdout).strip()
    valid = choice.isdigit() and 1 <= int(choice) <= len(categories)
    category = categories[int(choice) - 1] if valid else ReportCategory.OTHER
    evidence = ask("Evidence kept (screenshots, messages)? ", stdin, stdout)
    about = ask("If it is about a safeguarding lead or deputy, their id (else leave blank): ", stdin, stdout)
    return ReportDraft(
        reporter=reporter,
        submission_id=args.submission_id or uuid.uuid4().hex,
        what_happened=what,
        who=who,
        when_where=when_where,
        category=category,
        immediate_danger=immediate,
        evidence=evidence,
        concerns_recipient=about.strip() or None,
    )


def draft_from_flags(args: argparse.Namespace, reporter: UserRef) -> ReportDraft:
    return ReportDraft(
        reporter=reporter,
        submission_id=args.submission_id or uuid.uuid4().hex,
        what_happened=args.what,
        who=args.who,
        when_where=args.when_where,
        category=ReportCategory(args.category),
        immediate_danger=args.danger,
        evidence=args.evidence,
        concerns_recipient=args.about_lead,
    )


async def file_report(args: argparse.Namespace, stdin: TextIO, stdout: TextIO, clock: Clock | None) -> int:
    settings = console_settings()
    reporter = UserRef(platform="console", user_id=args.user or getpass.getuser(), display_name=args.name)
    if args.what is not None:
        draft = draft_from_flags(args, reporter)
        if draft.immediate_danger:
            print(messages.CALL_999, file=stdout)
    elif stdin.isatty():
        draft = draft_from_prompts(args, reporter, stdin, stdout)
    else:
        raise UsageError(messages.CONSOLE_NOT_A_TERMINAL)
    async with open_report_desk(
        settings, console_recipients(settings), ConsoleNotifier(stdout), clock, run_worker=False
    ) as desk:
        receipt = await desk.submit(draft)
        print(
            messages.report_received(receipt.reference, immediate_danger=receipt.immediate_danger),
            file=stdout,
        )
        await desk.outbox.deliver_due()
    return EXIT_OK


def console_recipients(settings: CoreSettings) -> Recipients:
    return recipients_from_ids(
        "console",
        settings.console_safeguarding_leads,
        settings.console_safeguarding_deputies,
        settings.console_safeguarding_alternates,
    )


def to_lead(value: str) -> UserRef:
    """`--as ID` is a console lead; `--as slack:U123` or `--as discord:123` a lead on that platform."""
    platform, _, user_id = value.rpartition(":")
    if platform not in {"", "console", "slack", "discord"} or not user_id:
        raise UsageError(f"policybot reports: --as takes ID, slack:ID or discord:ID, not {value!r}")
    return UserRef(platform=platform or "console", user_id=user_id)


def platform_recipients(platform: str, settings: CoreSettings) -> Recipients:
    """The recipients configured for a chat platform (only their ids: no tokens needed here)."""
    if platform == "slack":
        slack = load(SlackLeads)
        return recipients_from_ids(
            "slack", slack.safeguarding_leads, slack.safeguarding_deputies, settings.slack_safeguarding_alternates
        )
    discord = load(DiscordLeads)
    return recipients_from_ids(
        "discord", discord.safeguarding_leads, discord.safeguarding_deputies, settings.discord_safeguarding_alternates
    )


async def work_reports(args: argparse.Namespace, stdout: TextIO, clock: Clock | None) -> int:
    lead = to_lead(args.lead)
    if lead.platform == "console":
        settings = console_settings()
        recipients = console_recipients(settings)
    else:
        settings = load(CoreSettings)
        recipients = platform_recipients(lead.platform, settings)
    async with open_report_desk(settings, recipients, ConsoleNotifier(stdout), clock, run_worker=False) as desk:
        await run_action(desk, args, lead, settings, stdout)
        if lead.platform == "console":
            # e.g. the reporter's notice after an acknowledgement; a Slack or Discord notice is
            # left in the outbox for that platform's own process to deliver
            await desk.outbox.deliver_due()
    return EXIT_OK


async def run_action(
    desk: ReportDesk, args: argparse.Namespace, lead: UserRef, settings: CoreSettings, out: TextIO
) -> None:
    def say(text: str) -> None:
        print(text, file=out)

    single: dict[str, Callable[[], Awaitable[Report]]] = {
        "show": lambda: desk.show(args.reference, lead),
        "ack": lambda: desk.acknowledge(args.reference, lead),
        "note": lambda: desk.add_note(args.reference, lead, args.text),
        "decide": lambda: desk.record_decision(args.reference, lead, Decision(args.decision), args.reason),
        "close": lambda: desk.close(args.reference, lead, args.outcome),
    }
    if args.action in single:
        report = await single[args.action]()
        say(render_report(report) if args.action == "show" else f"{report.reference}: {report.status.value}")
    elif args.action == "list":
        summaries = await desk.list_open(lead)
        say("\n".join(render_summary(s) for s in summaries) if summaries else messages.CONSOLE_NO_OPEN_REPORTS)
    elif args.action == "export":
        text = await desk.export(lead, args.format)
        if args.output:
            write_private(Path(args.output), text)
            count = exported_count(text, args.format)
            say(messages.console_exported(count, args.output))
        else:
            out.write(text if text.endswith("\n") else text + "\n")
    elif args.action == "votes":
        await export_voted_questions(desk, lead, args.knowledge or settings.knowledge, Path(args.output), say)
    elif args.action == "purge":
        say(messages.console_purged(await desk.purge(lead), settings.retention_days))
    elif args.action == "problems":
        problems = await desk.delivery_problems(lead)
        say("\n".join(render_problem(p) for p in problems) if problems else messages.CONSOLE_NO_DELIVERY_PROBLEMS)


async def export_voted_questions(
    desk: ReportDesk, lead: UserRef, knowledge: Path, output: Path, say: Callable[[str], None]
) -> None:
    """The votes kept with their question, as a question set on the policies the bot answers from now."""
    votes = await desk.voted_questions(lead)
    if not votes:
        say(messages.CONSOLE_NO_VOTED_QUESTIONS)
        return
    try:
        clauses = load_knowledge(knowledge).clauses
    except KnowledgeError as error:
        raise UsageError(f"policybot reports votes: {error}") from None
    voted = question_set_from_votes(votes, clauses)
    write_private(output, "".join(question.model_dump_json() + "\n" for question in voted.questions))
    say(messages.console_voted_questions(len(voted.questions), str(output), voted.not_helpful, voted.clause_gone))


def exported_count(text: str, fmt: str) -> int:
    if fmt == "json":
        return len(json.loads(text))
    return max(0, len(list(csv.reader(io.StringIO(text)))) - 1)


def write_private(path: Path, text: str) -> None:
    """Create the export readable only by its owner (it holds every report's text)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # also when overwriting a file that was readable by others
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as file:
        file.write(text)


# --- entry point and error boundary -------------------------------------------------------------


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    clock: Clock | None = None,
) -> int:
    """`policybot keygen|report|reports ...`; argv[0] is the subcommand. Returns the exit status."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    command, rest = (args_in[0], args_in[1:]) if args_in else ("", [])
    try:
        if command == "keygen":
            if rest:
                raise UsageError("policybot keygen: takes no arguments")
            print(generate_key(), file=stdout)
            return EXIT_OK
        if command == "report":
            args = parse(report_parser(), rest, stdout)
            return asyncio.run(file_report(args, stdin, stdout, clock))
        if command == "reports":
            args = parse(reports_parser(), rest, stdout)
            return asyncio.run(work_reports(args, stdout, clock))
        raise UsageError(f"policybot: {command or 'a command'} is not a report command (keygen, report, reports)")
    except _HelpShown:
        return EXIT_OK
    except KeyboardInterrupt:
        print(messages.CONSOLE_CANCELLED, file=stderr)
        return EXIT_INTERRUPTED
    except UsageError as error:
        print(str(error).splitlines()[0], file=stderr)
        return EXIT_USAGE
    except ConfigurationError as error:
        print(f"policybot {command}: {error}", file=stderr)
        return EXIT_USAGE
    except UserFacingError as error:
        print(error.message, file=stderr)
        return EXIT_REFUSED
    except Exception as error:  # the console's one error boundary: no traceback, no report text
        log.error("policybot %s failed: %s", command, type(error).__name__)
        print(messages.SORRY, file=stderr)
        return EXIT_REFUSED


class _HelpShown(Exception):
    pass


def parse(parser: argparse.ArgumentParser, argv: list[str], stdout: TextIO) -> argparse.Namespace:
    """Parse, sending --help to `stdout`; bad usage raises UsageError (one line)."""
    try:
        with contextlib.redirect_stdout(stdout):
            return parser.parse_args(argv)
    except SystemExit as exit_:  # only --help exits (errors raise UsageError)
        if exit_.code in (0, None):
            raise _HelpShown from None
        raise UsageError(f"{parser.prog}: invalid arguments") from None
