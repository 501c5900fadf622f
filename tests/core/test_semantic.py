"""The optional semantic re-ranker: the published model's own embeddings, computed in numpy; it reorders
the first clauses of an answer and never changes whether the policy answers."""

from __future__ import annotations

import asyncio
import io
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from adapters.console import run as run_ask
from assistant import semantic
from assistant.answers import PolicyAdvisor
from assistant.errors import ConfigurationError
from assistant.evaluation import parse_questions
from assistant.knowledge import load_knowledge
from assistant.models import AnswerStatus
from assistant.semantic import (
    QuestionMap,
    SemanticReranker,
    SentenceEncoder,
    VectorStore,
    load_reranker,
    read_safetensors,
)
from assistant.settings import CoreSettings
from tests.conftest import CORPUS, REPO, SHARED

REFERENCE = [  # all-MiniLM-L6-v2 through sentence-transformers (torch), the first six dimensions
    (
        "can I accept a parent's friend request?",
        [-0.100067, 0.051500, 0.036586, -0.031354, -0.009930, -0.055743],
    ),
    (
        "Staff must not accept friend requests from parents or carers on personal accounts.",
        [-0.069784, 0.069337, 0.013049, -0.045934, -0.029362, -0.081817],
    ),
    ("The minibus must be checked before every trip.", [0.120008, 0.052755, 0.038379, 0.040950, 0.038788, 0.007850]),
]


@pytest.fixture(scope="module")
def encoder(model_folder: Path) -> SentenceEncoder:
    return SentenceEncoder.load(model_folder)


def test_the_encoder_gives_the_published_models_embeddings(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode([text for text, _ in REFERENCE])
    for vector, (_, expected) in zip(vectors, REFERENCE, strict=True):
        assert np.allclose(vector[:6], expected, atol=1e-3)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] == pytest.approx(0.5643, abs=1e-3)
    assert vectors[0] @ vectors[2] == pytest.approx(0.0063, abs=1e-3)


def test_batched_texts_of_different_lengths_get_the_vectors_they_get_alone(encoder: SentenceEncoder) -> None:
    texts = ["a short one", " ".join(["a much longer text about photographs of young people"] * 12), "mid length here"]
    together = encoder.encode(texts)
    alone = np.concatenate([encoder.encode([text]) for text in texts])
    assert np.allclose(together, alone, atol=1e-5)
    assert encoder.encode([]).shape == (0, 384)


def test_a_clause_closer_in_meaning_moves_up_and_near_ties_keep_the_lexical_order(encoder: SentenceEncoder) -> None:
    reranker = SemanticReranker(encoder)
    clauses = [
        "The minibus must be checked before every trip.",
        "Staff must not accept friend requests from parents or carers on personal accounts.",
        "Fire exits must be kept clear at all times.",
    ]
    assert reranker.order("can I accept a parent's friend request?", clauses, [9.0, 8.0, 7.0]) == [1, 0, 2]
    same = ["Photographs of young people need written consent.", "Photographs of young people need written consent!"]
    assert reranker.order("do I need consent for photos?", same, [9.0, 8.0]) == [0, 1]


def test_a_clause_whose_words_match_weakly_is_not_quoted_first_however_close_in_meaning(
    encoder: SentenceEncoder,
) -> None:
    reranker = SemanticReranker(encoder)
    clauses = [
        "The minibus must be checked before every trip.",
        "Staff must not accept friend requests from parents or carers on personal accounts.",
    ]
    question = "can I accept a parent's friend request?"
    assert reranker.order(question, clauses, [10.0, 5.0]) == [0, 1]  # half the best match's strength
    assert reranker.order(question, clauses, [10.0, 7.0]) == [1, 0]


def test_the_one_later_clause_closest_in_meaning_joins_the_first_few(encoder: SentenceEncoder) -> None:
    reranker = SemanticReranker(encoder)
    question = "can I accept a parent's friend request?"
    answering = "Never accept a parent's friend request."
    filler = ["Fire exits must be kept clear."] * semantic.POOL
    other = "The minibus must be checked before every trip."
    later = [*filler, other, answering]
    order = reranker.order(question, later, [5.0] * len(later))
    assert order[0] == len(later) - 1  # from seventh to first
    assert sorted(order) == list(range(len(later)))  # nothing lost or repeated

    beyond = [*filler, *[other] * (semantic.REACH - semantic.POOL), answering]
    order = reranker.order(question, beyond, [5.0] * len(beyond))
    assert order[semantic.REACH :] == [semantic.REACH]  # past the reach it stays where it was, however close


def test_the_cache_keeps_at_most_its_size(encoder: SentenceEncoder) -> None:
    reranker = SemanticReranker(encoder, cache_size=2)
    first = reranker.similarities("photos", ["one", "two", "three"])
    again = reranker.similarities("photos", ["one", "two", "three"])
    assert np.allclose(first, again, atol=1e-6)
    assert len(reranker._cache) == 2


CLAUSES = [
    "Staff must not accept friend requests from parents or carers on personal accounts.",
    "The minibus must be checked before every trip.",
    "Photographs of children are only taken on the organisation's own devices.",
]


def test_clause_vectors_are_kept_on_disk_for_the_next_process(encoder: SentenceEncoder, tmp_path: Path) -> None:
    path = tmp_path / "store" / "vectors.npz"
    question = "can I accept a parent's friend request?"
    first = SemanticReranker(encoder, store=VectorStore(path)).similarities(question, CLAUSES)
    assert path.is_file()
    # a new process (a new store and re-ranker) takes what is stored: a vector planted for a clause is the
    # one used, so its text was not encoded again
    planted = encoder.encode([question])[0]
    VectorStore(path).add(encoder.tag, {CLAUSES[1]: planted})
    again = SemanticReranker(encoder, store=VectorStore(path)).similarities(question, CLAUSES)
    assert again[1] == pytest.approx(1.0, abs=1e-5)  # the minibus clause now "is" the question
    assert again[[0, 2]] == pytest.approx(first[[0, 2]], abs=1e-6)


def test_only_clauses_are_stored_never_the_question(encoder: SentenceEncoder, tmp_path: Path) -> None:
    path = tmp_path / "vectors.npz"
    question = "a girl in my group told me her stepdad hits her"
    SemanticReranker(encoder, store=VectorStore(path)).similarities(question, CLAUSES)
    with np.load(path) as data:
        keys = set(data["keys"].tolist())
    assert keys == {VectorStore.key(encoder.tag, text) for text in CLAUSES}
    assert question.encode() not in path.read_bytes()


def test_vectors_of_another_model_are_not_used(encoder: SentenceEncoder, tmp_path: Path) -> None:
    path = tmp_path / "vectors.npz"
    VectorStore(path).add("another model", {CLAUSES[0]: np.ones(384, dtype=np.float32)})
    assert VectorStore(path).get(encoder.tag, CLAUSES) == {}
    assert set(VectorStore(path).get("another model", CLAUSES)) == {CLAUSES[0]}


def test_a_model_of_another_size_replaces_the_stored_vectors(tmp_path: Path) -> None:
    path = tmp_path / "vectors.npz"
    VectorStore(path).add("small model", {"clause": np.ones(4, dtype=np.float32)})
    VectorStore(path).add("large model", {"clause": np.ones(8, dtype=np.float32)})
    assert set(VectorStore(path).get("large model", ["clause"])) == {"clause"}
    assert VectorStore(path).get("small model", ["clause"]) == {}


def test_the_store_keeps_the_latest_up_to_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "vectors.npz"
    store = VectorStore(path, limit=2)
    for number in range(3):
        store.add("m", {f"clause {number}": np.full(4, number, dtype=np.float32)})
    assert set(VectorStore(path).get("m", ["clause 0", "clause 1", "clause 2"])) == {"clause 1", "clause 2"}


@pytest.mark.parametrize("damage", ["corrupt", "unwritable"])
def test_a_damaged_store_is_an_empty_one_and_answers_go_on(
    encoder: SentenceEncoder, tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    if damage == "corrupt":
        path = tmp_path / "vectors.npz"
        path.write_bytes(b"PK\x03\x04 not a zip at all")
    else:
        (tmp_path / "a file").write_text("in the way of a folder")
        path = tmp_path / "a file" / "vectors.npz"
    question = "can I accept a parent's friend request?"
    plain = SemanticReranker(encoder).similarities(question, CLAUSES)
    stored = SemanticReranker(encoder, store=VectorStore(path)).similarities(question, CLAUSES)
    assert stored == pytest.approx(plain, abs=1e-6)
    assert str(path) in caplog.text
    if damage == "corrupt":  # written afresh, and read next time
        assert set(VectorStore(path).get(encoder.tag, CLAUSES)) == set(CLAUSES)


def test_ask_keeps_clause_vectors_for_the_next_ask(model_folder: Path, tmp_path: Path) -> None:
    path = tmp_path / "vectors.npz"
    outputs = []
    for _ in range(2):
        out = io.StringIO()
        env = {"POLICYBOT_SEMANTIC_STORE": str(path)}
        with pytest.MonkeyPatch.context() as patch:
            for name, value in env.items():
                patch.setenv(name, value)
            assert run_ask(["--json", "can I accept a parent's friend request?"], out, io.StringIO(), sys.stdin) == 0
        outputs.append(json.loads(out.getvalue()))
        assert path.is_file()
    assert outputs[0] == outputs[1]
    with np.load(path) as data:
        assert len(data["keys"]) == semantic.REACH  # the clauses the answer's order was chosen from


def test_a_question_about_private_messages_is_answered_first_by_the_rule_on_channels(model_folder: Path) -> None:
    knowledge = load_knowledge(CORPUS / "student-robotics-safeguarding.txt")
    advisor = PolicyAdvisor(knowledge, contact="the DSL", reranker=load_reranker(True, model_folder))
    answer = advisor.answer_now("student is stuck on their code, can i just DM them on discord to help debug?")
    assert answer.status is AnswerStatus.ANSWERED
    assert "Private communication channels are not to be used." in answer.hits[0].clause.text


@pytest.mark.parametrize(
    ("mapped", "adapted"),
    [(False, False), (True, False), (False, True)],
    ids=["the model alone", "with a question map", "with the shipped adapter"],
)
def test_the_reranker_never_changes_whether_the_policy_answers(
    model_folder: Path, tmp_path: Path, mapped: bool, adapted: bool
) -> None:
    """Abstention and the worry check are decided before the order: every status is the same."""
    tuning = None
    if mapped:
        tuning = tmp_path / "map.npz"
        nudged = np.eye(384, dtype=np.float32) + np.random.default_rng(2).normal(scale=0.05, size=(384, 384))
        QuestionMap(nudged, SentenceEncoder.load(model_folder).tag).write(tuning)
    adapter = CoreSettings(_env_file=None).semantic_adapter if adapted else None
    reranker = load_reranker(True, model_folder, tuning=tuning, adapter=adapter)
    assert reranker is not None and (reranker.question_map is not None) is mapped
    questions = parse_questions((SHARED / "eval" / "questions.jsonl").read_text().splitlines(), "dev")
    seeds = REPO / "knowledge" / "documents"
    plain: dict[str, PolicyAdvisor] = {}
    ranked: dict[str, PolicyAdvisor] = {}
    for question in questions:
        if question.knowledge not in plain:
            knowledge = load_knowledge(seeds if question.knowledge == "*" else seeds / question.knowledge)
            plain[question.knowledge] = PolicyAdvisor(knowledge, contact="x")
            ranked[question.knowledge] = PolicyAdvisor(knowledge, contact="x", reranker=reranker)
        without = plain[question.knowledge].answer_now(question.question)
        with_it = ranked[question.knowledge].answer_now(question.question)
        assert with_it.status is without.status, question.id
        if with_it.status is AnswerStatus.ANSWERED:  # quoted from the lexical ranking's first few, reordered
            pool = plain[question.knowledge].answer_now(question.question, top_k=semantic.REACH).hits
            assert {hit.clause.text for hit in with_it.hits} <= {hit.clause.text for hit in pool}, question.id


def test_turned_off_or_not_installed_means_lexical_ranking(monkeypatch: pytest.MonkeyPatch, model_folder: Path) -> None:
    assert load_reranker(False, model_folder) is None
    monkeypatch.setattr(semantic, "PACKAGED_MODEL", "no_such_model_package")
    assert semantic.packaged_model() is None
    assert load_reranker(True, None) is None


def test_a_model_folder_that_is_set_must_load(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match=r"model.safetensors is missing"):
        load_reranker(True, tmp_path)
    (tmp_path / "model.safetensors").write_bytes(b"\x08\x00\x00\x00\x00\x00\x00\x00{}")
    (tmp_path / "tokenizer.json").write_text("not json")
    with pytest.raises(ConfigurationError, match=r"cannot read it"):
        load_reranker(True, tmp_path)


def test_ask_says_in_one_line_when_the_set_model_folder_is_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYBOT_SEMANTIC_MODEL", str(tmp_path / "nowhere"))
    err = io.StringIO()
    assert run_ask(["can I accept a friend request?"], io.StringIO(), err, sys.stdin) == 2
    assert err.getvalue().count("\n") == 1
    assert "nowhere" in err.getvalue() and "missing" in err.getvalue()


def test_safetensors_are_read_as_stored(tmp_path: Path) -> None:
    table = np.arange(12, dtype=np.float32).reshape(3, 4)
    header = json.dumps({"t": {"dtype": "F32", "shape": [3, 4], "data_offsets": [0, table.nbytes]}}).encode()
    path = tmp_path / "m.safetensors"
    path.write_bytes(len(header).to_bytes(8, "little") + header + table.tobytes())
    assert np.array_equal(read_safetensors(path)["t"], table)


async def test_answers_asked_at_once_are_the_answers_asked_in_turn(encoder: SentenceEncoder) -> None:
    """Answers run in worker threads (a bot's other users go on being served); the caches they share
    stay whole however the threads interleave, a small re-ranker cache evicting all the while."""
    knowledge = load_knowledge(REPO / "knowledge" / "documents")
    advisor = PolicyAdvisor(knowledge, contact="the DSL", reranker=SemanticReranker(encoder, cache_size=3))
    questions = [
        "can I accept a parent's friend request?",
        "can I post photos of the kids on my own instagram?",
        "who do I tell if a colleague posts something offensive?",
        "is it ok to text a young person from my personal phone?",
    ] * 3
    in_turn = [advisor.answer_now(question) for question in questions]
    at_once = await asyncio.gather(*(advisor.answer(question) for question in questions))
    assert [a.hits for a in at_once] == [a.hits for a in in_turn]
    assert all(a.status is AnswerStatus.ANSWERED for a in at_once)
