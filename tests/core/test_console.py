"""`policybot ask` driven through in-memory streams, as a user or a script would use it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from adapters.cli import main as cli_main
from adapters.console import run
from tests.conftest import REPO, SEEDS


@pytest.fixture(autouse=True)
def _as_the_quick_start_installs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lexical ranking, as the README's Quick start installs policybot (the re-ranker is an extra, tested in
    test_semantic.py): these tests pin what `ask` prints, in the order the default install gives."""
    monkeypatch.setenv("POLICYBOT_SEMANTIC_RANKING", "false")


def ask(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err, io.StringIO(stdin))
    return code, out.getvalue(), err.getvalue()


def test_a_question_gets_the_quoted_clause_with_its_source() -> None:
    code, out, err = ask("can I accept a parent's friend request?")
    assert code == 0, err
    assert "accepting parents of attendees as friends on Facebook" in out
    assert "— LEAPS Suffolk - Social Media Policy, clause 6.9" in out
    assert "was due for review (Review date: April 2024)" in out  # a stale policy is never relied on unknowingly


def test_json_output_has_exactly_the_documented_shape() -> None:
    code, out, _ = ask("--json", "--top", "2", "can I accept a parent's friend request?")
    assert code == 0
    answer = json.loads(out)
    assert set(answer) == {"question", "status", "hits"}
    assert answer["status"] == "answered"
    assert len(answer["hits"]) == 2
    first = answer["hits"][0]
    assert set(first) == {"document", "source", "clause", "text", "score"}
    assert first["source"] == "001_2ee1f2c645ae7313.txt"
    assert first["clause"] == "6.9"
    assert isinstance(first["score"], float)
    assert answer["hits"][0]["score"] >= answer["hits"][1]["score"]


def test_no_match_and_concern_are_told_plainly() -> None:
    _, out, _ = ask("--knowledge", str(SEEDS / "003_8e02432411714b95.txt"), "can we park in the staff car park?")
    assert "doesn't say anything I can quote" in out and "Designated Safeguarding Lead" in out
    northwood = str(SEEDS / "003_8e02432411714b95.txt")
    _, out, _ = ask("--json", "--knowledge", northwood, "can we park in the staff car park?")
    assert json.loads(out) == {"question": "can we park in the staff car park?", "status": "no_match", "hits": []}
    _, out, _ = ask("I think one of our 14 yr olds is being groomed by an older man she met on snapchat")
    assert out.startswith("This sounds like a safeguarding concern")
    assert "policybot report" in out


def test_questions_from_stdin_are_answered_in_order_one_json_per_line() -> None:
    questions = "can I accept a parent's friend request?\n\n\x00\x01\x02\nwhere is the fire exit?\n"
    code, out, err = ask("--json", "--knowledge", str(SEEDS / "001_2ee1f2c645ae7313.txt"), "-", stdin=questions)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["status"] for line in lines] == ["answered", "no_match"]
    assert "line 2: Please type a question" in err  # junk is named, the rest is still answered


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "the following arguments are required"),
        (["   "], "Please type a question"),
        (["--top", "0", "hello"], "--top must be 1 or more"),
        (["--knowledge", "/no/such/folder", "hello"], "/no/such/folder: no such file or folder"),
        (["--bogus", "hello"], "unrecognized arguments"),
    ],
)
def test_bad_usage_exits_2_with_one_clear_line(argv: list[str], message: str) -> None:
    code, out, err = ask(*argv)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_an_unreadable_policy_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "policy.docx"
    bad.write_bytes(b"not a word file")
    code, _, err = ask("--knowledge", str(bad), "hello")
    assert code == 2
    assert err.strip() == f"policybot ask: {bad}: is not a valid Word (.docx) file"


def test_the_knowledge_folder_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "policy.md").write_text(
        "# Oak Club\n\n## Photos\n\nLeaders must never post photos of members online.\n"
    )
    monkeypatch.setenv("POLICYBOT_KNOWLEDGE", str(tmp_path))
    _, out, _ = ask("can I post pictures of the kids online?")
    assert "Leaders must never post photos of members online." in out
    assert "Oak Club, Photos" in out


def test_a_huge_or_binary_question_gets_an_answer_not_a_traceback() -> None:
    code, out, err = ask("--json", "friend request from a parent " + "x" * 100_000)
    assert code == 0 and json.loads(out)["status"] in {"answered", "no_match"}
    code, _, err = ask("\x00\x07\x1b[31m")
    assert code == 2 and "Please type a question" in err


def test_the_policybot_command_lists_its_commands() -> None:
    assert cli_main(["--help"]) == 0
    assert cli_main(["frobnicate"]) == 2


def test_the_installed_command_answers_end_to_end() -> None:
    """The README's first command, as a separate process on the bundled knowledge."""
    result = subprocess.run(
        [sys.executable, "-m", "adapters.cli", "ask", "--json", "can I accept a parent's friend request?"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["hits"][0]["clause"] == "6.9"


def test_an_answer_ends_by_saying_how_to_report_a_worry_the_question_did_not_raise() -> None:
    # the concern detector can miss a worry told in everyday words: every answer still shows the way in
    _, out, _ = ask("can I accept a parent's friend request?")
    assert " ".join(out.split()).endswith("or use `policybot report` to report it confidentially.")
    _, out, _ = ask("--knowledge", str(SEEDS / "003_8e02432411714b95.txt"), "can we park in the staff car park?")
    assert "`policybot report`" in out


def test_a_markdown_policy_is_quoted_in_its_words_without_its_marks_but_json_keeps_them(tmp_path: Path) -> None:
    policy = tmp_path / "handbook.md"
    policy.write_text(
        "# Lost children\n\n"
        "**Do not give the name of a lost child over the radio.** Take them to the [creche](https://map.example/c).\n",
        encoding="utf-8",
    )
    question = "can i say a lost child's name over the radio?"
    code, out, err = ask("--knowledge", str(policy), question)
    assert code == 0, err
    assert "Do not give the name of a lost child over the radio. Take them to the creche" in out
    assert "(https://map.example/c)" in out and "**" not in out
    _, out, _ = ask("--knowledge", str(policy), "--json", question)
    assert json.loads(out)["hits"][0]["text"].startswith("**Do not give the name")  # verbatim for scripts


def test_a_reader_that_stops_early_gets_no_error_or_traceback() -> None:
    """`policybot ask - | head -1`: the pipe closes after the first answer; the rest is simply not written."""
    questions = "can I accept a parent's friend request?\n" * 200
    with subprocess.Popen(
        [sys.executable, "-m", "adapters.cli", "ask", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    ) as process:
        assert process.stdin is not None and process.stdout is not None and process.stderr is not None
        process.stdin.write(questions.encode())
        process.stdin.close()
        assert process.stdout.readline()  # the first answer arrives
        process.stdout.close()  # then the reader goes away, as `head -1` does
        stderr = process.stderr.read().decode()
        process.wait(timeout=60)
    assert "Traceback" not in stderr and "went wrong" not in stderr
