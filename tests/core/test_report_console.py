"""The local report flow through `policybot report` / `policybot reports` / `policybot keygen`.

Driven through `main(argv)` with in-memory streams, settings from the environment (as a user
would set them) and a temporary SQLite file.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest

from adapters import cli, report_console
from assistant import messages
from assistant.answers import PolicyAdvisor
from assistant.bootstrap import open_report_desk
from assistant.encryption import generate_key, parse_key
from assistant.errors import DeliveryFailed
from assistant.evaluation import parse_questions
from assistant.knowledge import load_knowledge
from assistant.models import Receipt, ReportDraft, UserRef
from assistant.reports import recipients_from_ids
from assistant.settings import CoreSettings, load
from tests.core.reports_support import RecordingNotifier

TEXT = "Two Year 9 pupils are sharing an edited photo of a classmate in the team group chat."


@dataclass
class Run:
    code: int
    out: str
    err: str


class Keyboard(io.StringIO):
    """Typed answers, as from a terminal."""

    def isatty(self) -> bool:
        return True


def policybot(*argv: str, typed: str | None = None) -> Run:
    out, err = io.StringIO(), io.StringIO()
    stdin = Keyboard(typed) if typed is not None else io.StringIO("")
    code = report_console.main(list(argv), stdin=stdin, stdout=out, stderr=err)
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def local_setup(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    database = tmp_path / "data" / "policybot.db"
    monkeypatch.setenv("POLICYBOT_DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.setenv("POLICYBOT_REPORT_KEY", generate_key())
    monkeypatch.setenv("POLICYBOT_CONSOLE_SAFEGUARDING_LEADS", "dsl, dsl2")
    monkeypatch.setenv("POLICYBOT_CONSOLE_SAFEGUARDING_DEPUTIES", "deputy")
    return database


def file_report(*extra: str) -> str:
    run = policybot("report", "--as", "amy", "--name", "Amy", "--what", TEXT, "--category", "images", *extra)
    assert run.code == 0, run.err
    return run.out.split("Your report ")[1].split(" ")[0]


def test_keygen_prints_a_new_valid_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["keygen"]) == 0
    first = capsys.readouterr().out.strip()
    assert cli.main(["keygen"]) == 0
    second = capsys.readouterr().out.strip()
    assert first != second and len(parse_key(first)) == 32


def test_a_report_from_flags_is_confirmed_with_its_reference_and_delivered_privately(
    local_setup: Path,
) -> None:
    run = policybot("report", "--as", "amy", "--what", TEXT, "--who", "pupil B", "--category", "images")
    reference = run.out.split("Your report ")[1].split(" ")[0]
    assert run.code == 0 and reference.startswith("SG-")
    assert "confidential to the safeguarding lead(s)" in run.out and "anonymous" not in run.out
    for lead in ("dsl", "dsl2", "deputy"):
        assert messages.console_delivered(reference, lead) in run.out
    assert TEXT not in run.out and "pupil B" not in run.out
    assert local_setup.exists()


def test_interactive_prompts_ask_each_question_and_put_999_first_in_danger(local_setup: Path) -> None:
    typed = "\n".join(
        [
            "y",
            "He said he would come to her house tonight.",
            "",
            "Pupil C",
            "Friday, on Snapchat",
            "1",
            "",
            "",
            "",
        ]
    )
    run = policybot("report", "--as", "amy", typed=typed)
    assert run.code == 0, run.err
    assert run.out.index(messages.CALL_999) < run.out.index("What happened?")
    assert run.out.rstrip().count("call 999") >= 2  # and again in the confirmation
    reference = run.out.split("Your report ")[1].split(" ")[0]
    shown = policybot("reports", "show", reference, "--as", "dsl")
    assert "He said he would come to her house tonight." in shown.out
    assert "Immediate danger: YES" in shown.out and "online_contact" in shown.out


def test_without_a_terminal_or_flags_it_says_how_to_report(local_setup: Path) -> None:
    run = policybot("report", "--as", "amy")
    assert run.code == 2 and run.err.count("\n") == 1 and "--what" in run.err


def test_the_lead_works_the_report_through_from_the_terminal(local_setup: Path, tmp_path: Path) -> None:
    reference = file_report()
    listed = policybot("reports", "list", "--as", "dsl")
    assert listed.code == 0 and reference in listed.out and "images" in listed.out and TEXT not in listed.out

    shown = policybot("reports", "show", reference.lower(), "--as", "dsl")
    assert shown.code == 0 and TEXT in shown.out and "viewed" in shown.out

    acked = policybot("reports", "ack", reference, "--as", "dsl2")
    assert acked.code == 0 and f"{reference}: acknowledged" in acked.out
    assert messages.console_reporter_notice("amy", messages.reporter_notice("acknowledged", reference)) in acked.out

    assert policybot("reports", "note", reference, "Spoke to parents", "--as", "dsl").code == 0
    decided = policybot("reports", "decide", reference, "referred_social_care", "MASH referral made", "--as", "dsl")
    assert decided.code == 0
    closed = policybot("reports", "close", reference, "Social care took the lead", "--as", "dsl")
    assert closed.code == 0 and f"{reference}: closed" in closed.out
    assert policybot("reports", "list", "--as", "dsl").out.strip() == messages.CONSOLE_NO_OPEN_REPORTS

    export_file = tmp_path / "records.json"
    exported = policybot("reports", "export", "--as", "dsl", "--format", "json", "--output", str(export_file))
    assert exported.code == 0 and messages.console_exported(1, str(export_file)) in exported.out
    [record] = json.loads(export_file.read_text())
    assert record["what_happened"] == TEXT
    assert [e["action"] for e in record["chronology"]].count("decision") == 1
    assert stat.S_IMODE(os.stat(export_file).st_mode) == 0o600

    csv_out = policybot("reports", "export", "--as", "deputy", "--format", "csv")
    assert csv_out.code == 0 and csv_out.out.startswith("reference,created_at") and TEXT in csv_out.out
    purged = policybot("reports", "purge", "--as", "dsl")
    assert purged.code == 0 and "Purged 0 closed reports" in purged.out  # not yet past retention
    assert policybot("reports", "problems", "--as", "dsl").out.strip() == messages.CONSOLE_NO_DELIVERY_PROBLEMS


def test_a_report_about_a_lead_is_hidden_from_them(local_setup: Path) -> None:
    reference = file_report("--about-lead", "dsl", "--category", "colleague_conduct")
    assert policybot("reports", "list", "--as", "dsl").out.strip() == messages.CONSOLE_NO_OPEN_REPORTS
    refused = policybot("reports", "show", reference, "--as", "dsl")
    assert refused.code == 1 and refused.err.strip() == messages.NOT_ALLOWED
    assert reference in policybot("reports", "list", "--as", "dsl2").out


@pytest.mark.parametrize("who", ["amy", "stranger", "dsl"])
def test_non_leads_and_unknown_references_get_the_same_refusal(local_setup: Path, who: str) -> None:
    reference = file_report()
    asked = reference if who != "dsl" else "SG-2026-9999"
    run = policybot("reports", "show", asked, "--as", who)
    assert run.code == 1 and run.err.strip() == messages.NOT_ALLOWED and TEXT not in run.out + run.err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["reports"], "policybot reports: "),
        (["reports", "show", "SG-2026-0001"], "--as"),
        (["reports", "decide", "SG-2026-0001", "maybe", "why", "--as", "dsl"], "invalid choice"),
        (["reports", "frobnicate", "--as", "dsl"], "invalid choice"),
        (["report", "--category", "gossip", "--what", "x"], "invalid choice"),
        (["keygen", "extra"], "takes no arguments"),
        (["nonsense"], "not a report command"),
    ],
)
def test_bad_usage_exits_2_with_one_line(local_setup: Path, argv: list[str], says: str) -> None:
    run = policybot(*argv)
    assert run.code == 2
    assert says in run.err and run.err.count("\n") == 1 and "Traceback" not in run.err


def test_help_is_shown_on_stdout(local_setup: Path) -> None:
    run = policybot("reports", "--help")
    assert run.code == 0 and "list" in run.out and "export" in run.out and run.err == ""


@pytest.mark.parametrize(
    ("what", "says"),
    [("   ", "can't be empty"), ("secret text\x07bell", "control characters"), ("x" * 3001, "3,001")],
)
def test_invalid_reports_are_refused_with_the_reason_and_nothing_is_filed(
    local_setup: Path, what: str, says: str
) -> None:
    run = policybot("report", "--as", "amy", "--what", what)
    assert run.code == 1 and says in run.err and "secret" not in run.err
    assert policybot("reports", "list", "--as", "dsl").out.strip() == messages.CONSOLE_NO_OPEN_REPORTS


def test_without_a_key_reporting_refuses_to_start_and_says_how_to_make_one(
    local_setup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("POLICYBOT_REPORT_KEY")
    run = policybot("report", "--as", "amy", "--what", TEXT)
    assert run.code == 2 and "policybot keygen" in run.err and TEXT not in run.err
    assert not local_setup.exists()


def test_without_console_leads_it_says_what_to_set(local_setup: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLICYBOT_CONSOLE_SAFEGUARDING_LEADS")
    run = policybot("reports", "list", "--as", "dsl")
    assert run.code == 2 and "POLICYBOT_CONSOLE_SAFEGUARDING_LEADS" in run.err


def test_a_database_path_that_cannot_be_opened_is_named(
    local_setup: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("POLICYBOT_DATABASE_URL", f"sqlite:///{tmp_path}")  # a folder, not a file
    run = policybot("report", "--as", "amy", "--what", TEXT)
    assert run.code == 2 and "can't open the SQLite file" in run.err and str(tmp_path) in run.err


def test_an_unexpected_fault_gives_the_apology_not_a_traceback(
    local_setup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYBOT_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")  # nothing listens
    run = policybot("report", "--as", "amy", "--what", TEXT)
    assert run.code == 1 and run.err.strip() == messages.SORRY and TEXT not in run.err + run.out


def test_retrying_the_same_command_files_one_report(local_setup: Path) -> None:
    first = file_report("--submission-id", "script-42")
    again = file_report("--submission-id", "script-42")
    assert first == again
    assert policybot("reports", "list", "--as", "dsl").out.count("SG-") == 1


class InterruptedKeyboard(Keyboard):
    def readline(self, size: int | None = -1) -> str:
        raise KeyboardInterrupt


def test_ctrl_c_while_reporting_cancels_cleanly(local_setup: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = report_console.main(["report", "--as", "amy"], stdin=InterruptedKeyboard(), stdout=out, stderr=err)
    assert code == 130 and err.getvalue().strip() == messages.CONSOLE_CANCELLED and "Traceback" not in err.getvalue()


def test_an_export_overwriting_a_shared_file_makes_it_private(local_setup: Path, tmp_path: Path) -> None:
    file_report()
    target = tmp_path / "records.csv"
    target.write_text("old")
    target.chmod(0o644)
    run = policybot("reports", "export", "--as", "dsl", "--format", "csv", "--output", str(target))
    assert run.code == 0 and messages.console_exported(1, str(target)) in run.out
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600 and TEXT in target.read_text()


def test_a_discord_lead_reads_a_discord_report_and_its_delivery_problem_from_the_terminal(
    local_setup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`policybot reports show --as discord:ID`: what the other leads need when one lead's DMs are closed."""
    lead, closed_dms = "111111111111111111", "222222222222222222"
    monkeypatch.setenv("DISCORD_SAFEGUARDING_LEADS", f"{lead},{closed_dms}")
    notifier = RecordingNotifier()
    notifier.fail_for[f"discord:{closed_dms}"] = DeliveryFailed("DMs closed (50007)", permanent=True)
    recipients = recipients_from_ids("discord", [lead, closed_dms])

    async def file_on_discord() -> Receipt:  # as the Discord bot's process would
        async with open_report_desk(load(CoreSettings), recipients, notifier, run_worker=False) as desk:
            reporter = UserRef(platform="discord", user_id="333333333333333333")
            receipt = await desk.submit(ReportDraft(reporter=reporter, submission_id="i-1", what_happened=TEXT))
            await desk.outbox.deliver_due()
            return receipt

    receipt = asyncio.run(file_on_discord())
    assert notifier.deliveries()[(f"discord:{lead}", receipt.reference)] == 1

    shown = policybot("reports", "show", receipt.reference, "--as", f"discord:{lead}")
    assert shown.code == 0, shown.err
    assert TEXT in shown.out
    problems = policybot("reports", "problems", "--as", f"discord:{lead}")
    assert receipt.reference in problems.out and closed_dms in problems.out
    refused = policybot("reports", "show", receipt.reference, "--as", "discord:999999999999999999")
    assert refused.code == 1 and TEXT not in refused.out + refused.err
    bad = policybot("reports", "list", "--as", "teams:42")
    assert bad.code == 2 and "--as takes ID, slack:ID or discord:ID" in bad.err


VOTED_POLICY = (
    "# Social media\n\n"
    "1. Staff must not accept friend requests from parents of children at the club on personal accounts.\n"
    "2. Photos of children are taken only on the club's tablet and never posted without consent.\n"
)


async def vote_as_a_chat_app_would(policies: Path, votes: list[tuple[str, bool]]) -> None:
    """Each question answered from the policy, then voted on its first quoted clause, as the Slack and Discord
    buttons do; and one helpful vote on a clause the policy has since lost."""
    advisor = PolicyAdvisor(load_knowledge(policies), contact="the DSL")
    async with open_report_desk(load(CoreSettings), RECIPIENTS_CONSOLE, RecordingNotifier(), run_worker=False) as desk:
        for question, helpful in votes:
            first = (await advisor.answer(question)).hits[0].clause
            await desk.feedback.record("slack", first.source, first.ref, helpful, question)
        await desk.feedback.record("slack", "policy.md", "9", True, "a question on a clause since removed")


RECIPIENTS_CONSOLE = recipients_from_ids("console", ["dsl"])


@pytest.fixture
def policies(tmp_path: Path) -> Path:
    """The policy folder the votes were cast on."""
    folder = tmp_path / "policies"
    folder.mkdir()
    (folder / "policy.md").write_text(VOTED_POLICY)
    return folder


def test_the_questions_staff_marked_answered_become_a_question_set_that_eval_measures(
    local_setup: Path,
    policies: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("POLICYBOT_STORE_QUESTION_TEXT", "true")
    asked = "a mum sent me a friend request on fb, can I accept?"
    asyncio.run(vote_as_a_chat_app_would(policies, [(asked, True), (asked, True), ("pics of the kids?", False)]))
    target = tmp_path / "our-questions.jsonl"

    run = policybot("reports", "votes", "--as", "dsl", "--output", str(target), "--knowledge", str(policies))

    assert run.code == 0, run.err
    assert run.out.strip() == messages.console_voted_questions(1, str(target), not_helpful=1, clause_gone=1)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    (question,) = parse_questions(target.read_text().splitlines(), str(target))
    assert (question.question, question.knowledge, question.kind) == (asked, "policy.md", "answer")
    assert question.expect == (load_knowledge(policies).clauses[0].text,)
    # the set is one `policybot eval` reads, and the bot answers it as staff said it did
    assert cli.main(["eval", str(target), "--documents", str(policies)]) == 0
    assert "top1_accuracy       1.000" in capsys.readouterr().out


def test_without_question_text_kept_no_question_set_is_written(
    local_setup: Path, policies: Path, tmp_path: Path
) -> None:
    asyncio.run(vote_as_a_chat_app_would(policies, [("can I accept a parent's friend request?", True)]))
    target = tmp_path / "our-questions.jsonl"
    run = policybot("reports", "votes", "--as", "dsl", "--output", str(target), "--knowledge", str(policies))
    assert run.code == 0 and run.out.strip() == messages.CONSOLE_NO_VOTED_QUESTIONS
    assert not target.exists()


def test_only_a_lead_may_write_out_the_questions_staff_asked(
    local_setup: Path, policies: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYBOT_STORE_QUESTION_TEXT", "true")
    secret = "Jo in year 8 asked me to add her on insta, can I?"
    asyncio.run(vote_as_a_chat_app_would(policies, [(secret, True)]))
    target = tmp_path / "our-questions.jsonl"
    run = policybot("reports", "votes", "--as", "amy", "--output", str(target), "--knowledge", str(policies))
    assert run.code != 0 and run.err.strip() == messages.NOT_ALLOWED
    assert not target.exists() and secret not in run.out + run.err


def test_a_question_set_from_votes_names_a_policy_folder_that_cannot_be_read(
    local_setup: Path, policies: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYBOT_STORE_QUESTION_TEXT", "true")
    asyncio.run(vote_as_a_chat_app_would(policies, [("can I accept a parent's friend request?", True)]))
    missing = tmp_path / "no-such-folder"
    run = policybot(
        "reports", "votes", "--as", "dsl", "--output", str(tmp_path / "q.jsonl"), "--knowledge", str(missing)
    )
    assert run.code == 2 and "no-such-folder" in run.err and "Traceback" not in run.err
