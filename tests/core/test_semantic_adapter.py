"""The re-ranker's shipped adapter: low-rank changes to the model's weights, fitted to staff's questions and the
clauses that answer them. It loads with the packaged model, changes its vectors a little, and is refused with a
clear message when its file is broken, or left unused when it was fitted to another model."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from assistant.answers import PolicyAdvisor
from assistant.errors import ConfigurationError
from assistant.knowledge import load_knowledge
from assistant.models import AnswerStatus
from assistant.semantic import EncoderAdapter, SentenceEncoder, load_reranker
from assistant.settings import BUNDLED_KNOWLEDGE, CoreSettings
from tests.conftest import REPO

SHIPPED = BUNDLED_KNOWLEDGE / "reranker_adapter.npz"
TEXTS = [
    "can i accept a follow request from one of my yr5s on my private insta?",
    "Practitioners should never be 'friends' or 'linked' on social media with children and young people that "
    "attend our school.",
    "The minibus must be checked before every trip.",
]


def test_the_settings_use_the_shipped_adapter_unless_told_not_to(monkeypatch: pytest.MonkeyPatch) -> None:
    assert CoreSettings(_env_file=None).semantic_adapter == SHIPPED
    monkeypatch.setenv("POLICYBOT_SEMANTIC_ADAPTER", "")
    assert CoreSettings(_env_file=None).semantic_adapter is None


def test_the_shipped_adapter_fits_the_packaged_model_and_moves_its_vectors_a_little(model_folder: Path) -> None:
    plain = SentenceEncoder.load(model_folder)
    adapter = EncoderAdapter.read(SHIPPED)
    assert adapter.base == plain.tag
    adapted = SentenceEncoder.load(model_folder, adapter)
    assert adapted.tag != plain.tag  # a vector store never mixes the two models' vectors
    before, after = plain.encode(TEXTS), adapted.encode(TEXTS)
    assert np.allclose(np.linalg.norm(after, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(before, after, atol=1e-3)
    assert ((before * after).sum(axis=1) > 0.9).all()  # the same model, nudged: not another one


def test_each_changed_weight_gains_the_product_of_its_factors_and_the_rest_stay_as_they_were() -> None:
    weights = {"layer.weight": np.ones((3, 2), dtype=np.float32), "other.weight": np.zeros((2, 2), dtype=np.float32)}
    b, a = np.array([[1.0], [2.0], [0.0]], dtype=np.float16), np.array([[0.5, -1.0]], dtype=np.float16)
    changed = EncoderAdapter({"layer.weight": (b, a)}, base="m").apply(weights)
    assert np.array_equal(changed["layer.weight"], [[1.5, 0.0], [2.0, -1.0], [1.0, 1.0]])
    assert changed["other.weight"] is weights["other.weight"]
    assert np.array_equal(weights["layer.weight"], np.ones((3, 2)))  # the model's own weights are not written to


def test_an_adapter_written_and_read_back_is_the_same(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    factors = {"encoder.q.weight": (rng.normal(size=(4, 2)), rng.normal(size=(2, 5)))}
    EncoderAdapter(factors, base="abc").write(path := tmp_path / "adapter.npz")
    read = EncoderAdapter.read(path)
    assert read.base == "abc" and read.path == path
    assert np.array_equal(read.factors["encoder.q.weight"][0], factors["encoder.q.weight"][0])
    assert read.tag == EncoderAdapter(factors, base="abc").tag != EncoderAdapter(factors, base="abd").tag


@pytest.mark.parametrize("damage", ["missing", "not a zip", "no base", "one factor", "shapes", "not finite"])
def test_a_broken_adapter_file_is_refused_naming_it(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "adapter.npz"
    b, a = np.ones((4, 2)), np.ones((2, 3))
    if damage == "not a zip":
        path.write_bytes(b"PK\x03\x04 not a zip at all")
    elif damage == "no base":
        np.savez(path, **{"w:b": b, "w:a": a})
    elif damage == "one factor":
        np.savez(path, base=np.array("m"), **{"w:b": b})
    elif damage == "shapes":
        np.savez(path, base=np.array("m"), **{"w:b": b, "w:a": np.ones((3, 3))})
    elif damage == "not finite":
        np.savez(path, base=np.array("m"), **{"w:b": b * np.inf, "w:a": a})
    with pytest.raises(ConfigurationError, match=str(path)):
        EncoderAdapter.read(path)


def test_an_adapter_for_weights_the_model_lacks_is_refused_naming_it(model_folder: Path, tmp_path: Path) -> None:
    tag = SentenceEncoder.load(model_folder).tag
    EncoderAdapter({"encoder.layer.9.nothing.weight": (np.ones((4, 1)), np.ones((1, 4)))}, tag).write(
        path := tmp_path / "adapter.npz"
    )
    with pytest.raises(ConfigurationError, match=rf"{path}: encoder.layer.9.nothing.weight does not fit the model"):
        load_reranker(True, model_folder, adapter=path)


def test_an_adapter_fitted_to_another_model_is_left_unused_with_a_warning(
    model_folder: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    EncoderAdapter({"w": (np.ones((2, 1)), np.ones((1, 2)))}, "another model").write(path := tmp_path / "other.npz")
    with caplog.at_level(logging.WARNING):
        reranker = load_reranker(True, model_folder, adapter=path)
    assert reranker is not None
    assert reranker.encoder.tag == SentenceEncoder.load(model_folder).tag  # the model as published
    assert f"semantic adapter {path} was fitted to another model" in caplog.text


def test_with_the_adapter_a_lesson_moved_to_zoom_is_answered_first_by_the_rule_on_where_lessons_happen(
    model_folder: Path,
) -> None:
    """A question on a policy the adapter was never trained on (new-policy set N): the published model puts the
    rule on phone and video calls outside lessons first; the adapter, the rule that lessons happen only in the
    tutoring company's own classroom, never on Zoom."""
    policy = (
        REPO / "benchmarks" / "new_policies_2026_12_04" / "N" / "docs" / "brightpath-online-tutoring-safeguarding.txt"
    )
    knowledge = load_knowledge(policy)
    question = (
        "parent says the app keeps crashing on her laptop and asked if we can just do tonights lesson on zoom "
        "instead. fine just this once?"
    )
    rule = "You must never teach a learner on Zoom"
    first: dict[Path | None, str] = {}
    for adapter in (None, SHIPPED):
        reranker = load_reranker(True, model_folder, adapter=adapter)
        answer = PolicyAdvisor(knowledge, contact="the DSL", reranker=reranker).answer_now(question)
        assert answer.status is AnswerStatus.ANSWERED
        first[adapter] = answer.hits[0].clause.text
    assert rule not in first[None]
    assert rule in first[SHIPPED]
