"""`policybot eval`: figures computed the way shared/eval/README.md defines them."""

from __future__ import annotations

import io
import json
from pathlib import Path

from adapters.evaluation import run
from assistant.evaluation import hit_matches
from tests.conftest import SEEDS


def write_set(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    return path


def test_snippets_match_ignoring_case_and_whitespace_but_not_in_overlong_hits() -> None:
    assert hit_matches("Adults must be  cautious\nabout following", ("ADULTS MUST BE CAUTIOUS about",))
    assert not hit_matches("x" * 1501 + " adults must", ("adults must",))


def test_eval_prints_each_figure_and_names_the_failures(tmp_path: Path) -> None:
    leaps = "001_2ee1f2c645ae7313.txt"
    questions = write_set(
        tmp_path / "set.jsonl",
        [
            {
                "id": "a1",
                "question": "can I accept a parent's friend request on facebook?",
                "knowledge": leaps,
                "kind": "answer",
                "expect": ["accepting parents of attendees as friends on Facebook"],
            },
            {
                "id": "a2",
                "question": "can I accept a parent's friend request on facebook?",
                "knowledge": leaps,
                "kind": "answer",
                "expect": ["a snippet no clause contains"],
            },
            {
                "id": "n1",
                "question": "how do I claim mileage for the minibus?",
                "knowledge": leaps,
                "kind": "none",
                "expect": [],
            },
            {
                "id": "c1",
                "question": "I think one of our 14 yr olds is being groomed by an older man online",
                "knowledge": "*",
                "kind": "concern",
                "expect": ["safeguarding"],
            },
        ],
    )
    out, err = io.StringIO(), io.StringIO()
    assert run([str(questions), "--documents", str(SEEDS)], out, err) == 0, err.getvalue()
    text = out.getvalue()
    assert "4 questions" in text
    assert "semantic re-ranker" in text  # the figures say which ranking they measure
    assert "top1_accuracy       0.500" in text  # a1 right, a2 can't be
    assert "no_match_recall     1.000" in text
    assert "concern_detection   1.000" in text
    assert "false_concerns      0.000" in text
    assert "failed: 1" in text and "a2 [answer -> answered]" in text


def test_a_malformed_question_line_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "question": "hi"}\n')
    out, err = io.StringIO(), io.StringIO()
    assert run([str(bad)], out, err) == 2
    assert f"{bad}:1: not a valid question line" in err.getvalue()


def test_a_question_refused_or_a_policy_unreadable_is_named_in_one_line(tmp_path: Path) -> None:
    refused = write_set(
        tmp_path / "refused.jsonl",
        [{"id": "q7", "question": "??", "knowledge": "001_2ee1f2c645ae7313.txt", "kind": "none", "expect": []}],
    )
    out, err = io.StringIO(), io.StringIO()
    assert run([str(refused), "--documents", str(SEEDS)], out, err) == 2
    assert err.getvalue().startswith("policybot eval: q7: Please type a question")
    missing = write_set(
        tmp_path / "missing.jsonl",
        [{"id": "q8", "question": "can i post photos?", "knowledge": "nope.txt", "kind": "none", "expect": []}],
    )
    out, err = io.StringIO(), io.StringIO()
    assert run([str(missing), "--documents", str(SEEDS)], out, err) == 2
    assert "nope.txt" in err.getvalue() and err.getvalue().count("\n") == 1
