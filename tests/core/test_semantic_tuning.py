"""The re-ranker's question map: fitted to questions and the clauses that answer them, saved, and used only
with the model it was fitted to."""

from __future__ import annotations

import io
import json
import logging
import sys
from pathlib import Path

import numpy as np
import pytest

from adapters.console import run as run_ask
from adapters.train_reranker import run as run_train
from assistant import semantic
from assistant.errors import ConfigurationError
from assistant.semantic import QuestionMap, SentenceEncoder, load_reranker
from assistant.semantic_tuning import TuningExample, answered_first, fit_question_map
from assistant.settings import CoreSettings


def _examples(rng: np.random.Generator, twist: np.ndarray, count: int) -> list[TuningExample]:
    """Questions whose answering clause (third in the lexical order) lies along `twist` applied to the
    question, among clauses the question alone sits nearer to: what the model alone gets wrong and one
    linear map puts right."""
    size = twist.shape[0]
    examples = []
    for _ in range(count):
        question = rng.normal(size=size)
        question /= np.linalg.norm(question)
        decoys = [question + rng.normal(scale=0.6, size=size) for _ in range(4)]
        answer = twist @ question + rng.normal(scale=0.1, size=size)
        clauses = np.array([decoys[0], decoys[1], answer, decoys[2], decoys[3]])
        clauses /= np.linalg.norm(clauses, axis=1, keepdims=True)
        examples.append(TuningExample(question, clauses, (5.0,) * 5, np.array([False, False, True, False, False])))
    return examples


def test_the_map_puts_first_the_answers_of_questions_like_those_it_was_fitted_to() -> None:
    rng = np.random.default_rng(7)
    size = 16
    twist, _ = np.linalg.qr(rng.normal(size=(size, size)))  # a rotation: answers sit elsewhere than questions
    fitted_on, unseen = _examples(rng, twist, 60), _examples(rng, twist, 60)
    matrix = fit_question_map(fitted_on, rounds=300)
    assert answered_first(unseen) < 10  # the model alone: mostly the nearer decoys
    assert answered_first(unseen, matrix) >= 40  # the map learned where answers lie, for questions it never saw


def test_the_stronger_the_pull_the_nearer_the_map_stays_to_the_identity() -> None:
    rng = np.random.default_rng(3)
    size = 16
    twist, _ = np.linalg.qr(rng.normal(size=(size, size)))
    examples = _examples(rng, twist, 30)
    distances = [np.abs(fit_question_map(examples, pull=pull) - np.eye(size)).max() for pull in (0.001, 0.1, 0.5)]
    assert distances[0] > distances[1] > distances[2]
    assert distances[2] < 0.2


def test_nothing_to_fit_is_said_plainly() -> None:
    with pytest.raises(ValueError, match="no examples to fit"):
        fit_question_map([])


def test_a_map_is_read_back_as_it_was_written(tmp_path: Path) -> None:
    path = tmp_path / "map.npz"
    matrix = np.eye(4, dtype=np.float32) + np.float32(0.25)
    QuestionMap(matrix, "model-a").write(path)
    read = QuestionMap.read(path)
    assert read.tag == "model-a"
    assert np.array_equal(read.matrix, matrix)
    assert np.allclose(read.apply(np.ones(4, dtype=np.float32)), matrix @ np.ones(4))


@pytest.mark.parametrize("damage", ["missing", "not an npz", "not square"])
def test_a_map_that_cannot_be_read_is_named(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "map.npz"
    if damage == "not an npz":
        path.write_bytes(b"PK\x03\x04 not a zip at all")
    elif damage == "not square":
        np.savez(path, matrix=np.ones((2, 3), dtype=np.float32), tag=np.array("m"))
    with pytest.raises(ConfigurationError, match=str(path)):
        QuestionMap.read(path)


def test_no_map_is_used_unless_one_is_set_and_a_set_one_is(model_folder: Path, tmp_path: Path) -> None:
    assert CoreSettings(_env_file=None).semantic_tuning is None  # none is shipped: see semantic_tuning's docstring
    plain = load_reranker(True, None, tuning=CoreSettings(_env_file=None).semantic_tuning)
    assert plain is not None and plain.question_map is None
    path = tmp_path / "map.npz"
    nudged = np.eye(384, dtype=np.float32) + np.random.default_rng(1).normal(scale=0.05, size=(384, 384))
    QuestionMap(nudged, SentenceEncoder.load(model_folder).tag).write(path)
    mapped = load_reranker(True, None, tuning=path)
    assert mapped is not None and mapped.question_map is not None
    clauses = ["Staff must not use school equipment for personal social media.", "Do not post photos of pupils."]
    question = "can I check facebook on the classroom pc?"
    assert not np.allclose(mapped.similarities(question, clauses), plain.similarities(question, clauses))


def test_a_map_fitted_to_another_model_is_left_unused_with_a_warning(
    model_folder: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "other.npz"
    QuestionMap(np.eye(384, dtype=np.float32), "another model").write(path)
    with caplog.at_level(logging.WARNING):
        reranker = load_reranker(True, model_folder, tuning=path)
    assert reranker is not None and reranker.question_map is None
    assert f"semantic tuning file {path} was fitted to another model" in caplog.text


def test_empty_setting_means_the_model_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYBOT_SEMANTIC_TUNING", "")
    assert CoreSettings(_env_file=None).semantic_tuning is None


POLICY = """\
# Riverside Youth Club - Online Safety Policy

1. Staff must not accept friend requests from young people on personal social media accounts.
2. Staff must not use the club's computers or tablets for their own social media.
3. Photographs of young people may only be taken on club devices and with written consent.
4. Staff who contact parents must use the club phone, never a personal mobile.
5. Any concern about a young person's safety must be reported to the Designated Safeguarding Lead the same day.
6. Staff must not share passwords for club accounts.
"""

QUESTIONS = [
    ("can I add one of the teenagers on insta?", "Staff must not accept friend requests from young people"),
    ("is it ok to go on twitter on the club ipad at break?", "Staff must not use the club's computers"),
    ("can I snap a pic of the kids on my phone for the newsletter?", "Photographs of young people may only"),
    ("can I ring a parent on my personal mobile?", "Staff who contact parents must use the club phone"),
]


def _question_set(folder: Path) -> Path:
    (folder / "docs").mkdir()
    (folder / "docs" / "riverside.md").write_text(POLICY, encoding="utf-8")
    lines = [
        json.dumps({"id": f"q{n}", "question": q, "knowledge": "riverside.md", "kind": "answer", "expect": [e]})
        for n, (q, e) in enumerate(QUESTIONS)
    ]
    lines.append(
        json.dumps(
            {
                "id": "none",
                "question": "what is the lunch menu?",
                "knowledge": "riverside.md",
                "kind": "none",
                "expect": [],
            }
        )
    )
    path = folder / "questions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_train_reranker_writes_a_map_that_ask_then_uses(
    model_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions = _question_set(tmp_path)
    out_path = tmp_path / "tuning.npz"
    out, err = io.StringIO(), io.StringIO()
    assert run_train([str(questions), "--out", str(out_path)], out, err) == 0, err.getvalue()
    summary = out.getvalue()
    assert "fitted on 4 answerable questions" in summary  # the unanswerable one teaches nothing about order
    assert str(out_path) in summary
    assert QuestionMap.read(out_path).tag == SentenceEncoder.load(model_folder).tag

    answers = []
    for tuning in ["", str(out_path)]:
        monkeypatch.setenv("POLICYBOT_SEMANTIC_TUNING", tuning)
        printed = io.StringIO()
        asked = ["--json", "--knowledge", str(tmp_path / "docs"), "am I ok to ring a mum on my own mobile?"]
        assert run_ask(asked, printed, io.StringIO(), sys.stdin) == 0
        answers.append(json.loads(printed.getvalue()))
    assert answers[0]["status"] == answers[1]["status"] == "answered"  # the map orders; it never decides
    assert "club phone" in answers[1]["hits"][0]["text"]


def test_train_reranker_says_in_one_line_what_is_wrong(
    model_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def errors(argv: list[str]) -> str:
        err = io.StringIO()
        assert run_train([*argv, "--out", str(tmp_path / "map.npz")] if argv else argv, io.StringIO(), err) == 2
        assert len(err.getvalue().strip().splitlines()) == 1
        return err.getvalue()

    assert "the following arguments are required" in errors([])
    assert f"cannot read {tmp_path / 'nowhere.jsonl'}" in errors([str(tmp_path / "nowhere.jsonl")])
    lost = tmp_path / "lost.jsonl"
    lost.write_text(
        json.dumps({"id": "a", "question": "q?", "knowledge": "gone.md", "kind": "answer", "expect": ["x"]})
    )
    assert "no folder holds the policies it names" in errors([str(lost)])
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    assert f"cannot read {binary}" in errors([str(binary)])
    questions = _question_set(tmp_path)  # only its unanswerable question kept: nothing to learn an order from
    lines = questions.read_text(encoding="utf-8").splitlines()
    questions.write_text("\n".join(line for line in lines if '"kind": "none"' in line) + "\n", encoding="utf-8")
    assert "no examples to fit" in errors([str(questions)])
    monkeypatch.setattr(semantic, "PACKAGED_MODEL", "no_such_model_package")
    assert "the semantic re-ranker is not installed" in errors([str(lost)])


def test_ask_says_in_one_line_when_the_set_question_map_is_broken(
    model_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "map.npz"
    broken.write_bytes(b"\x00\x01 not a map")
    monkeypatch.setenv("POLICYBOT_SEMANTIC_TUNING", str(broken))
    err = io.StringIO()
    assert run_ask(["can I accept a friend request?"], io.StringIO(), err, sys.stdin) == 2
    assert err.getvalue().count("\n") == 1
    assert f"semantic tuning file {broken}: cannot read it" in err.getvalue()
